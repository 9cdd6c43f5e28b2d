@testable import ConfigModel
import XCTest

/// Bad input always ends in one clear error at the right place, never a crash or a hang.
final class ReaderBadInputTests: XCTestCase {
    private func firstError(_ source: String, path: String = "/virtual/config.js") -> (String, TextPosition?) {
        let result = evaluateJS(source, path: path)
        let error = result.diagnostics.first { $0.severity == .error }
        return (error.map { "\($0.ruleID): \($0.message)" } ?? "no error", error?.span?.start)
    }

    func testSyntaxErrorsNameTheProblemAndPosition() {
        let cases: [(String, String, TextPosition)] = [
            ("module.exports = { id: 'a' ", "syntax-error: expected `,` or `}` in the object, found end of file", TextPosition(line: 1, column: 28)),
            ("module.exports = 'abc", "syntax-error: unterminated string: missing closing '", TextPosition(line: 1, column: 18)),
            ("module.exports = \"ab\ncd\"", "syntax-error: unterminated string: a line break must be written as `\\n` inside quotes", TextPosition(line: 1, column: 18)),
            ("/* never closed\nmodule.exports = {}", "syntax-error: unterminated comment: `/*` has no closing `*/`", TextPosition(line: 1, column: 1)),
            ("module.exports = `abc", "syntax-error: unterminated template literal: missing closing backquote", TextPosition(line: 1, column: 18)),
            ("module.exports = '\\x4'", "syntax-error: invalid escape: expected 2 hexadecimal digits", TextPosition(line: 1, column: 19)),
            ("module.exports = '\\u{110000}'", "syntax-error: invalid escape: code point above U+10FFFF", TextPosition(line: 1, column: 19)),
            ("module.exports = 0x;", "syntax-error: a number prefix `0x` must be followed by digits", TextPosition(line: 1, column: 18)),
            ("module.exports = 3in;", "syntax-error: a number must not be followed directly by a name or digit", TextPosition(line: 1, column: 19)),
            ("module.exports = 1__0;", "syntax-error: a numeric separator `_` must sit between two digits", TextPosition(line: 1, column: 20)),
            ("module.exports = 1e;", "syntax-error: an exponent must have digits", TextPosition(line: 1, column: 18)),
            ("module.exports = { a: 1 } }", "syntax-error: expected a value, found `}`", TextPosition(line: 1, column: 27)),
            ("const = 1;", "syntax-error: expected a variable name, found `=`", TextPosition(line: 1, column: 7)),
            ("export default { id: 'a' };", "syntax-error: `export` statements are not allowed: config files are loaded with require(), so use `exports.default = …` or `module.exports = …`", TextPosition(line: 1, column: 1)),
            ("module.exports = null ?? 0 || 5;", "syntax-error: `??` cannot be mixed with `||` or `&&` without parentheses", TextPosition(line: 1, column: 18)),
            ("module.exports = -2 ** 2;", "syntax-error: a unary operator before `**` needs parentheses, e.g. `(-a) ** b`", TextPosition(line: 1, column: 21)),
            ("module.exports = { “a”: 1 }", "syntax-error: unexpected character `“`", TextPosition(line: 1, column: 20)),
            ("module.exports = `\\01`", "syntax-error: invalid escape in template literal", TextPosition(line: 1, column: 18)),
            ("module.exports = `\\x4`;", "syntax-error: invalid escape in template literal", TextPosition(line: 1, column: 18)),
        ]
        for (source, message, position) in cases {
            let (error, at) = firstError(source)
            XCTAssertEqual(error, message, source)
            XCTAssertEqual(at, position, source)
        }
    }

    /// Only parenthesised `??`, `||` and `&&` expressions are noted as parenthesised, the only ones the mixing rule asks.
    func testNullishMixedWithLogicalOnlyWithoutParentheses() {
        let mixing = "syntax-error: `??` cannot be mixed with `||` or `&&` without parentheses"
        for grouped in ["(null ?? 0) || 5", "null ?? (0 && 5)", "((null || 0)) ?? 5", "(0, null ?? 0) || 5", "(null) ?? (0 || 5)"] {
            XCTAssertEqual(firstError("module.exports = { a: \(grouped) };").0, "no error", grouped)
        }
        for bare in ["(null) ?? 0 || 5", "(null ?? 0 || 5)", "null || (0) ?? 5", "(1 + 2) ?? 0 && 5"] {
            XCTAssertEqual(firstError("module.exports = { a: \(bare) };").0, mixing, bare)
        }
    }

    /// Node decodes invalid UTF-8 to U+FFFD and loads the file (issue 9 §4): a warning, and the objects are read.
    func testInvalidUTF8IsAWarningAndTheFileIsRead() {
        for (path, opening) in [("/virtual/a.js", "module.exports = {"), ("/virtual/a.json", "{")] {
            let bytes = Array("\(opening)\n  id: \"a".utf8) + [0xC3, 0x28, 0xFF] + Array("\" }".utf8)
            let result = ConfigReader().read(contents: bytes, path: path)
            XCTAssertEqual(result.diagnostics.map(\.ruleID), ["invalid-utf8"], path)
            XCTAssertEqual(result.diagnostics.first?.severity, .warning)
            XCTAssertEqual(result.diagnostics.first?.span?.start, TextPosition(line: 2, column: 9))
            // Node: Buffer.from([0x61, 0xC3, 0x28, 0xFF]).toString() is "a\uFFFD(\uFFFD".
            XCTAssertEqual(JSONOutput.stringify(.array(result.objects)), "[{\"id\":\"a\u{FFFD}(\u{FFFD}\"}]", path)
        }
    }

    /// Found by the fuzzer: invalid UTF-8 right after a non-ASCII prefix whose length is a multiple of the
    /// column checkpoints' stride (64 bytes) trapped instead of naming the position.
    func testInvalidUTF8AfterANonASCIIPrefixOfAnyLengthNamesItsColumn() {
        for prefixLength in [2, 63, 64, 65, 128] {
            let prefix = [0xC3, 0xA9] + Array(repeating: UInt8(ascii: "a"), count: prefixLength - 2)
            let (value, diagnostics) = JSON5.parse(prefix + [0xFF], file: "/virtual/settings.json")
            XCTAssertNil(value)
            XCTAssertEqual(diagnostics.map(\.message), ["the file is not valid UTF-8"], "prefix of \(prefixLength) bytes")
            // "é" is one column: the invalid byte sits after prefixLength - 1 characters.
            XCTAssertEqual(diagnostics.first?.span?.start, TextPosition(line: 1, column: prefixLength), "prefix of \(prefixLength) bytes")
        }
    }

    func testDeepNestingIsAnErrorNotAStackOverflow() {
        let depth = 100_000
        for (open, close) in [("[", "]"), ("{a:", "}"), ("(", ")")] {
            let js = "module.exports = " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            let (error, _) = firstError(js)
            XCTAssertTrue(error.contains("nesting is too deep"), error)
        }
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let (jsonError, _) = firstError("{\"a\":" + json + "}", path: "/virtual/deep.json")
        XCTAssertTrue(jsonError.contains("nesting is too deep"), jsonError)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        XCTAssertTrue(firstError(objects, path: "/virtual/deep.json").0.contains("nesting is too deep"))
    }

    func testNestingBuiltThroughVariablesIsBounded() {
        var source = "const v0 = [[[[[[[[[[1]]]]]]]]]];\n"
        for index in 1...400 { source += "const v\(index) = [[[v\(index - 1)]]];\n" }
        source += "module.exports = { id: 'x', v: v400 };"
        XCTAssertTrue(firstError(source).0.contains("value is nested too deeply"))
    }

    func testSharedObjectsCannotMultiplyWithoutBound() {
        // Node builds this instantly by sharing, but writing it out would take 2^60 steps.
        var source = "const a0 = { x: 1 };\n"
        for index in 1...60 { source += "const a\(index) = { l: a\(index - 1), r: a\(index - 1) };\n" }
        source += "module.exports = { class: 'team', id: 't', name: 'abc', t: a60 };"
        XCTAssertTrue(dumpJS(source).contains("the value is too large to write out"), dumpJS(source))
    }

    func testRunawayWorkIsCutOff() {
        var doubling = "const s0 = 'xxxxxxxxxxxxxxxx';\n"
        for index in 1...40 { doubling += "const s\(index) = s\(index - 1) + s\(index - 1);\n" }
        doubling += "module.exports = { id: s40 };"
        XCTAssertTrue(evaluateJS(doubling).needsNode)
        var arrays = "const a0 = [1, 2];\n"
        for index in 1...40 { arrays += "const a\(index) = [...a\(index - 1), ...a\(index - 1)];\n" }
        arrays += "module.exports = { id: 'x', a: a40 };"
        XCTAssertTrue(evaluateJS(arrays).needsNode)
        let recursion = "function f(n) { return f(n + 1); }\nmodule.exports = f(0);"
        XCTAssertTrue(evaluateJS(recursion).needsNode)
    }

    func testNestedArrowHeadsDoNotBacktrackExponentially() throws {
        // `(a = (b = …))` could be an arrow head at every level; without memoising failed attempts
        // the parser would re-scan the tail 2^depth times. With it, re-scanning is at most quadratic,
        // and the nesting limit bounds the depth.
        let depth = 100
        let text = "module.exports = " + String(repeating: "(a = ", count: depth) + "1" + String(repeating: ")", count: depth) + ";"
        let source = try SourceText.decode(Array(text.utf8), file: "/virtual/arrows.js").get()
        var parser = JSParser(source: source)
        try parser.advance()
        _ = try parser.parseStatements()
        let tokens = 4 * depth + 5
        XCTAssertLessThan(parser.lexer.tokensScanned, tokens * tokens, "re-scanning must stay polynomial")
    }

    func testJSONErrors() {
        let cases: [(String, String)] = [
            ("{ \"a\": 1,, }", "syntax-error: invalid JSON5: unexpected character `,`"),
            ("{ a: 01 }", "syntax-error: invalid JSON5: numbers must not have leading zeros"),
            ("{ a: '\\1' }", "syntax-error: invalid JSON5: invalid escape `\\1`"),
            ("{ a: 1 } x", "syntax-error: invalid JSON5: unexpected character `x`"),
            ("{ a: [1, 2 }", "syntax-error: invalid JSON5: unexpected character `}`"),
            ("{ a: 'x", "syntax-error: invalid JSON5: unterminated string: missing closing '"),
        ]
        for (source, message) in cases {
            XCTAssertEqual(firstError(source, path: "/virtual/config.json").0, message, source)
        }
    }

    func testArbitraryBytesNeverCrash() {
        // Seeded so a failure reproduces; the fuzzer under Fuzz/ explores far more.
        var generator = SplitMix64(seed: 0x6772_6F75_7061_726F)
        let alphabet = Array("{}[]()'\"`$\\/*+-=<>!?:;,.0x1e_abc \n\u{2028}".utf8)
        for _ in 0..<300 {
            let length = Int.random(in: 0..<120, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            assertOneClearOutcome(bytes, path: "/virtual/fuzz.js")
            assertOneClearOutcome([UInt8]("{".utf8) + bytes, path: "/virtual/fuzz.json")
        }
    }

    /// Reading ends either in values or in one error that stops the file, at a place inside the input,
    /// and reading the same bytes again gives the same answer.
    private func assertOneClearOutcome(_ bytes: [UInt8], path: String, file: StaticString = #filePath, line: UInt = #line) {
        let result = ConfigReader().read(contents: bytes, path: path)
        let input = String(decoding: bytes, as: UTF8.self).debugDescription
        let stopping = result.diagnostics.filter { [.syntaxError, .evaluationError, .needsNode].contains($0.readerProblem) }
        XCTAssertLessThanOrEqual(stopping.count, 1, "more than one stopping error for \(input)", file: file, line: line)
        if !stopping.isEmpty {
            XCTAssertTrue(result.objects.isEmpty && result.evaluated.isEmpty, "values despite \(stopping[0].message) for \(input)",
                          file: file, line: line)
        }
        let lines = SourceLines(bytes)
        for diagnostic in result.diagnostics {
            XCTAssertNotNil(diagnostic.readerProblem, "\(diagnostic.message) for \(input)", file: file, line: line)
            XCTAssertFalse(diagnostic.message.isEmpty, file: file, line: line)
            guard let start = diagnostic.span?.start else {
                XCTFail("\(diagnostic.message) has no position for \(input)", file: file, line: line)
                continue
            }
            let text = lines.line(start.line)
            XCTAssertNotNil(text, "line \(start.line) is outside \(input)", file: file, line: line)
            XCTAssertLessThanOrEqual(start.column, (text?.unicodeScalars.count ?? 0) + 1,
                                     "column \(start.column) is past line \(start.line) of \(input)", file: file, line: line)
        }
        XCTAssertEqual(ConfigReader().read(contents: bytes, path: path).diagnostics, result.diagnostics,
                       "a second read differs for \(input)", file: file, line: line)
    }
}

/// A tiny deterministic generator (SplitMix64) for reproducible random inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func testFoundPathsAreThePrefixAndNameAsPlusWouldJoinThem() {
        let names: [[UInt8]] = [Array("a.js".utf8), Array("é-ü.json".utf8), [0x61, 0xFF, 0x2E, 0x6A, 0x73], [0xE2, 0x82]]
        for prefix in ["/short/", "/a/much/longer/directory/prefix/than/fits/inline/", "/ünïcode/"] {
            for name in names {
                name.withUnsafeBufferPointer { bytes in
                    let joined = ConfigFileFinder.joined(prefix, bytes[...])
                    XCTAssertEqual(joined, prefix + String(decoding: bytes, as: UTF8.self))
                    XCTAssertEqual(Array(joined.utf8), Array((prefix + String(decoding: bytes, as: UTF8.self)).utf8))
                }
            }
        }
    }
}
