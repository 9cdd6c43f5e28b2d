import Foundation
import XCTest

@testable import grouparoo_gen

/// `validate --mode`: records are checked only for `grouparoo config`, as Grouparoo loads them only there.
final class ValidateModeTests: ValidateTestCase {
    private func writeRecordWithoutPrimaryKey() throws {
        try writeConfig("config.js", objects: """
            { id: "m", class: "model", name: "M", type: "profile" },
            { id: "users", class: "source", name: "Users", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } },
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true, options: { column: "id" } },
            { id: "email", class: "property", key: "email", type: "email", sourceId: "users", options: { column: "email" } },
            { id: "john", class: "record", modelId: "m", properties: { email: ["john@example.com"] } }
            """)
    }

    func testDefaultModeSkipsRecordChecksAndConfigModeRunsThem() throws {
        try writeRecordWithoutPrimaryKey()
        let byDefault = validate(["config", "--disable", "unknown-reference,unknown-plugin-type"])
        XCTAssertEqual(byDefault.status, 0, byDefault.errors)
        XCTAssertFalse(byDefault.errors.contains("[record-properties]"), byDefault.errors)
        XCTAssertEqual(validate(["config", "--mode", "validate", "--disable", "unknown-reference,unknown-plugin-type"]).errors,
                       byDefault.errors, "validate is the default mode")
        let configMode = validate(["config", "--mode", "config", "--disable", "unknown-reference,unknown-plugin-type"])
        XCTAssertEqual(configMode.status, 1, configMode.errors)
        XCTAssertTrue(configMode.errors.contains("error: record sets no primary-key property of model `m`"), configMode.errors)
        XCTAssertTrue(configMode.errors.contains("[record-properties]"), configMode.errors)
    }

    func testRulesSaysWhichModesARuleRunsIn() throws {
        let run = runCLI(["rules", "record-properties"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("  Runs only with:     --mode config\n"), run.output)
        XCTAssertFalse(runCLI(["rules", "duplicate-id"], in: root.path).output.contains("Runs only with"))
    }

    func testSettingsFileSetsTheModeAndTheCommandLineWins() throws {
        try writeRecordWithoutPrimaryKey()
        try write(".grouparoo-gen.json", #"{ "mode": "config", "disable": ["unknown-reference", "unknown-plugin-type"] }"#)
        let fromSettings = validate(["config"])
        XCTAssertEqual(fromSettings.status, 1, fromSettings.errors)
        XCTAssertTrue(fromSettings.errors.contains("[record-properties]"), fromSettings.errors)
        let overridden = validate(["config", "--mode", "validate"])
        XCTAssertEqual(overridden.status, 0, overridden.errors)
        try write(".grouparoo-gen.json", #"{ "mode": "apply" }"#)
        let bad = validate(["config"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.errors.contains(#""mode" must be "validate" or "config""#), bad.errors)
    }

    func testUnknownModeIsAUsageError() throws {
        try writeRecordWithoutPrimaryKey()
        let run = validate(["config", "--mode", "apply"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.hasPrefix("error: unknown value 'apply' for --mode; use one of 'validate', 'config'"), run.errors)
    }
}
