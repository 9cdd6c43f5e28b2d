import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen validate` end to end, in-process: exit codes, formats on real config, colours.
final class ValidateCommandTests: ValidateTestCase {
    func testValidConfigExitsZeroWithSummary() throws {
        try write("config/settings.js", """
            exports.default = [{ class: "setting", id: "cluster", pluginName: "core", key: "cluster-name", value: "Test" }];

            """)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.errors, "0 errors, 0 warnings in 1 file (1 object)\n")
        XCTAssertEqual(run.output, "", "the text format writes to standard error only")
    }

    func testErrorsExitOneAndPrintLocationCaretAndSummary() throws {
        try writeDuplicateGroups()
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1)
        let lines = run.errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headline = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("config/groups.js:") && $0.contains(": error: ") && $0.hasSuffix("[duplicate-id]") },
                                     run.errors)
        XCTAssertTrue(lines[headline + 1].contains(#"id: "vips""#), "the source line follows the headline")
        XCTAssertTrue(lines[headline + 2].trimmingCharacters(in: .whitespaces).hasPrefix("^"), "then a caret")
        let summary = try XCTUnwrap(lines.last { !$0.isEmpty })
        XCTAssertTrue(summary.range(of: #"^\d+ errors?, \d+ warnings? in 1 file \(2 objects\)$"#, options: .regularExpression) != nil, summary)
    }

    func testWarningsPassUnlessStrict() throws {
        try writeUnsetVariableSetting()
        let relaxed = validate(["config"])
        XCTAssertEqual(relaxed.status, 0, relaxed.errors)
        XCTAssertTrue(relaxed.errors.contains("warning: "), relaxed.errors)
        XCTAssertTrue(relaxed.errors.contains("[unset-env-var]"))
        let strict = validate(["config", "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.errors.hasSuffix("; --strict makes warnings fail\n"), strict.errors)
        XCTAssertEqual(validate(["config"], environment: ["CLUSTER_NAME_FOR_TESTS": "x"]).status, 0)
    }

    func testEnvFileProvidesVariables() throws {
        try writeUnsetVariableSetting()
        try write(".env", "CLUSTER_NAME_FOR_TESTS=from-file\n")
        let run = validate(["config", "--strict", "--env-file", ".env"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(validate(["config", "--env-file", "missing.env"]).status, 2)
    }

    func testUsageErrorsExitTwo() throws {
        let cases: [[String]] = [
            ["does-not-exist"],
            ["config", "--format", "xml"],
            ["config", "--evaluator", "python"],
            ["config", "--dialect", "mysql"],
            ["config", "--disable", "no-such-rule"],
            ["config", "--enable", "duplicate-id", "--disable", "duplicate-id"],
            ["config", "--strict", "--no-strict"],
            ["config", "--files", "config/missing.js"],
            ["config", "--bogus"],
            ["config", "config"],
        ]
        for arguments in cases {
            let run = validate(arguments)
            XCTAssertEqual(run.status, 2, "validate \(arguments.joined(separator: " ")): \(run.errors)")
            XCTAssertTrue(run.errors.hasPrefix("error: "), run.errors)
            XCTAssertEqual(run.output, "")
        }
        XCTAssertTrue(validate(["does-not-exist"]).errors.contains("does-not-exist: no such file or directory"))
    }

    func testMissingDefaultDirectoryIsAUsageError() throws {
        try FileManager.default.removeItem(at: configDirectory)
        let run = validate()
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("config directory \(root.path)/config does not exist; pass CONFIG_DIR or set GROUPAROO_CONFIG_DIR"), run.errors)
    }

    func testDefaultDirectoryComesFromTheEnvironment() throws {
        try write("elsewhere/dup.js", "exports.default = [{ class: \"team\", id: \"t\", name: \"A\" }, { class: \"team\", id: \"t\", name: \"B\" }];\n")
        XCTAssertEqual(validate().status, 0, "./config is empty, hence valid")
        let run = validate(environment: ["GROUPAROO_CONFIG_DIR": "elsewhere"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("elsewhere/dup.js:"), run.errors)
    }

    func testUnknownRuleSuggestsCloseMatches() {
        let run = validate(["config", "--disable", "duplicate-ids"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("unknown rule 'duplicate-ids' in --disable (did you mean 'duplicate-id'"), run.errors)
    }

    func testDisableRemovesDiagnosticsAndEnableIsAccepted() throws {
        try writeUnsetVariableSetting()
        let disabled = validate(["config", "--strict", "--disable", "unset-env-var"])
        XCTAssertEqual(disabled.status, 0, disabled.errors)
        XCTAssertFalse(disabled.errors.contains("[unset-env-var]"))
        let reenabled = validate(["config", "--strict", "--disable", "unset-env-var", "--enable", "unset-env-var"])
        XCTAssertEqual(reenabled.status, 2, "the same rule on both sides of the command line is a mistake")
    }

    func testColoursOnlyOnATerminalWithoutNoColor() throws {
        try writeDuplicateGroups()
        let escape = "\u{1B}["
        XCTAssertTrue(validate(["config"], terminal: true).errors.contains(escape))
        XCTAssertFalse(validate(["config"], terminal: false).errors.contains(escape))
        XCTAssertFalse(validate(["config"], environment: ["NO_COLOR": "1"], terminal: true).errors.contains(escape))
        XCTAssertTrue(validate(["config"], environment: ["NO_COLOR": ""], terminal: true).errors.contains(escape),
                      "an empty NO_COLOR does not count (no-color.org)")
    }

    func testJSONOnRealConfigFollowsTheSchema() throws {
        try writeDuplicateGroups()
        try writeUnsetVariableSetting()
        let run = validate(["config", "--format", "json"])
        XCTAssertEqual(run.status, 1)
        let document = try run.json()
        try JSONSchemaCheck.checkReport(document)
        XCTAssertEqual(document["file_count"] as? Int, 2)
        XCTAssertEqual(document["object_count"] as? Int, 3)
        let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
        let duplicate = try XCTUnwrap(diagnostics.first { $0["rule_id"] as? String == "duplicate-id" })
        XCTAssertEqual(duplicate["file"] as? String, "config/groups.js")
        XCTAssertEqual(duplicate["object_id"] as? String, "vips")
        XCTAssertEqual(run.errors, "", "machine formats keep standard error clean")
    }

    func testSARIFOnRealConfigIsStructurallyValid() throws {
        try writeDuplicateGroups()
        try write("config/broken.js", "exports.default = [ { class: \"app\", \n")
        let run = validate(["config", "--format", "sarif"])
        XCTAssertEqual(run.status, 1)
        let log = try run.json()
        try SARIFCheck.check(log)
        let results = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        XCTAssertTrue(results.contains { $0["ruleId"] as? String == "syntax-error" })
        XCTAssertTrue(results.contains { $0["ruleId"] as? String == "duplicate-id" })
    }

    func testGitHubFormatOnRealConfig() throws {
        try writeDuplicateGroups()
        let run = validate(["config", "--format", "github"])
        XCTAssertEqual(run.status, 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=config/groups.js,line=") && $0.contains("title=grouparoo-gen [duplicate-id]::") },
                      run.output)
        XCTAssertTrue(lines.last?.contains(" in 1 file (2 objects)") ?? false)
    }

    func testTenThousandErrorsAreAllPrinted() throws {
        let groups = (0...10_000).map { "  { class: \"team\", id: \"same\", name: \"Team \($0)\" }," }
        try write("config/teams.js", "exports.default = [\n" + groups.joined(separator: "\n") + "\n];\n")
        let run = validate(["config", "--format", "json"])
        let document = try run.json()
        let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
        let duplicates = diagnostics.count { $0["rule_id"] as? String == "duplicate-id" }
        XCTAssertGreaterThanOrEqual(duplicates, 10_000)
        let text = validate(["config"])
        XCTAssertEqual(text.errors.components(separatedBy: "[duplicate-id]\n").count - 1, duplicates)
    }
}

/// Issue 9 §2: a file the static reader cannot evaluate fails `validate` unless accepted explicitly.
final class ValidateUnevaluatedFileTests: ValidateTestCase {
    func testUnevaluatedFileFailsByDefaultAndCanBeAccepted() throws {
        try write("config/a.js", "module.exports = require(\"os\").hostname();\n")
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("error: cannot evaluate require(\"os\")"), run.errors)
        XCTAssertTrue(run.errors.contains("--evaluator node"), run.errors)
        let accepted = validate(["config", "--allow-unevaluated"])
        XCTAssertEqual(accepted.status, 0, accepted.errors)
        XCTAssertTrue(accepted.errors.contains("warning: cannot evaluate"), accepted.errors)
        XCTAssertEqual(validate(["config", "--allow-unevaluated", "--strict"]).status, 1, "--strict keeps failing on warnings")
        XCTAssertEqual(validate(["config", "--disable", "needs-node"]).status, 0)
    }
}
