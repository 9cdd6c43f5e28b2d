import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `generate` reads the config dir first: it refuses objects that clash with what is there (unless
/// `--force`), and takes the model from it.
final class GenerateExistingConfigTests: GenerateTestCase {
    private func write(_ relativePath: String, _ text: String) throws {
        let url = configDirectory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func testAnIdAnotherFileDefinesIsRefusedUnlessForced() throws {
        try write("keys/all.js", #"exports.default = [{ class: "apiKey", id: "reporting", name: "Reporting", options: { permissionAllRead: true } }];"#)
        let refused = runGenerate(["apiKey", "reporting"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.contains("config/apiKeys/reporting.js:"), refused.errors)
        XCTAssertTrue(refused.errors.contains("[duplicate-id]") && refused.errors.contains("config/keys/all.js"), refused.errors)
        XCTAssertTrue(refused.errors.contains("use --force to write it anyway"), refused.errors)
        XCTAssertTrue(refused.errors.hasSuffix("nothing was written\n"), refused.errors)
        XCTAssertFalse(exists("apiKeys"))

        let dryRun = runGenerate(["apiKey", "reporting", "--force", "--dry-run"])
        XCTAssertEqual(dryRun.status, 0, dryRun.errors)
        XCTAssertTrue(dryRun.errors.contains("(--force: would be written anyway)"), dryRun.errors)
        XCTAssertFalse((dryRun.output + dryRun.errors).contains("written anyway: --force"), "a dry run never claims to write")
        XCTAssertFalse(exists("apiKeys"))

        let forced = runGenerate(["apiKey", "reporting", "--force"])
        XCTAssertEqual(forced.status, 0, forced.errors)
        XCTAssertTrue(forced.errors.contains("(written anyway: --force)"), forced.errors)
        XCTAssertTrue(exists("apiKeys/reporting.js"))
    }

    func testASecondScheduleForASourceIsRefusedUnlessForced() throws {
        XCTAssertEqual(runGenerate(["postgres:table:source", "users", "--parent", "wh", "--high-water-mark", "updated_at"]).status, 0)
        let refused = runGenerate(["schedule", "nightly", "--parent", "users"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.contains("source `users` already has a schedule; a source can have only one [one-schedule-per-source]"),
                      refused.errors)
        XCTAssertFalse(exists("schedules/nightly.js"))
        XCTAssertEqual(runGenerate(["schedule", "nightly", "--parent", "users", "--force"]).status, 0)
        XCTAssertTrue(exists("schedules/nightly.js"))
    }

    func testOverwritingAFileIsNotAClashWithItself() throws {
        XCTAssertEqual(runGenerate(["team", "ops"]).status, 0)
        let again = runGenerate(["team", "ops", "--overwrite"])
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertFalse(again.errors.contains("duplicate-id"), again.errors)
    }

    func testTheModelComesFromTheConfigDirOrModel() throws {
        XCTAssertEqual(runGenerate(["group", "empty_dir"]).status, 0)
        XCTAssertEqual(try readBack("groups/empty_dir.js")[0]?["modelId"], .string(GeneratorCatalog.defaultModelId))
        XCTAssertEqual(runGenerate(["model", "accounts"]).status, 0)
        XCTAssertEqual(runGenerate(["group", "big_accounts"]).status, 0)
        XCTAssertEqual(try readBack("groups/big_accounts.js")[0]?["modelId"], .string("accounts"), "the only model")
        XCTAssertEqual(runGenerate(["postgres:table:source", "companies", "--parent", "wh"]).status, 0)
        XCTAssertEqual(try readBack("sources/companies.js")[0]?["modelId"], .string("accounts"))
        XCTAssertEqual(runGenerate(["model", "people"]).status, 0)
        XCTAssertEqual(runGenerate(["hubspot:contacts:destination", "crm", "--parent", "hub"]).status, 0)
        XCTAssertEqual(try readBack("destinations/crm.js")[0]?["modelId"], .string(GeneratorCatalog.defaultModelId), "two models")
        let chosen = runGenerate(["hubspot:contacts:destination", "crm2", "--parent", "hub", "--model", "people"])
        XCTAssertEqual(chosen.status, 0, chosen.errors)
        XCTAssertEqual(try readBack("destinations/crm2.js")[0]?["modelId"], .string("people"))
        let unknown = runGenerate(["group", "g", "--model", "nobody"])
        XCTAssertTrue(unknown.errors.contains("notice: model \"nobody\" is not defined in the config dir (models there: accounts, people)"),
                      unknown.errors)
        XCTAssertTrue(runGenerate(["team", "t", "--model", "people"]).errors.contains("team does not take --model"))
    }

    func testTeamMemberEmail() throws {
        let missing = runGenerate(["team:member", "ada", "--parent", "admins"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.contains("--email is required"), missing.errors)
        XCTAssertEqual(runGenerate(["team:member", "ada", "--parent", "admins", "--email", "ada@example.com"]).status, 0)
        XCTAssertEqual(try readBack("teamMembers/ada.js")[0]?["email"], .string("ada@example.com"))
    }

    func testAMappingToAnInvalidPropertyIdIsFormattedWithANotice() throws {
        let result = runGenerate(["postgres:table:source", "users", "--parent", "wh", "--mapping", "id=User Id"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.errors.contains("notice: property id for --mapping \"id=User Id\" is \"user_id\""), result.errors)
        XCTAssertEqual(try readBack("sources/users.js")[0]?["mapping"], .object(["id": .string("user_id")]))
    }

    // MARK: --templates

    func testATemplatesFileInsteadOfAFolderGetsAClearMessage() throws {
        try write("../apiKey.js.template", "x")
        let result = runGenerate(["apiKey", "k", "--templates", "apiKey.js.template"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("--templates takes a folder of NAME.template files, but"), result.errors)
        XCTAssertTrue(result.errors.contains("apiKey.js.template is a file"), result.errors)
        XCTAssertFalse(result.errors.contains("code 256"), result.errors)
    }

    /// Grouparoo's own templates put triple-brace tags inside quotes; they work with `--templates`.
    func testGrouparooStyleTripleBraceTemplatesWork() throws {
        try write("../mine/team.js.template", """
            exports.default = async function buildConfig() {
              return [{ class: "team", id: "{{{id}}}", name: "{{{name}}}", options: { permissionAllRead: true } }];
            };
            """)
        let result = runGenerate(["team", "Data Team", "--templates", "mine"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try readBack("teams/data_team.js")[0]?["name"], .string("data_team"))
    }
}
