import Foundation
import XCTest

@testable import grouparoo_gen

/// Secrets never reach the terminal: `dump` masks them (unless `--show-secrets`), `generate --dry-run`
/// masks the `--api-key` it prints, and `diff` never shows a secret nested in an added object.
final class SecretOutputTests: ValidateTestCase {
    private let password = "hunter2-very-secret"
    private let key = "k3y-f0r-the-api-1234"

    private func writeSecrets() throws {
        try writeConfig("app.js", objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "x", password: "\(password)" } },
            { id: "k", class: "apiKey", name: "Key", apiKey: "\(key)", options: { permissionAllRead: true } },
            { id: "m", class: "teamMember", teamId: "t", email: "a@b.co", options: { firstName: "A", lastName: "B", password: process.env.MEMBER_PASSWORD } }
            """)
    }

    func testDumpMasksSecretsInEveryLayout() throws {
        try writeSecrets()
        for extra in [[], ["--by-file"]] {
            let run = runCLI(["dump", "config"] + extra, in: root.path, environment: ["MEMBER_PASSWORD": "from-the-environment"])
            XCTAssertEqual(run.status, 0, run.errors)
            for secret in [password, key, "from-the-environment"] {
                XCTAssertFalse((run.output + run.errors).contains(secret), "dump \(extra) prints \(secret): \(run.output)")
            }
            XCTAssertTrue(run.output.contains("\"password\": \"\(String(repeating: "*", count: password.count))\""), run.output)
            XCTAssertTrue(run.output.contains("\"apiKey\": \"\(String(repeating: "*", count: key.count))\""), run.output)
            XCTAssertTrue(run.output.contains("\"database\": \"x\""), "other values are printed as they are: \(run.output)")
        }
    }

    func testDumpShowsSecretsOnlyWhenAsked() throws {
        try writeSecrets()
        let run = runCLI(["dump", "config", "--show-secrets"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("\"password\": \"\(password)\""), run.output)
        XCTAssertTrue(run.output.contains("\"apiKey\": \"\(key)\""), run.output)
    }

    func testMaskingKeepsSharedValuesAndNonSecretsUntouched() throws {
        try write("config/shared.js", """
            const options = { host: "h", token: 12345, nested: [{ secretKey: "abcdef" }] };
            exports.default = [{ id: "a", class: "app", name: "A", type: "postgres", options }];

            """)
        let run = runCLI(["dump", "config"], in: root.path)
        XCTAssertTrue(run.output.contains("\"token\": \"*****\""), run.output)
        XCTAssertTrue(run.output.contains("\"secretKey\": \"******\""), run.output)
        XCTAssertTrue(run.output.contains("\"host\": \"h\""), run.output)
    }

    func testGenerateDryRunMasksTheApiKey() throws {
        let run = runCLI(["generate", "apiKey", "x", "--api-key", key, "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse((run.output + run.errors).contains(key), run.output)
        XCTAssertTrue(run.output.contains("apiKey: \"\(String(repeating: "*", count: key.count))\""), run.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: configDirectory.appendingPathComponent("apiKeys").path))
    }

    func testGenerateDryRunKeepsPlaceholders() throws {
        let run = runCLI(["generate", "postgres:app", "dw", "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("password: \"...\""), "a placeholder is no secret: \(run.output)")
    }

    func testDiffNeverShowsASecretInsideAnAddedObject() throws {
        try writeConfig("app.js", objects: #"{ id: "dw", class: "app", name: "DW", type: "postgres", options: { hosts: [] } }"#)
        try write("after/app.js", """
            exports.default = [{ id: "dw", class: "app", name: "DW", type: "postgres", options: { hosts: [{ host: "h", password: "\(password)" }] } }];

            """)
        for format in ["text", "json"] {
            let run = runCLI(["diff", "config", "after", "--format", format], in: root.path)
            XCTAssertEqual(run.status, 1, run.errors)
            XCTAssertFalse((run.output + run.errors).contains(password), "\(format): \(run.output)")
            XCTAssertTrue(run.output.contains("options.hosts[0]"), run.output)
        }
    }

    func testFixDryRunMasksSecretsInTheDiff() throws {
        try write("config/app.js", """
            exports.default = [
              {
                id: "dw", class: "app", type: "postgres",
                options: { database: "x", password: "\(password)" },
              naem: "DW" },
            ];

            """)
        let run = validate(["config", "--fix", "--dry-run"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("+  name: \"DW\" },"), run.output)
        XCTAssertFalse((run.output + run.errors).contains(password), run.output)
        XCTAssertTrue(run.output.contains("password: \"\(String(repeating: "*", count: password.count))\""), run.output)
        XCTAssertTrue(run.errors.contains("secret values in the diff are shown as *"), run.errors)
    }
}
