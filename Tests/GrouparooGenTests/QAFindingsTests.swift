import Foundation
import XCTest

@testable import grouparoo_gen

/// Defects found by trying the tool as a new user would (init, generate, validate), one test each.
final class QAFindingsTests: ValidateTestCase {
    /// `init --with-app mongo` writes an app with real defaults and no `"..."`: the next steps must not
    /// send the user to fill in placeholders that are not there.
    func testInitNextStepsMentionPlaceholdersOnlyWhenTheAppHasThem() throws {
        let mongo = runCLI(["init", "mongo-repo", "--with-app", "mongo"], in: root.path)
        XCTAssertEqual(mongo.status, 0, mongo.errors)
        let check = runCLI(["validate", "config"], in: root.appendingPathComponent("mongo-repo").path)
        XCTAssertFalse(check.errors.contains("[template-placeholder]"), "the premise: the mongo app has no placeholders")
        XCTAssertFalse(mongo.output.contains("fill in"), mongo.output)

        let postgres = runCLI(["init", "postgres-repo", "--with-app", "postgres"], in: root.path)
        XCTAssertTrue(postgres.output.contains("fill in the \"...\" values of config/apps/data_warehouse.js"), postgres.output)
    }

    /// A typo in the `"plugins"` setting (`"app"`, `"optoins"`) was ignored, so the custom plugin
    /// was silently not declared and the errors pointed at the config instead of the typo.
    func testPluginSettingsRefuseUnknownKeysWithTheirPosition() throws {
        try writeConfig("crm.js", objects: #"{ class: "app", id: "crm", name: "crm", type: "crm", options: { apiKey: "k" } }"#)
        try write(".grouparoo-gen.json", #"{"plugins": {"app": []}}"#)
        var run = validate(["config"])
        XCTAssertEqual(run.status, 2, run.errors)
        XCTAssertTrue(run.errors.contains(".grouparoo-gen.json:1:14: \"plugins\" unknown key \"app\""), run.errors)

        try write(".grouparoo-gen.json", #"{"plugins": {"apps": [{"type": "crm", "optoins": ["apiKey"]}]}}"#)
        run = validate(["config"])
        XCTAssertEqual(run.status, 2, run.errors)
        XCTAssertTrue(run.errors.contains(".grouparoo-gen.json:1:39: \"plugins\" entry has an unknown key \"optoins\""), run.errors)

        try write(".grouparoo-gen.json", #"{"plugins": {"apps": [{"type": "crm", "plugin": "crm-plugin", "options": ["apiKey"]}]}}"#)
        run = validate(["config"])
        XCTAssertTrue(run.errors.contains("0 errors"), run.errors)
    }

    /// The text format prints the source line under each diagnostic. In a file that could not be
    /// evaluated (needs-node) or parsed (syntax-error), `hardcoded-secret` cannot run, so the
    /// password on that line was printed as written.
    func testSecretsOnLinesOfUncheckedFilesAreMasked() throws {
        try write("config/a.js", """
            exports.default = [{ class: "app", id: "a", name: "a", type: "postgres", options: { password: "NEEDSNODEPW", at: new Date() } }];

            """)
        try write("config/b.js", """
            exports.default = [{ class: "app", id: "b", name: "b", type: "postgres", options: { "password": 'SYNTAXPW', ) } }];

            """)
        try write("config/c.json", """
            { "class": "app", "id": "c", "name": "c", "type": "postgres", "options": { "apiKey": "JSONSECRET" }

            """)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("[needs-node]") && run.errors.contains("[syntax-error]"), run.errors)
        for secret in ["NEEDSNODEPW", "SYNTAXPW", "JSONSECRET"] {
            XCTAssertFalse(run.errors.contains(secret), "\(secret) printed:\n\(run.errors)")
        }
        // The line still reads as code, and other values stay visible.
        XCTAssertTrue(run.errors.contains(#"password: "***********", at: new Date()"#), run.errors)
        XCTAssertTrue(run.errors.contains(#""password": '********', )"#), run.errors)
    }

    /// `generate team:member --email "not an email"` wrote a file `validate` rejects with an
    /// `invalid-email` error, without a word; a value the user passed that validate rejects is a notice.
    func testGenerateNamesAnInvalidEmailItWrites() throws {
        let run = runCLI(["generate", "team:member", "mem", "--parent", "admins", "--email", "not an email",
                          "--config-dir", configDirectory.path], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("notice: ") && run.errors.contains("[invalid-email]"), run.errors)
    }
}

extension QAFindingsTests {
    /// With two models and neither `mod_profiles`, the default `modelId: "mod_profiles"` was written
    /// without a word (an `unknown-reference` error for `validate`); `--model nope` did get a notice.
    func testGenerateNamesTheDefaultModelWhenTheConfigDirDoesNotDefineIt() throws {
        try writeConfig("models.js", objects: """
            { class: "model", id: "people", name: "People", type: "profile" },
            { class: "model", id: "companies", name: "Companies", type: "account" }
            """)
        let run = runCLI(["generate", "group", "vips", "--config-dir", configDirectory.path, "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains(#"modelId: "mod_profiles""#), run.output)
        XCTAssertTrue(run.errors.contains(#"notice: model "mod_profiles" is not defined in the config dir (models there: "#)
                      && run.errors.contains("choose one with --model ID"), run.errors)
    }
}

extension QAFindingsTests {
    /// generate compares the new ids with the config dir, but a file it cannot evaluate (here a syntax
    /// error) may define the same id: that was passed over without a word.
    func testGenerateSaysWhichExistingFilesItCouldNotCompare() throws {
        try write("config/broken.js", #"exports.default = [ { class: "apiKey", id: "reporting", name: "reporting" "#)
        let run = runCLI(["generate", "apiKey", "reporting", "--config-dir", configDirectory.path], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("notice: config/broken.js could not be evaluated, so the ids it defines were not compared"),
                      run.errors)
    }
}

extension QAFindingsTests {
    /// `generate apiKey reporting --config-dir=` wrote `apiKeys/reporting.js` into the working
    /// directory: an empty path is a usage error (exit 2), and nothing is written.
    func testAnEmptyPathOptionIsAUsageError() throws {
        let generate = runCLI(["generate", "apiKey", "reporting", "--config-dir="], in: root.path)
        XCTAssertEqual(generate.status, 2, generate.errors)
        XCTAssertTrue(generate.errors.contains("option '--config-dir' needs a value <dir>, not an empty one"), generate.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("apiKeys").path))

        let validate = runCLI(["validate", "config", "--env-file="], in: root.path)
        XCTAssertEqual(validate.status, 2, validate.errors)
    }
}

extension QAFindingsTests {
    /// The README's exit codes: 2 for an unreadable path. `validate --env-file nope` gave 2, but
    /// `generate --templates nope` and `--from-csv nope.csv` gave 1.
    func testGenerateExitsTwoForAnUnreadablePath() throws {
        let templates = runCLI(["generate", "apiKey", "reporting", "--templates", "no-such-folder", "--dry-run"], in: root.path)
        XCTAssertEqual(templates.status, 2, templates.errors)
        XCTAssertTrue(templates.errors.contains("cannot read --templates"), templates.errors)

        let csv = runCLI(["generate", "postgres:table:source", "users", "--parent", "dw", "--from-csv", "no-such.csv", "--dry-run"],
                         in: root.path)
        XCTAssertEqual(csv.status, 2, csv.errors)
        XCTAssertTrue(csv.errors.contains("cannot read --from-csv file"), csv.errors)
    }
}

extension QAFindingsTests {
    /// A package.json that is not JSON was skipped without a word, so `plugin-not-installed` silently
    /// checked nothing.
    func testAPackageJSONThatDoesNotParseIsNamed() throws {
        try writeConfig("apps.js", objects: #"{ class: "app", id: "dw", name: "dw", type: "postgres", options: { database: "d" } }"#)
        try write("package.json", "{ \"grouparoo\": { \"plugins\": [\"@grouparoo/mysql\"] }\n")
        let run = validate(["config"])
        XCTAssertTrue(run.errors.contains("warning: package.json:"), run.errors)
        XCTAssertTrue(run.errors.contains("the installed plugins are not checked"), run.errors)
    }
}
