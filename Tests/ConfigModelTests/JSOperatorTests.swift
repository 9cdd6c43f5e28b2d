@testable import ConfigModel
import XCTest

/// The operator tables: each operator reads back from its text, and compound assignments are exactly JavaScript's.
final class JSOperatorTests: XCTestCase {
    func testEveryOperatorReadsBackFromItsText() throws {
        for op in JSBinaryOperator.allCases { XCTAssertEqual(JSBinaryOperator(token: try lex(op.text)), op, op.text) }
        for op in JSUnaryOperator.allCases { XCTAssertEqual(JSUnaryOperator(token: try lex(op.text)), op, op.text) }
        XCTAssertNil(JSBinaryOperator(token: try lex("=>")))
    }

    func testEveryPunctuatorReadsBackFromItsText() throws {
        XCTAssertEqual(Set(JSPunctuator.all.map(\.text)).count, JSPunctuator.all.count, "each punctuator has its own text")
        for punctuator in JSPunctuator.all { XCTAssertEqual(try lex(punctuator.text), .punctuator(punctuator), punctuator.text) }
        XCTAssertEqual(try lex("a?.5:b", tokenAt: 1), .punctuator(.question), "`?.` before a digit is `?` and a number")
    }

    func testKeywordsAreRecognisedOnlyWhenWrittenPlainly() throws {
        for keyword in JSKeyword.allCases { XCTAssertEqual(try lex(keyword.rawValue), .keyword(keyword)) }
        XCTAssertEqual(try lex("iff"), .name("iff"))
        XCTAssertEqual(try lex("i"), .name("i"))
        XCTAssertEqual(try lex("\\u0069f"), .name("if"), "an escaped name is never a keyword")
    }

    func testCompoundAssignmentsAreJavaScripts() {
        let compound = Set(JSPunctuator.all.compactMap { punctuator -> String? in
            guard case .assignment(.compound(let op)) = punctuator else { return nil }
            return op.text
        })
        XCTAssertEqual(compound, ["??", "||", "&&", "|", "^", "&", "<<", ">>", ">>>", "+", "-", "*", "/", "%", "**"])
    }

    func testPrecedenceGroupsAsJavaScriptDoes() {
        XCTAssertEqual(evaluate("2 + 3 * 4 ** 2 % 7"), "8")
        XCTAssertEqual(evaluate("1 < 2 == true && 8 >> 1 | 1"), "5")
        XCTAssertEqual(evaluate("null ?? (0 || 'x')"), "\"x\"")
        XCTAssertEqual(evaluate("(() => { let a = 1; a += 2; a **= 2; a ??= 0; return a; })()"), "9")
    }

    private func lex(_ text: String, tokenAt position: Int = 0) throws -> JSToken.Kind {
        var lexer = JSLexer(source: SourceText(file: "/virtual/lex.js", validUTF8: Array(text.utf8)))
        for _ in 0..<position { _ = try lexer.next() }
        return try lexer.next().kind
    }

    private func evaluate(_ expression: String) -> String {
        let result = ConfigReader().read(contents: Array("module.exports = { v: \(expression) };".utf8), path: "/virtual/op.js")
        guard case .object(let object)? = result.evaluated.first?.value, let value = object["v"] else {
            return "no value: \(result.diagnostics.map(\.message))"
        }
        return JSONOutput.stringify(value.value) ?? "unprintable"
    }
}
