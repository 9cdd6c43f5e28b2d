import Foundation
import XCTest

@testable import grouparoo_gen

/// Issue 9 §3: environment variables as CI sees them.
final class ValidateEnvironmentTests: ValidateTestCase {
    private func writeWarehouse() throws {
        try writeConfig("app.js", objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: process.env.DB_NAME, host: process.env.DB_HOST } }
            """)
    }

    /// `init`'s own advice, `database: process.env.DB_NAME`, must not fail CI where DB_NAME is a secret.
    func testRequiredOptionFromAnUnsetVariableIsProvided() throws {
        try writeWarehouse()
        let run = validate(["config"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(run.errors.contains("missing-required-option"), run.errors)
        XCTAssertTrue(run.errors.contains("`DB_NAME` is not set"), run.errors)
        XCTAssertEqual(validate(["config", "--strict"]).status, 1, "unset-env-var stays a warning")
        XCTAssertEqual(validate(["config"], environment: ["DB_NAME": ""]).status, 1, "an empty value is still missing")
    }

    func testEnvExampleBesideTheConfigDirDeclaresVariables() throws {
        try writeWarehouse()
        try write(".env.example", "DB_NAME=\nexport DB_HOST=localhost # the warehouse\n")
        let run = validate(["config", "--strict"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.errors, "0 errors, 0 warnings in 1 file (1 object)\n")
    }

    func testVariableMissingFromEnvExampleIsAWarningOncePerVariable() throws {
        try writeWarehouse()
        try writeConfig("other.js", objects: """
            { id: "dw2", class: "app", name: "DW2", type: "postgres", options: { database: process.env.DB_NAME || "x" } }
            """)
        try write("ci/vars.env", "DB_HOST=\n")
        let run = validate(["config", "--env-example", "ci/vars.env"])
        XCTAssertEqual(run.status, 0, run.errors)
        let warnings = run.errors.components(separatedBy: "add DB_NAME to vars.env [env-var-not-in-example]")
        XCTAssertEqual(warnings.count, 2, run.errors)
        XCTAssertFalse(run.errors.contains("add DB_HOST"), run.errors)
        XCTAssertEqual(validate(["config", "--env-example", "missing.env"]).status, 2)
    }

    func testEnvFileLinesDotenvSkipsArePointedOut() throws {
        try writeWarehouse()
        try write(".env", "DB_NAME: crm\nnot an assignment\nDB_HOST=\"db\nlocal\"\n")
        let run = validate(["config", "--strict", "--env-file", ".env"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("warning: .env:2: not `KEY=value`; skipped"), run.errors)
    }
}

/// Issue 9 §5.7: a problem found through several files is reported once.
final class ValidateRepeatedProblemTests: ValidateTestCase {
    func testRequireCyclePrintsOneNeedsNode() throws {
        try write("config/a.js", "const b = require(\"./b\");\nmodule.exports = [];\n")
        try write("config/b.js", "const a = require(\"./a\");\nmodule.exports = [];\n")
        let run = validate(["config"])
        XCTAssertEqual(run.errors.components(separatedBy: "[needs-node]").count, 2, run.errors)
    }
}

/// Issue 9 §6: `"ignore"` globs in `.grouparoo-gen.json`.
final class ValidateIgnoreSettingTests: ValidateTestCase {
    func testIgnoredFilesAreReadButNotReportedAndUnusedPatternsAreReported() throws {
        try write("config/legacy/old.js", "module.exports = [{ id: \"x\", class: \"bogus\" }];\n")
        try writeConfig("team.js", objects: #"{ id: "t", class: "team", name: "Team", options: { permissionAllRead: true } }"#)
        try write(".grouparoo-gen.json", #"{ "ignore": ["config/legacy/**", "config/none/*.js"] }"#)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(run.errors.contains("unknown-class"), run.errors)
        XCTAssertTrue(run.errors.contains(#"the "ignore" pattern "config/none/*.js" matches no config file"#), run.errors)
        try write(".grouparoo-gen.json", #"{ "ignore": "config" }"#)
        XCTAssertEqual(validate(["config"]).status, 2, "a malformed setting is a usage error")
    }
}
