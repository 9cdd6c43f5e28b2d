import ConfigModel
import XCTest

/// The common ways config reads `process.env` besides `process.env.NAME` (issue 9 §2, §5.7).
/// Expected values are what Node prints for the same code.
final class EnvironmentAliasTests: XCTestCase {
    private let env = ["DB_HOST": "db.local", "DB_USER": "me"]

    func testConstAliasOfProcessEnv() {
        XCTAssertEqual(valueOf("[env.DB_HOST, env['DB_USER'], env.MISSING || 'd']", prelude: "const env = process.env;", environment: env),
                       #"["db.local","me","d"]"#)
    }

    func testDestructuringProcessEnvWithDefaultsAndRenames() {
        XCTAssertEqual(valueOf("[DB_HOST, PORT, user]", prelude: #"const { DB_HOST, PORT = "5432", DB_USER: user } = process.env;"#,
                               environment: env),
                       #"["db.local","5432","me"]"#)
    }

    func testComputedReadThroughAConstKey() {
        XCTAssertEqual(valueOf("process.env[KEY]", prelude: #"const KEY = "DB_HOST";"#, environment: env), #""db.local""#)
    }

    func testUnsetReadsThroughAliasesWarnExceptWithADefault() {
        let result = evaluateJS("""
            const env = process.env;
            const { A, B = "d" } = process.env;
            module.exports = { id: "x", a: A, b: B, c: env.C, d: env.D || "fallback" };
            """)
        XCTAssertEqual(result.diagnostics.map(\.ruleID), ["unset-env-var", "unset-env-var"])
        XCTAssertEqual(result.diagnostics.map(\.span?.start.line), [2, 3])
        XCTAssertTrue(result.diagnostics[1].message.contains("`C`"), result.diagnostics[1].message)
    }

    func testAnAliasIsConstOnly() {
        XCTAssertTrue(valueOf("e.X", prelude: "let e = process.env;").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("X", prelude: "const { ...X } = process.env;").hasPrefix("needs-node"))
    }

    /// `process.env.constructor` is Object.prototype's, not a variable: Node prints "Object".
    func testObjectPrototypeNamesOnProcessEnvNeedNode() {
        let value = valueOf("process.env.constructor.name")
        XCTAssertTrue(value.hasPrefix("needs-node: cannot evaluate use of `process.env.constructor`"), value)
        let result = evaluateJS("module.exports = { v: process.env.constructor.name };")
        XCTAssertFalse(result.diagnostics.contains { $0.ruleID == "unset-env-var" || $0.ruleID == "evaluation-error" },
                       "\(result.diagnostics.map(\.message))")
    }

    /// Every Object.prototype name is told from a variable (the check skips hashing names that start otherwise),
    /// also where a variable of that name is set; a variable of capitals is read.
    func testEveryObjectPrototypeNameOnProcessEnvNeedsNode() {
        let names = ["constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
                     "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]
        for name in names {
            let value = valueOf("process.env[\"\(name)\"]", environment: [name: "set"])
            XCTAssertTrue(value.hasPrefix("needs-node: cannot evaluate use of `process.env.\(name)`"), value)
        }
        XCTAssertEqual(valueOf("[process.env.Constructor, process.env._X]", environment: ["Constructor": "c", "_X": "x"]), #"["c","x"]"#)
    }

    /// An unevaluated file is an error: the validator must not pass what it did not check.
    func testUnevaluatedFileIsAnErrorThatSaysHowToCheckOrAcceptIt() throws {
        let result = evaluateJS("module.exports = require(\"os\").hostname();")
        let problem = try XCTUnwrap(result.diagnostics.first { $0.ruleID == "needs-node" })
        XCTAssertEqual(problem.severity, .error)
        XCTAssertTrue(problem.message.contains("--evaluator node"), problem.message)
        XCTAssertTrue(problem.message.contains("--allow-unevaluated"), problem.message)
        XCTAssertTrue(problem.message.contains("grouparoo-gen-disable-file needs-node"), problem.message)
    }
}
