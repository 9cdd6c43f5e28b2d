import JSEmitter
import XCTest

final class JSLiteralSyntaxTests: XCTestCase {
    func testQuotesAndBackslashesAreEscaped() {
        XCTAssertEqual(JSLiteralSyntax.quoted(#"say "hi" \o/"#), #""say \"hi\" \\o/""#)
    }

    func testLineBreaksAndControlCharactersAreEscaped() {
        XCTAssertEqual(JSLiteralSyntax.quoted("a\nb\rc\td\u{8}e\u{C}f"), #""a\nb\rc\td\be\ff""#)
        XCTAssertEqual(JSLiteralSyntax.quoted("\u{0}"), #""\u0000""#)
        XCTAssertEqual(JSLiteralSyntax.quoted("\u{1B}[0m"), #""\u001b[0m""#)
        XCTAssertEqual(JSLiteralSyntax.quoted("\u{0B}\u{7F}\u{85}"), #""\u000b\u007f\u0085""#)
    }

    func testUnicodeLineSeparatorsAndByteOrderMarkAreEscaped() {
        XCTAssertEqual(JSLiteralSyntax.quoted("a\u{2028}b\u{2029}c\u{FEFF}"), #""a\u2028b\u2029c\ufeff""#)
    }

    func testTemplateAndCommentSyntaxStayLiteralInsideDoubleQuotes() {
        XCTAssertEqual(JSLiteralSyntax.quoted("${process.exit(1)} */ // <!--"), #""${process.exit(1)} */ // <!--""#)
    }

    func testEmojiAndAccentedLettersAreWrittenAsIs() {
        XCTAssertEqual(JSLiteralSyntax.quoted("Ünïcode 🎉 日本"), "\"Ünïcode 🎉 日本\"")
    }

    func testLoneSurrogatesAreEscapedButPairsAreKept() {
        XCTAssertEqual(JSLiteralSyntax.quoted(utf16: [0x61, 0xD800, 0x62]), #""a\ud800b""#)
        XCTAssertEqual(JSLiteralSyntax.quoted(utf16: [0xDC00]), #""\udc00""#)
        XCTAssertEqual(JSLiteralSyntax.quoted(utf16: [0xDC00, 0xD800]), #""\udc00\ud800""#)
        XCTAssertEqual(JSLiteralSyntax.quoted(utf16: Array("🎉".utf16)), "\"🎉\"")
    }

    func testIdentifiers() {
        for key in ["id", "class", "_x", "$distinct_id", "FNAME", "a1"] {
            XCTAssertTrue(JSLiteralSyntax.isIdentifier(key), key)
            XCTAssertEqual(JSLiteralSyntax.propertyKey(key), key)
        }
        for key in ["", "1a", "merge_fields.FNAME", "High Value Customers!", "a-b", "é", "..."] {
            XCTAssertFalse(JSLiteralSyntax.isIdentifier(key), key)
            XCTAssertEqual(JSLiteralSyntax.propertyKey(key), JSLiteralSyntax.quoted(key))
        }
    }

    func testLineCommentCannotBeEndedByInput() {
        XCTAssertEqual(JSLiteralSyntax.lineCommentText("a\nb\rc\u{2028}d\u{2029}e"), "a b c d e")
    }

    func testEnvironmentReference() {
        XCTAssertEqual(JSLiteralSyntax.environmentReference("PRODUCTION_API_KEY"), "process.env.PRODUCTION_API_KEY")
        XCTAssertEqual(JSLiteralSyntax.environmentReference("MY-KEY"), #"process.env["MY-KEY"]"#)
        XCTAssertEqual(JSLiteralSyntax.environmentReference("x\"];evil()//"), #"process.env["x\"];evil()//"]"#)
    }

    func testNumbersAreWrittenLikeJavaScript() throws {
        let cases: [(Double, String)] = [
            (900000, "900000"), (0, "0"), (-0.0, "-0"), (5432, "5432"), (-7, "-7"),
            (0.5, "0.5"), (0.1, "0.1"), (1.5e-7, "1.5e-7"), (1e-7, "1e-7"), (0.000001, "0.000001"),
            (1e21, "1e+21"), (1e16, "10000000000000000"), (1.2345678901234568e20, "123456789012345680000"),
            (2.5e25, "2.5e+25"), (9007199254740992, "9007199254740992"), (1000 * 60 * 15, "900000"),
            (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"), (Double.leastNonzeroMagnitude, "5e-324"), (3.14, "3.14"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try JSLiteralSyntax.number(value), expected, "\(value)")
        }
    }

    func testNonFiniteNumbersAreRefused() {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try JSLiteralSyntax.number(value)) { error in
                guard case .nonFiniteNumber(let refused)? = error as? JSPrintError else {
                    return XCTFail("unexpected error \(error)")
                }
                XCTAssertEqual(refused.isNaN, value.isNaN)
            }
        }
    }

    func testNumbersRoundTripThroughNode() throws {
        let values: [Double] = [900000, 0.1, 1.5e-7, 1e21, 1e16, 2.5e25, 123.456, -42, Double.leastNonzeroMagnitude, 1.7976931348623157e308]
        let source = "process.stdout.write(JSON.stringify([" + (try values.map { try JSLiteralSyntax.number($0) }).joined(separator: ",") + "].map(String)))"
        let result = try NodeRunner.run(source)
        XCTAssertEqual(result.status, 0, result.error)
        let expected = "[" + (try values.map { JSLiteralSyntax.quoted(try JSLiteralSyntax.number($0)) }).joined(separator: ",") + "]"
        XCTAssertEqual(result.output, expected)
    }
}
