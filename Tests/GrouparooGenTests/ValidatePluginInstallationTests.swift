import Foundation
import XCTest

@testable import grouparoo_gen

/// Issue 9 §6: installed plugins from package.json, custom plugins from `.grouparoo-gen.json`.
final class ValidatePluginInstallationTests: ValidateTestCase {
    private func writeApps() throws {
        try writeConfig("apps.js", objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "crm" } },
            { id: "mc", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: process.env.MC_KEY } }
            """)
    }

    func testATypeFromAPluginThePackageDoesNotLoadNamesThePackage() throws {
        try writeApps()
        try write("package.json", """
            { "dependencies": { "@grouparoo/core": "0.9.0", "@grouparoo/postgres": "0.9.0", "@grouparoo/mailchimp": "0.9.0" },
              "grouparoo": { "plugins": ["@grouparoo/postgres"] } }
            """)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("app type `mailchimp` comes from @grouparoo/mailchimp, which this project does not load; "
                                          + "it is a dependency, but package.json's grouparoo.plugins does not list it"), run.errors)
        XCTAssertFalse(run.errors.contains("`postgres` comes from"), run.errors)
        try write("package.json", #"{ "grouparoo": { "plugins": [] } }"#)
        XCTAssertTrue(validate(["config"]).errors.contains("add it with `grouparoo install @grouparoo/postgres`"))
        try write("package.json", #"{ "name": "not-a-grouparoo-project" }"#)
        XCTAssertEqual(validate(["config"]).status, 0, "without grouparoo.plugins nothing is checked against package.json")
    }

    func testCustomPluginTypesAndOptionsAreDeclaredInSettings() throws {
        try writeConfig("crm.js", objects: """
            { id: "crm", class: "app", name: "CRM", type: "crm", options: { region: "eu" } },
            { id: "m", class: "model", name: "M", type: "profile" },
            { id: "crm_src", class: "source", name: "CRM import", type: "crm-import", appId: "crm", modelId: "m", options: { list: "all" } }
            """)
        XCTAssertTrue(validate(["config"]).errors.contains("[unknown-plugin-type]"))
        try write(".grouparoo-gen.json", """
            { "plugins": {
                "apps": [{ "type": "crm", "options": ["apiKey", "region?"] }],
                "connections": [{ "type": "crm-import", "direction": "import", "apps": ["crm"], "options": ["list"] }] } }
            """)
        let run = validate(["config"])
        XCTAssertFalse(run.errors.contains("[unknown-plugin-type]"), run.errors)
        XCTAssertTrue(run.errors.contains("app of type `crm` needs option `apiKey` [missing-required-option]"), run.errors)
        try write(".grouparoo-gen.json", #"{ "plugins": { "connections": [{ "type": "x" }] } }"#)
        XCTAssertEqual(validate(["config"]).status, 2, "a connection without a direction is a usage error")
    }
}
