@testable import ConfigModel
import XCTest

/// An expression starting with an object or array literal reads the literal before the precedence levels; the tree
/// must be the one those levels build when they reach the literal themselves.
final class JSParserLiteralFirstTests: XCTestCase {
    private func statements(_ text: String) throws -> [JSStatement] {
        try JSParser.parseProgram(try SourceText.decode(Array(text.utf8), file: "/virtual/literal.js").get())
    }

    /// The expression assigned by `module.exports = …;`.
    private func assigned(_ text: String) throws -> JSExpression {
        guard case .expression(.assignment(_, _, let value, _), _) = try statements(text).first else {
            throw XCTSkip("not an assignment: \(text)")
        }
        return value
    }

    func testLiteralFirstTreeEqualsTheTreeTheLevelsBuild() throws {
        // Operators binding tighter than `||` only, so `0 || expression` parses `expression` as one operand, reached
        // through the levels; the spaces keep every offset the same in both texts.
        let expressions = ["[1, 2]", "{ a: 1 }", "[1, 2].length", "{ a: { b: 2 } }.a.b", "[f][0](1)", "[1]?.[0]",
                           "[1, 2].length + 1 * 2", "{ a: 1 }.a === 1 && [2][0] > 1", "[2] ** 2", "[[1]][0][0] - -1",
                           "[1].concat([2]).map((x) => x * 2).length", "{}.a in {}", "[1]\n[0]"]
        for expression in expressions {
            let direct = try assigned("module.exports =      \(expression);")
            guard case .binary(.logicalOr, _, let operand, _) = try assigned("module.exports = 0 || \(expression);") else {
                return XCTFail("not an `||`: \(expression)")
            }
            XCTAssertEqual(String(describing: direct), String(describing: operand), expression)
        }
    }

    func testLiteralFirstExpressionsOfLowerPrecedence() throws {
        let values = ["[1] ? 2 : 3": "2", "[].length ? 2 : 3": "3", "{ a: null }.a ?? [4][0]": "4",
                      "[1, 2], [3]": "[3]", "({ a: 1 }).a": "1", "[[1, 2], [3]].flat().length": "3"]
        for (expression, expected) in values {
            let source = try SourceText.decode(Array("module.exports = (\(expression));".utf8), file: "/virtual/literal.js").get()
            let value = try JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
                .evaluateModule(JSParser.parseProgram(source))
            XCTAssertEqual(JSONOutput.stringify(value.value), expected, expression)
        }
        XCTAssertThrowsError(try statements("[a] = [1];")) { error in
            XCTAssertEqual((error as? ReadError)?.message, "destructuring assignment")
        }
        XCTAssertThrowsError(try statements("x = {} = 1;")) { error in
            XCTAssertEqual((error as? ReadError)?.message, "destructuring assignment")
        }
    }
}
