import JSEmitter
import XCTest

final class TemplateTests: XCTestCase {
    private func render(_ source: String, _ context: TemplateContext) throws -> String {
        try Template(name: "t", source: source).render(context)
    }

    private func assertError(
        _ source: String, context: TemplateContext = [:], _ kind: TemplateError.Kind, line: Int, column: Int,
        file: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        XCTAssertThrowsError(try render(source, context), file: file, line: sourceLine) { error in
            guard let error = error as? TemplateError else { return XCTFail("\(error)", file: file, line: sourceLine) }
            XCTAssertEqual(error.kind, kind, file: file, line: sourceLine)
            XCTAssertEqual([error.line, error.column], [line, column], "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.description.hasPrefix("t:\(line):\(column): "), error.description, file: file, line: sourceLine)
        }
    }

    func testValuesAreInsertedVerbatim() throws {
        XCTAssertEqual(try render("id: {{id}}, x: {{ id }};", ["id": .text("\"a<b>&\"")]), "id: \"a<b>&\", x: \"a<b>&\";")
        XCTAssertEqual(try render("{{yes}}/{{no}}", ["yes": .flag(true), "no": .flag(false)]), "true/false")
        XCTAssertEqual(try render("{{plugin-name}}", ["plugin-name": .text("p")]), "p")
    }

    func testLiteralsPrintAsJavaScriptAndTripleBracesInsertStringsUnquoted() throws {
        let context: TemplateContext = ["id": .literal(.string("a\"b")), "port": .literal(.number(5432)), "obj": .literal(.object(["k": "v"]))]
        XCTAssertEqual(try render("id: {{id}},", context), "id: \"a\\\"b\",")
        // Grouparoo's own templates write the quotes themselves.
        XCTAssertEqual(try render("id: \"{{{id}}}\", port: {{{port}}}", context), "id: \"a\"b\", port: 5432")
        XCTAssertEqual(try render("  o: {{obj}}", context), "  o: {\n    k: \"v\",\n  }")
        XCTAssertEqual(try render("{{#id}}set{{/id}}{{^none}}unset{{/none}}", context.merging(["none": .literal(.null)]) { a, _ in a }), "setunset")
        XCTAssertEqual(try render("{{{ id }}}}", context), "a\"b}")
    }

    func testSectionsAndInvertedSections() throws {
        let source = "{{#a}}A{{/a}}{{^a}}not A{{/a}}"
        XCTAssertEqual(try render(source, ["a": .flag(true)]), "A")
        XCTAssertEqual(try render(source, ["a": .flag(false)]), "not A")
        XCTAssertEqual(try render(source, ["a": .text("x")]), "A")
        XCTAssertEqual(try render(source, ["a": .text("")]), "not A")
        XCTAssertEqual(try render(source, ["a": .list([])]), "not A")
    }

    func testListsIterateWithInnerValuesHidingOuterOnes() throws {
        let context: TemplateContext = [
            "name": .text("outer"), "sep": .text(";"),
            "items": .list([["name": .text("one")], ["name": .text("two")]]),
        ]
        XCTAssertEqual(try render("{{#items}}{{name}}{{sep}}{{/items}}{{name}}", context), "one;two;outer")
    }

    func testStandaloneControlLinesVanish() throws {
        let source = """
            [
              {{! this comment line disappears }}
              {{#on}}
              "on",
              {{/on}}
              {{^on}}
              "off",
              {{/on}}
            ]

            """
        XCTAssertEqual(try render(source, ["on": .flag(true)]), "[\n  \"on\",\n]\n")
        XCTAssertEqual(try render(source, ["on": .flag(false)]), "[\n  \"off\",\n]\n")
    }

    func testInlineControlTagsKeepTheirLine() throws {
        XCTAssertEqual(try render("a {{#on}}b{{/on}} c\nd", ["on": .flag(false)]), "a  c\nd")
    }

    func testMultiLineCommentsAreRemoved() throws {
        XCTAssertEqual(try render("a{{! one\ntwo }}b", [:]), "ab")
    }

    func testMultiLineValuesAreIndentedToTheirLine() throws {
        let options = TemplateValue.text(try JSPrinter().print(.object(["host": "localhost", "nested": .object(["a": 1])])))
        XCTAssertEqual(try render("{\n    options: {{options}},\n}", ["options": options]), """
            {
                options: {
                  host: "localhost",
                  nested: {
                    a: 1,
                  },
                },
            }
            """)
    }

    func testMissingValuesAreErrorsNamingTheValueAndLine() {
        assertError("line one\n  id: {{id}}", .missingValue("id"), line: 2, column: 7)
        assertError("{{#flag}}x{{/flag}}", .missingValue("flag"), line: 1, column: 1)
        assertError("{{#items}}{{nope}}{{/items}}", context: ["items": .list([[:]])], .missingValue("nope"), line: 1, column: 11)
    }

    func testMalformedTemplatesReportPositions() {
        assertError("ok\nbad {{id", .unclosedTag, line: 2, column: 5)
        assertError("{{}}", .invalidTagName(""), line: 1, column: 1)
        assertError("x {{a b}}", .invalidTagName("a b"), line: 1, column: 3)
        assertError("x {{{id}}", .tripleBraces, line: 1, column: 3)
        assertError("a\n{{#s}}\nb", .unclosedSection("s"), line: 2, column: 1)
        assertError("{{/s}}", .unexpectedSectionEnd("s"), line: 1, column: 1)
        assertError("{{#a}}{{#b}}{{/a}}", .mismatchedSectionEnd(open: "b", openLine: 1, openColumn: 7, closing: "a"), line: 1, column: 13)
        assertError("{{#}}", .invalidTagName(""), line: 1, column: 1)
        assertError("{{items}}", context: ["items": .list([])], .listInterpolated("items"), line: 1, column: 1)
    }

    /// Arbitrary fragments of template syntax must parse or fail with a `TemplateError`, never crash.
    func testGarbageNeverCrashes() {
        let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "!", "a", " ", "\n", "{{a}}", "{{#a}}", "{{/a}}", "é", "\r"]
        var generator = SeededGenerator(seed: 0x7465_6D70_6C61_7465)
        for _ in 0..<3000 {
            let source = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            do {
                _ = try Template(name: "fuzz", source: source).render(["a": .flag(true)])
            } catch is TemplateError {
            } catch {
                XCTFail("unexpected \(error) for \(source.debugDescription)")
            }
        }
    }
}

/// A linear congruential generator: enough randomness for garbage inputs, and reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 33)
    }
}
