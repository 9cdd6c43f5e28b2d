import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Options and behaviours of `generate` beyond the template defaults.
final class GenerateOptionsTests: GenerateTestCase {
    func testIdFormattingFollowsGrouparoo() throws {
        let examples = [
            "New Group": "new_group", "new-group": "new-group", "Hello   World!!": "hello_world", "a--b": "a_b",
            "a-_b": "a_b", "  x  ": "x", "Ünïcode Name": "n_code_name", "foo.bar@baz": "foo_bar_baz",
            "__a__": "_a_", "-a-": "-a-", "myKey": "mykey", "a 🎉 b": "a_b", "../../etc/passwd": "etc_passwd",
        ]
        for (input, expected) in examples {
            XCTAssertEqual(try IdFormatting.generateId(input), expected, input)
        }
        for input in ["!!!", "", "   ", "🎉"] {
            XCTAssertThrowsError(try IdFormatting.generateId(input), input)
        }
    }

    func testFileNamesFollowFormatForFilesystem() {
        XCTAssertEqual(IdFormatting.fileName(forId: "my_id"), "my_id.js")
        XCTAssertEqual(IdFormatting.fileName(forId: "My Setting"), "my_setting.js")
        XCTAssertEqual(IdFormatting.fileName(forId: "a\"b'c\nd"), "a_bc_nd.js")
        XCTAssertEqual(IdFormatting.fileName(forId: "x/../y"), "x/../y.js")  // refused later by SafeFileWriter
    }

    func testApiKeyMyKeyWritesLowerCasedIdAndPrintsTheNotice() throws {
        let result = runGenerate(["apiKey", "myKey"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.errors, "notice: ID was changed to \"mykey\"\n")
        XCTAssertEqual(result.output, "wrote config/apiKeys/mykey.js\n")
        let object = try readBack("apiKeys/mykey.js")[0]
        XCTAssertEqual(object?["id"], .string("mykey"))
        XCTAssertEqual(object?["name"], .string("mykey"))
    }

    func testConfigDirComesFromOptionThenEnvironmentThenConfig() throws {
        XCTAssertEqual(runGenerate(["team", "ops", "--config-dir", "elsewhere"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("elsewhere/teams/ops.js").path))
        XCTAssertEqual(runGenerate(["team", "ops"], environment: ["GROUPAROO_CONFIG_DIR": "fromenv"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("fromenv/teams/ops.js").path))
        XCTAssertEqual(runGenerate(["team", "ops"]).status, 0)
        XCTAssertTrue(exists("teams/ops.js"))
    }

    func testApiKeySecretFromEnvironmentAndAllPermissions() throws {
        try generate(GenerateRequest(templateName: "apikey", id: "ci").with {
            $0.apiKeyEnvironmentVariable = "CI_API_KEY"
            $0.readAll = true
        })
        XCTAssertTrue(try contents("apiKeys/ci.js").contains("apiKey: process.env.CI_API_KEY,"))
        let result = ConfigReader(options: ReaderOptions(environment: ["CI_API_KEY": "s3cret"]))
            .readFile(at: configDirectory.appendingPathComponent("apiKeys/ci.js").path)
        let object = try JSONValue.parse(XCTUnwrap(JSONOutput.stringify(.array(result.objects))))[0]
        XCTAssertEqual(object?["apiKey"], .string("s3cret"))
        XCTAssertEqual(object?["options"], .object(["permissionAllRead": .bool(true), "permissionAllWrite": .bool(false)]))
    }

    func testApiKeyPerTopicPermissionsSetPermissionAllToNull() throws {
        try generate(GenerateRequest(templateName: "apikey", id: "reports").with {
            $0.apiKey = "literal\"key"
            $0.permissions = ["app:rw", "record:r", "group:w"]
        })
        XCTAssertEqual(try readBack("apiKeys/reports.js"), try JSONValue.parse(#"""
            [{"class":"apiKey","id":"reports","name":"reports","apiKey":"literal\"key",
              "options":{"permissionAllRead":null,"permissionAllWrite":null},
              "permissions":[{"topic":"app","read":true,"write":true},{"topic":"record","read":true,"write":false},
                             {"topic":"group","read":false,"write":true}]}]
            """#))
    }

    func testApiKeyOptionMistakesAreExplained() {
        let base = GenerateRequest(templateName: "apikey", id: "k")
        assertPlanError(base.with { $0.permissions = ["apikey:r"] }, contains: "unknown permission topic \"apikey\" (did you mean \"apiKey\"?)")
        assertPlanError(base.with { $0.permissions = ["app"] }, contains: "--permission must look like topic:r")
        assertPlanError(base.with { $0.permissions = ["app:x"] }, contains: "--permission must look like topic:r")
        assertPlanError(base.with { $0.permissions = ["app:r", "app:w"] }, contains: "twice")
        assertPlanError(base.with { $0.permissions = ["app:r"]; $0.readAll = true }, contains: "cannot be combined")
        assertPlanError(base.with { $0.apiKey = "a"; $0.apiKeyEnvironmentVariable = "B" }, contains: "either --api-key or --api-key-env")
        assertPlanError(base.with { $0.apiKeyEnvironmentVariable = "1BAD" }, contains: "environment variable name")
        XCTAssertEqual(PermissionTopic.allCases.count, 18)
        for topic in PermissionTopic.allCases {
            XCTAssertNoThrow(try GeneratePlanner.plan(base.with { $0.permissions = ["\(topic.rawValue):rw"] }, templates: .embedded))
        }
    }

    func testSettingNeedsItsOptionsAndTypesTheValue() throws {
        let base = GenerateRequest(templateName: "setting", id: "delay")
        assertPlanError(base, contains: "needs --plugin-name, --key, --value")
        assertPlanError(base.with { $0.pluginName = "core"; $0.key = "nope"; $0.value = "1" }, contains: "not registered for plugin \"core\"")
        assertPlanError(base.with { $0.pluginName = "core"; $0.key = "confirm-records-days"; $0.value = "soon" }, contains: "takes a number")
        try generate(base.with { $0.pluginName = "core"; $0.key = "confirm-records-days"; $0.value = "14" })
        XCTAssertEqual(try readBack("settings/delay.js")[0]?["value"], .number(14))
        try generate(GenerateRequest(templateName: "setting", id: "flag").with {
            $0.pluginName = "core"; $0.key = "runs-previous-can-include-errors"; $0.value = "true"
        })
        XCTAssertEqual(try readBack("settings/flag.js")[0]?["value"], .bool(true))
    }

    func testDestinationSyncModeDefaultsOverridesAndChecks() throws {
        try generate(GenerateRequest(templateName: "postgres:destination", id: "d1").with { $0.parent = "wh"; $0.syncMode = "additive" })
        XCTAssertEqual(try readBack("destinations/d1.js")[0]?["syncMode"], .string("additive"))
        try generate(GenerateRequest(templateName: "onesignal:destination", id: "d2").with { $0.parent = "os" })
        XCTAssertEqual(try readBack("destinations/d2.js")[0]?["syncMode"], .string("enrich"))
        // No default and several modes: Grouparoo refuses the destination without a syncMode, so generate asks for one.
        assertPlanError(GenerateRequest(templateName: "intercom:destination", id: "d3").with { $0.parent = "ic" },
                        contains: "--sync-mode is required: intercom:destination has no default sync mode; choose one of: sync, additive, enrich")
        try generate(GenerateRequest(templateName: "intercom:destination", id: "d3").with { $0.parent = "ic"; $0.syncMode = "enrich" })
        XCTAssertEqual(try readBack("destinations/d3.js")[0]?["syncMode"], .string("enrich"))
        assertPlanError(GenerateRequest(templateName: "vero:destination", id: "d").with { $0.parent = "v"; $0.syncMode = "enrich" },
                        contains: "not supported by vero:destination; use one of: sync, additive")
        assertPlanError(GenerateRequest(templateName: "mysql:destination", id: "d").with { $0.parent = "m"; $0.syncMode = "sync" },
                        contains: "does not take --sync-mode")
    }

    func testMissingParentAndUnformattedParent() throws {
        assertPlanError(GenerateRequest(templateName: "team:member", id: "ann"), contains: "--parent is required: a team:member needs the id of its team (teamId)")
        assertPlanError(GenerateRequest(templateName: "team:member", id: "ann").with { $0.parent = "admins" }, contains: "--email is required")
        let plan = try generate(GenerateRequest(templateName: "team:member", id: "ann").with { $0.parent = "Admin Team"; $0.email = "ann@example.com" })
        XCTAssertEqual(try readBack("teamMembers/ann.js")[0]?["teamId"], .string("Admin Team"))  // as Grouparoo did
        XCTAssertEqual(try readBack("teamMembers/ann.js")[0]?["email"], .string("ann@example.com"))
        XCTAssertTrue(plan.notices.contains { $0.contains("\"admin_team\"") }, "\(plan.notices)")
    }

    func testTemplateNamesAreCaseInsensitiveAndUnknownOnesSuggestCloseMatches() throws {
        XCTAssertEqual(try generate(GenerateRequest(templateName: "POSTGRES:App", id: "wh")).templateName, "postgres:app")
        assertPlanError(GenerateRequest(templateName: "postgres:ap", id: "x"), contains: "Did you mean: postgres:app")
        let result = runGenerate(["postgress:app", "x"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("template \"postgress:app\" not found. Did you mean: postgres:app"), result.errors)
    }

    func testOptionsATemplateWouldIgnoreAreRefused() {
        assertPlanError(GenerateRequest(templateName: "group", id: "g").with { $0.from = "users" }, contains: "group does not take --from")
    }

    func testListAndDescribe() {
        let all = runGenerate(["--list"])
        XCTAssertEqual(all.status, 0)
        XCTAssertEqual(all.output.components(separatedBy: "\n").filter { $0.hasPrefix("  ") }.count, GeneratorCatalog.all.count)
        let filtered = runGenerate(["--list", "^mailchimp"]).output
        XCTAssertTrue(filtered.hasPrefix("Available templates matching \"^mailchimp\":"))
        XCTAssertEqual(filtered.components(separatedBy: "\n").filter { $0.hasPrefix("  mailchimp") }.count,
                       GeneratorCatalog.all.filter { $0.name.hasPrefix("mailchimp") }.count)
        let described = runGenerate(["hubspot:contacts:destination", "--describe"])
        XCTAssertEqual(described.status, 0)
        XCTAssertTrue(described.output.contains("Writes: destinations/<id>.js (template destination.js.template, built in)"))
        XCTAssertTrue(described.output.contains("  * parent (required) - Id of the HubSpot app"))
        XCTAssertTrue(described.output.contains("  * sync-mode - How records sync: sync, additive, enrich, e.g. `--sync-mode additive` (default: \"sync\")"))
    }

    func testTemplatesDirectoryOverridesATemplateByName() throws {
        let overrides = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        try Data("module.exports = { class: \"team\", id: {{id}}, name: {{name}}, custom: true };\n".utf8)
            .write(to: overrides.appendingPathComponent("team.js.template"))
        XCTAssertEqual(runGenerate(["team", "ops", "--templates", "mine"]).status, 0)
        XCTAssertEqual(try readBack("teams/ops.js"), try JSONValue.parse(#"[{"class":"team","id":"ops","name":"ops","custom":true}]"#))
        XCTAssertEqual(runGenerate(["model", "m", "--templates", "mine"]).status, 0)  // other templates stay built in

        try Data("{{#id}} never closed\n".utf8).write(to: overrides.appendingPathComponent("group.js.template"))
        let broken = runGenerate(["group", "g", "--templates", "mine"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.errors.contains("group.js.template:1:1: section \"id\" is never closed"), broken.errors)
        XCTAssertFalse(exists("groups/g.js"))
    }

    func assertPlanError(_ request: GenerateRequest, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try GeneratePlanner.plan(request, templates: .embedded), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(text), "\(error)", file: file, line: line)
        }
    }
}
