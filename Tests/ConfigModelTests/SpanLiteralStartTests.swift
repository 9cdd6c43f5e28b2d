@testable import ConfigModel
import Foundation
import XCTest

/// `SourceSpan.startsWithLiteral`, which the reader sets, against what `hardcoded-secret` decided before spans
/// carried it (`LiteralByRereading`: read the file again, look at the character the span starts at). Every value
/// and key span of many spellings, in `.js` and `.json` files, must get the same answer.
final class SpanLiteralStartTests: XCTestCase {
    func testTheReadersFlagAgreesWithReadingTheTextAgain() throws {
        let root = try makeTemporaryDirectory(self)
        for (name, bytes) in Self.files { try Data(bytes).write(to: root.appendingPathComponent(name)) }
        let read = ConfigReader(options: ReaderOptions(environment: ["SET": "from-env"])).readDirectory(at: root.path)
        let problems = read.files.flatMap(\.diagnostics).filter { $0.severity == .error || $0.ruleID == "needs-node" }
        XCTAssertEqual(problems.map { "\($0.span?.description ?? ""): \($0.message)" }, [])
        XCTAssertEqual(read.files.filter { $0.evaluated.isEmpty }.map(\.path), [])
        var answers = Answers()
        for file in read.files { for value in file.evaluated { compare(value, &answers) } }
        XCTAssertGreaterThan(answers.literal, 100)
        XCTAssertGreaterThan(answers.notLiteral, 100)
    }

    func testNodeValuesPointAtTheFilesFirstCharacter() throws {
        try XCTSkipUnless(nodeExecutable() != nil, "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let body = "module.exports = async () => { const list = []; for (const id of [\"a\"]) list.push({ class: \"team\", id }); "
            + "return list; };\n"
        try write("\"use strict\";\n" + body, to: root.appendingPathComponent("quoted.js"))
        try write(body, to: root.appendingPathComponent("plain.js"))
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node)
        let read = ConfigReader(options: options).readDirectory(at: root.path)
        XCTAssertEqual(read.files.map(\.evaluated.count), [1, 1])
        var answers = Answers()
        for file in read.files { for value in file.evaluated { compare(value, &answers) } }
        XCTAssertEqual([answers.literal, answers.notLiteral], [5, 5])
    }

    func testSpansCompareByPlaceAlone() {
        let start = TextPosition(line: 3, column: 7)
        let made = SourceSpan(file: "/x.js", start: start, end: TextPosition(line: 3, column: 9))
        let flagged = made.startingWithLiteral(true)
        XCTAssertTrue(flagged.startsWithLiteral)
        XCTAssertFalse(made.startsWithLiteral)
        XCTAssertEqual(flagged, made)
        XCTAssertEqual(flagged.hashValue, made.hashValue)
        XCTAssertEqual(flagged.file, "/x.js")
        // A moved start names other text: the flag no longer holds.
        var moved = flagged
        moved.start = TextPosition(line: 1, column: 1)
        XCTAssertFalse(moved.startsWithLiteral)
        // A key keeps its flag in every way a property stores its span.
        let value = SourceSpan(file: "/x.js", start: TextPosition(line: 4, column: 1), end: TextPosition(line: 4, column: 3))
        let elsewhere = SourceSpan(file: "/y.js", start: start, end: start)
        for key in [flagged, made, value.startingWithLiteral(true), elsewhere.startingWithLiteral(true), elsewhere] {
            let property = JSProperty(key: "k", keySpan: key, value: LocatedValue(.null, span: value.startingWithLiteral(true)))
            XCTAssertEqual(property.keySpan, key)
            XCTAssertEqual(property.keySpan.startsWithLiteral, key.startsWithLiteral, "\(key)")
        }
    }

    private struct Answers {
        var literal = 0
        var notLiteral = 0
        let reread = LiteralByRereading()
    }

    private func compare(_ value: LocatedValue, _ answers: inout Answers) {
        compare(value.span, &answers)
        switch value.value {
        case .array(let elements): for element in elements { compare(element, &answers) }
        case .object(let object):
            for property in object.properties {
                compare(property.keySpan, &answers)
                compare(property.value, &answers)
            }
        default: break
        }
    }

    private func compare(_ span: SourceSpan, _ answers: inout Answers) {
        let expected = answers.reread.isLiteral(span)
        XCTAssertEqual(span.startsWithLiteral, expected, "\(span) to \(span.end.line):\(span.end.column)")
        if expected { answers.literal += 1 } else { answers.notLiteral += 1 }
    }

    private static let spellings = #"""
        const constant = "constant-text";
        const single = 'single';
        const base = { "quotedKey": "q", plainKey: 'p', nested: { deep: `deep` }, 'singleKey': 1 };
        const list = ["a", 'b', `c`, 1, true, null];
        const { plainKey: renamed, ...others } = base;
        const [first, , third = "default"] = list;
        function make(x = "param-default") { return { x, y: x + "!", z: "lit" }; }
        const arrow = (v) => `${v}-arrow`;
        const lib = require("./lib.js");
        const json = require("./data.json");
        const fromOtherFile = { "libKey": lib.v, plainLib: lib.w, [constant]: json.v };
        module.exports = [{
          class: "app", id: "spellings",
          double: "double", single: 'single', template: `template`, interpolated: `a${constant}b`,
          concatenated: "a" + constant, concatenatedLater: constant + "b", sum: 1 + 2,
          envUnset: process.env.UNSET, envSet: process.env.SET, orFallback: process.env.UNSET || "fallback",
          orSet: process.env.SET || "unused", nullish: process.env.UNSET ?? 'nullish', andOperand: process.env.SET && "and",
          envTemplate: `${process.env.SET}`, envConcatenated: process.env.SET + "-suffix",
          constant, byName: constant, single2: single, renamed, others, first, third,
          ...base, spreadArray: [...list], copied: { ...base.nested, ...fromOtherFile },
          keys: Object.keys(base), values: Object.values(base), entries: Object.entries(base),
          otherKeys: Object.keys(fromOtherFile), otherEntries: Object.entries(fromOtherFile), fromOtherFile,
          assigned: Object.assign({}, base, { "extra": 'e' }),
          method: "MiXeD".toLowerCase(), chained: constant.slice(1).toUpperCase(), joined: list.join("-"),
          stringCall: String(12), conditional: process.env.SET ? "yes" : 'no', unsetConditional: process.env.UNSET ? "y" : 'n',
          parenthesized: ("paren"), commented: /* c */ "after-comment", negated: -1, not: !"x",
          member: base.nested.deep, index: list[0], computed: { ["comp" + "uted"]: "v", [constant]: 'w' },
          called: make(), calledWith: make('arg'), arrowed: arrow("in"), json, jsonValue: json.list,
          "quoted key": "v", 'single key': 1, 42: "numeric key", typed: typeof constant,
          continued: "line one \
        line two", afterTab:	"tab", escapes: "\"quoted\"", number: 0x1F, boolean: false, nothing: null,
        }];
        """#

    /// Every line break JavaScript knows, text that is not ASCII before values on their line, and a byte order mark.
    private static let lineBreaks: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
        "module.exports = { class: \"breaks\", id: 'crlf', a: \"x\",\r\n b: 'y', \"é-clé\": \"valeur\", ünï: `t`,\r"
        + " c: \"after-cr\", d: \"ls\u{2028}inside\", e: 'after-ls', f: \"ps\u{2029}\", g: `x`,\n"
        + " h: [\"日本\", '語', `字`], i: \"🙂\" + 'emoji', j: 1 };\n").utf8)

    /// Invalid UTF-8 before values on their line (Node reads each invalid sequence as U+FFFD).
    private static let invalid: [UInt8] = Array("module.exports = { class: \"bad\", id: \"utf8\", s: \"".utf8)
        + [0xFF, 0xED, 0xA0, 0x80, 0xC3] + Array("\", after: 'x', /* ".utf8) + [0xE2, 0x80, 0xF0, 0x9F]
        + Array(" */ t: `y`, n: 2 };\n".utf8)

    /// Keys past column 131,071 are kept in `WideKeySpans`.
    private static let wide = "const far = {" + String(repeating: " ", count: 140_000)
        + "\"farKey\": \"v\", farPlain: 1 };\nmodule.exports = { class: \"wide\", id: \"wide\", far, farKeys: Object.keys(far) };\n"

    private static let files: [(String, [UInt8])] = [
        ("spellings.js", Array(spellings.utf8)),
        ("lib.js", Array("module.exports = { class: \"lib\", id: \"lib\", v: \"from-lib\", w: 'w', t: `t` };\n".utf8)),
        ("data.json", Array(#"{ "class": "j", "id": "json", "v": "text", "n": 1, "list": ["a", 2, true, null], "o": { "k": "v" } }"#.utf8)),
        ("data5.json", [0xEF, 0xBB, 0xBF] + Array("// JSON5\r\n{ class: 'j5', id: \"json5\", unquoted: 'single', n: +1,\r\n hex: 0x1F, list: [1, 'x',], }\n".utf8)),
        ("breaks.js", lineBreaks),
        ("invalid.js", invalid),
        ("wide.js", Array(wide.utf8)),
        ("exported.js", Array("exports.default = [{ class: \"e\", id: `exported`, list: [\"a\", ...['b'], String(1)] }];\n".utf8)),
        ("function.js", Array("module.exports = function () { return { class: 'f', id: \"function\", v: \"ret\" }; };\n".utf8)),
    ]
}

/// The decision `hardcoded-secret` made before the reader flagged spans: a span starts with a literal when its file
/// is JSON, or when the character at its start, in the file read again, is a quote.
final class LiteralByRereading {
    private var lastFile: (path: String, lines: SourceLines)?

    func isLiteral(_ span: SourceSpan) -> Bool {
        if span.file.hasSuffix(".json") { return true }
        guard let character = firstCharacter(at: span) else { return false }
        return character == "\"" || character == "'" || character == "`"
    }

    private func firstCharacter(at span: SourceSpan) -> Unicode.Scalar? {
        let path = span.file
        if lastFile?.path != path { lastFile = (path, SourceLines(FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])) }
        guard let line = lastFile?.lines.lineBytes(span.start.line), span.start.column >= 1 else { return nil }
        if line.allSatisfy({ $0 < 0x80 }) {
            guard span.start.column <= line.count else { return nil }
            return Unicode.Scalar(line[line.startIndex + span.start.column - 1])
        }
        let scalars = String(decoding: line, as: UTF8.self).unicodeScalars
        guard span.start.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: span.start.column - 1)]
    }
}
