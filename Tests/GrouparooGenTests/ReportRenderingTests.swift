import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// The byte-level writers behind `--format json|sarif|github` against the rules they must follow:
/// `JSON.stringify` (as `JSONOutput` prints values) and GitHub's workflow-command encoding.
final class ReportRenderingTests: XCTestCase {
    /// Text from a config can hold anything a Swift string can: controls, quotes, non-ASCII, U+FFFD (what
    /// invalid UTF-8 and the reader's replacements become). Lone surrogates cannot reach a `String`: the
    /// reader refuses them.
    static let awkwardTexts = [
        "", "plain", "100% done", "a\r\nb", "\n", "\r", "a:b,c", "::error::", "%0A", "\"quoted\" \\ back\\slash",
        "\u{00}\u{01}\u{07}\u{08}\u{09}\u{0B}\u{0C}\u{0E}\u{1B}\u{1F} \u{7F}", "\u{85}\u{9B}", "é e\u{301} %\u{301} :\u{301} ,\u{301} \n\u{301}",
        "日本語 😀 \u{2028}\u{2029} \u{FEFF} \u{FFFD}", String(repeating: "long line with nothing to escape ", count: 20),
    ]

    // MARK: JSON

    func testJSONStringsAreEscapedAsJSONStringifyEscapesThem() throws {
        XCTAssertEqual(JSONOutput.quoted("\u{08}\u{09}\u{0A}\u{0C}\u{0D}\"\\"), #""\b\t\n\f\r\"\\""#)
        XCTAssertEqual(JSONOutput.quoted("\u{00}\u{01}\u{0B}\u{1B}\u{1F}"), #""\u0000\u0001\u000b\u001b\u001f""#)
        XCTAssertEqual(JSONOutput.quoted("\u{7F}\u{85} é 😀 \u{2028} / <"), "\"\u{7F}\u{85} é 😀 \u{2028} / <\"", "only controls below U+0020 are escaped")
        for text in Self.awkwardTexts + (0..<0x80).map({ String(Unicode.Scalar(UInt8($0))) }) {
            let parsed = try JSONSerialization.jsonObject(with: Data(JSONOutput.quoted(text).utf8), options: .fragmentsAllowed)
            XCTAssertEqual(parsed as? String, text)
        }
    }

    func testOrderedJSONIsWrittenAsJSONStringifyWouldWriteIt() {
        let sample = OrderedJSON.object([
            ("null", .null), ("yes", .bool(true)), ("no", .bool(false)),
            ("numbers", .array([.int(0), .int(-5), .int(9_007_199_254_740_991), .int(9_007_199_254_740_993), .int(1 << 62), .int(Int.min)])),
            ("texts", .array(Self.awkwardTexts.map { .string($0) })),
            ("empty array", .array([])), ("empty object", .object([])),
            ("nested", .array([.array([.object([("k\u{01}\"", .array([.null]))])]), .object([])])),
            ("elements", .elements(count: 3) { .int($0) }),
        ])
        XCTAssertEqual(sample.rendered(), JSONOutput.stringify(Self.value(sample), indent: 2))
    }

    func testElementsAreWrittenInRunsAsTheArrayWouldBe() {
        let element: @Sendable (Int) -> OrderedJSON = { index in
            .object([("index", .int(index)), ("text", .string("line \(index)\n")), ("inner", .elements(count: index % 3) { .int($0) })])
        }
        for count in [0, 1, 127, 128, 129, 5000] {
            let streamed = OrderedJSON.object([("count", .int(count)), ("list", .elements(count: count, element: element))])
            let whole = OrderedJSON.object([("count", .int(count)), ("list", .array((0..<count).map(element)))])
            var pieces: [String] = []
            streamed.write { pieces.append($0) }
            XCTAssertEqual(pieces.joined(), whole.rendered(), "\(count) elements")
            XCTAssertEqual(pieces.joined(), JSONOutput.stringify(Self.value(whole), indent: 2))
            if count == 5000 { XCTAssertGreaterThan(pieces.count, 2, "a long list reaches the sink in pieces") }
        }
    }

    /// The value `JSONOutput` prints for an `OrderedJSON` (keys are distinct names, so member order is kept).
    static func value(_ json: OrderedJSON) -> JSValue {
        let span = SourceSpan.wholeFile("")
        switch json {
        case .null: return .null
        case .bool(let flag): return .boolean(flag)
        case .int(let number): return .number(Double(number))
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map { LocatedValue(value($0), span: span) })
        case .elements(let count, let element): return value(.array((0..<count).map(element)))
        case .object(let members):
            var object = JSObject()
            for member in members { object.set(member.key, LocatedValue(value(member.value), span: span)) }
            return .object(object)
        }
    }

    // MARK: Paths

    /// The byte look-ups give what comparing Characters gives (canonically equivalent spellings included).
    func testReportPathsAgreeWithComparingCharacters() {
        let directories = ["/repo", "/repo/", "/", "/répo", "/re\u{301}po", "/K"]
        let samples = ["/repo", "/repo/", "/repo/a.js", "/repository/a.js", "/repo/\u{301}a.js", "/repo/é.js", "/rep", "/other/a.js",
                     "/re\u{301}po/a.js", "/répo/a.js", "/\u{212A}/a.js", "/K/a.js", "/K/\u{301}", "a.js", ""]
        for directory in directories {
            let paths = ReportPaths(workingDirectory: directory, configDirectory: directory)
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            for path in samples {
                let inside = path.hasPrefix(base) && path.count > base.count
                XCTAssertEqual(paths.isInsideWorkingDirectory(path), inside, "\(directory) \(path)")
                XCTAssertEqual(paths.display(path), path == directory ? "." : inside ? String(path.dropFirst(base.count)) : path, "\(directory) \(path)")
            }
        }
    }

    func testSARIFURIsArePercentEncodedAsFoundationEncodesThem() throws {
        let paths = ReportPaths(workingDirectory: "/repo", configDirectory: "/repo/config")
        for name in ["a.js", "my apps/a b.js", "100%.js", "é.js", "a+b@c;d=e,f:g!h$i&j'k(l)m*n.js", "x?y#z[w].js", "tab\t.js", "~u_v-w.js"] {
            let outcome = ValidationOutcome(diagnostics: [SampleDiagnostics.warning(in: "/repo/config/" + name)], fileCount: 1, objectCount: 1, strict: false)
            let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(SARIFReport.log(outcome, paths: paths).rendered().utf8)) as? [String: Any])
            let result = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String,
                           ("config/" + name).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed))
        }
    }

    // MARK: GitHub

    /// What GitHub's toolkit does (`escapeData`, `escapeProperty`): every `%`, CR, LF, and in properties `:`
    /// and `,`, whatever follows them (Foundation's `replacingOccurrences`, used before, passed over one
    /// followed by a combining mark, so a line feed could cut an annotation); everything else is kept byte for byte.
    func testGitHubEncodingMatchesReplacingEachCharacter() {
        for text in Self.awkwardTexts {
            var data = ""
            var property = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "%": data += "%25"; property += "%25"
                case "\r": data += "%0D"; property += "%0D"
                case "\n": data += "%0A"; property += "%0A"
                case ":": data += ":"; property += "%3A"
                case ",": data += ","; property += "%2C"
                default: data.unicodeScalars.append(scalar); property.unicodeScalars.append(scalar)
                }
            }
            XCTAssertEqual(ValidateFormatTests.encoded(text, in: .data), data)
            XCTAssertEqual(ValidateFormatTests.encoded(text, in: .property), property)
        }
    }

    func testGitHubAnnotationsKeepControlCharactersVisibleAndOnOneLine() {
        var diagnostic = SampleDiagnostics.warning(in: "/repo/odd\u{1B}[31m,name:\n.js")
        diagnostic.message = "50%\r\nof\u{07} it é\n\u{301}"
        diagnostic.grouparooMessage = "a,b:c"
        var bytes: [UInt8] = []
        GitHubReport.appendAnnotation(diagnostic, paths: ReportPaths(workingDirectory: "/repo", configDirectory: "/repo/config"), to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self),
                       #"::warning file=odd\e[31m%2Cname%3A\n.js,line=7,col=12,title=grouparoo-gen [unset-env-var]::"#
                       + #"50%25\r%0Aof\x07 it é%0A"# + "\u{301}" + #"%0AGrouparoo reports: a,b:c"# + "\n")
    }

    func testGitHubReportWritesEveryAnnotationInOrderThenTheSummary() {
        let diagnostics = (0..<300).map { index -> Diagnostic in
            var diagnostic = SampleDiagnostics.warning(in: "/repo/f\(index / 7).js")
            diagnostic.message = "problem \(index)"
            return diagnostic
        }
        let outcome = ValidationOutcome(diagnostics: diagnostics, fileCount: 43, objectCount: 300, strict: false)
        var text = ""
        GitHubReport.write(outcome, paths: ReportPaths(workingDirectory: "/repo", configDirectory: "/repo/config")) { text += $0 }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 302)
        XCTAssertEqual(lines[0], "::warning file=f0.js,line=7,col=12,title=grouparoo-gen [unset-env-var]::problem 0")
        XCTAssertEqual(lines[299], "::warning file=f42.js,line=7,col=12,title=grouparoo-gen [unset-env-var]::problem 299")
        XCTAssertEqual(lines[300], "0 errors, 300 warnings in 43 files (300 objects)")
        XCTAssertEqual(lines[301], "")
    }
}
