@testable import ConfigModel
import XCTest

/// The operator tables: each operator reads back from its text, and compound assignments are exactly JavaScript's.
final class JSOperatorTests: XCTestCase {
    func testEveryOperatorReadsBackFromItsText() {
        for op in JSBinaryOperator.allCases { XCTAssertEqual(JSBinaryOperator(text: op.text), op) }
        for op in JSUnaryOperator.allCases { XCTAssertEqual(JSUnaryOperator(rawValue: op.text), op) }
        XCTAssertNil(JSBinaryOperator(text: "=>"))
    }

    func testCompoundAssignmentsAreJavaScripts() {
        let compound = Set(JSBinaryOperator.allCases.compactMap { op in JSBinaryOperator(compoundAssignment: op.text + "=").map(\.text) })
        XCTAssertEqual(compound, ["??", "||", "&&", "|", "^", "&", "<<", ">>", ">>>", "+", "-", "*", "/", "%", "**"])
        XCTAssertNil(JSAssignmentOperator(text: "<="))
        XCTAssertNil(JSAssignmentOperator(text: "==="))
    }

    func testPrecedenceGroupsAsJavaScriptDoes() {
        XCTAssertEqual(evaluate("2 + 3 * 4 ** 2 % 7"), "8")
        XCTAssertEqual(evaluate("1 < 2 == true && 8 >> 1 | 1"), "5")
        XCTAssertEqual(evaluate("null ?? (0 || 'x')"), "\"x\"")
        XCTAssertEqual(evaluate("(() => { let a = 1; a += 2; a **= 2; a ??= 0; return a; })()"), "9")
    }

    private func evaluate(_ expression: String) -> String {
        let result = ConfigReader().read(contents: Array("module.exports = { v: \(expression) };".utf8), path: "/virtual/op.js")
        guard case .object(let object)? = result.evaluated.first?.value, let value = object["v"] else {
            return "no value: \(result.diagnostics.map(\.message))"
        }
        return JSONOutput.stringify(value.value) ?? "unprintable"
    }
}
