@testable import ConfigModel
import XCTest

/// Array and object literals of literals are built into their values by the parser (`JSExpression.constant`); evaluating
/// them must give exactly what evaluating their parts one by one gives: values, spans, steps spent, errors.
final class JSConstantLiteralTests: XCTestCase {
    private let sources = [
        "module.exports = { a: 1, b: 'two', c: [3, { d: 4 }], e: { f: null, g: true, h: false }, i: `tmpl`, j: [] };",
        "module.exports = [{}, [], [[]], { x: { y: { z: {} } } }, -0, 1e400, 0x1F, \"é\\u0301\", '\\n'];",
        // Multi-line, non-ASCII text before and in the values, a quoted key, constants beside values that are not.
        """
        // ünïcode before
        const prefix = "p";
        exports.default = async function buildConfig() {
          return [
            {
              class: "property", "id": `${prefix}_x`, key: prefix + "_x",
              options: {
                column: "wébsite",
                aggregationMethod: "exact",
              },
              filters: [],
              deep: [1, [2, [3, { four: "4" }]]],
              mixed: [1, prefix, { a: prefix }, { b: 2 }],
            },
          ];
        };
        """,
        // Not constants: holes, spreads, names, repeated or computed keys, methods, operators.
        "const x = 1; module.exports = [[1, , 2], [...[1]], { x }, { a: 1, a: 2 }, { ['k']: 1 }, { m() {} }, [-1], { s: `${x}` }];",
    ]

    private func evaluate(_ text: String, buildingConstants: Bool, stepsLeft: Int? = nil) -> String {
        let context = EvaluationContext(environment: [:])
        if let stepsLeft { XCTAssertTrue(context.spendSteps(EvaluationContext.maximumSteps - stepsLeft)) }
        return describe(Result {
            let source = try SourceText.decode(Array(text.utf8), file: "/virtual/constants.js").get()
            let statements = try JSParser.parseProgram(source, buildingConstants: buildingConstants)
            let evaluator = JSEvaluator(source: source, context: context)
            var value = try evaluator.evaluateModule(statements)
            if case .object(let exports) = value.value, let payload = exports["default"], case .function(let function) = payload.value {
                value = try evaluator.callWithHostArgument(function)
            }
            return describeExactly(value) + " steps left: \(context.stepsLeft)"
        })
    }

    private func describe(_ result: Result<String, Error>) -> String {
        switch result {
        case .success(let text): return text
        case .failure(let error as ReadError): return "\(error.kind) \(error.message) at \(error.position)"
        case .failure(let error): return "\(error)"
        }
    }

    func testConstantsEvaluateAsTheirPartsDo() {
        for text in sources {
            XCTAssertEqual(evaluate(text, buildingConstants: true), evaluate(text, buildingConstants: false), text)
        }
    }

    func testRunningOutOfStepsInsideAConstantStopsAtTheSameValue() {
        // Every budget from "runs out at the first statement" to "is enough", so each value inside each constant is
        // once the one the budget runs out at.
        for text in sources.prefix(3) {
            guard case .success(let steps) = Result(catching: { try stepsSpent(text) }) else { return XCTFail(text) }
            for stepsLeft in 0...steps + 1 {
                XCTAssertEqual(evaluate(text, buildingConstants: true, stepsLeft: stepsLeft),
                               evaluate(text, buildingConstants: false, stepsLeft: stepsLeft), "\(stepsLeft) steps: \(text)")
            }
        }
    }

    private func stepsSpent(_ text: String) throws -> Int {
        let context = EvaluationContext(environment: [:])
        let source = try SourceText.decode(Array(text.utf8), file: "/virtual/constants.js").get()
        let evaluator = JSEvaluator(source: source, context: context)
        var value = try evaluator.evaluateModule(JSParser.parseProgram(source, buildingConstants: false))
        if case .object(let exports) = value.value, let payload = exports["default"], case .function(let function) = payload.value {
            value = try evaluator.callWithHostArgument(function)
        }
        return EvaluationContext.maximumSteps - context.stepsLeft
    }

    func testOnlyLiteralsOfLiteralsBecomeConstants() throws {
        func isConstant(_ literal: String) throws -> Bool {
            let source = try SourceText.decode(Array("module.exports = \(literal);".utf8), file: "/virtual/c.js").get()
            guard case .expression(.assignment(_, _, let value, _), _) = try JSParser.parseProgram(source).first else {
                throw XCTSkip("not an assignment: \(literal)")
            }
            if case .constant = value { return true }
            return false
        }
        for literal in ["{}", "[]", "{ a: 1, 'b': 'x', c: [true, null, `t`], d: { e: {} } }", "[[], [[1]], {}]"] {
            XCTAssertTrue(try isConstant(literal), literal)
        }
        for literal in ["[1, , 2]", "[...[1]]", "{ x }", "{ a: 1, a: 2 }", "{ ['k']: 1 }", "{ m() {} }", "[-1]", "{ s: `${1}` }",
                        "{ 0: 1 }", "{ __proto__: null }", "[x]", "{ a: { b: x } }"] {
            XCTAssertFalse(try isConstant(literal), literal)
        }
    }

    func testAConstantCannotBeAssignedTo() {
        let text = "let a; [a] = [1];"
        XCTAssertEqual(evaluate(text, buildingConstants: true), evaluate(text, buildingConstants: false))
        XCTAssertTrue(evaluate(text, buildingConstants: true).contains("destructuring assignment"))
    }
}
