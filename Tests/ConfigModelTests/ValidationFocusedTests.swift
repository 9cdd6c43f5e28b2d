import Foundation
@testable import ConfigModel
import XCTest

/// Behaviour of the trickier rules beyond their built-in examples.
final class ValidationFocusedTests: XCTestCase {
    private let base = """
        { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "crm" } },
        { id: "m", class: "model", name: "People", type: "profile" },

        """

    func testCycleListsItsMembersInOrder() throws {
        // Two sources of one model each mapping to the other's property, plus the properties' sourceIds.
        let report = try ValidationHarness.validate(objects: base + """
            { id: "a", class: "source", name: "A", type: "postgres-import-table", appId: "dw", modelId: "m",
              options: { table: "a" }, mapping: { id: "b_id" } },
            { id: "b", class: "source", name: "B", type: "postgres-import-table", appId: "dw", modelId: "m",
              options: { table: "b" }, mapping: { id: "a_id" } },
            { id: "a_id", class: "property", key: "aId", type: "integer", sourceId: "a", unique: true,
              options: { column: "id", aggregationMethod: "exact" } },
            { id: "b_id", class: "property", key: "bId", type: "integer", sourceId: "b", unique: true,
              options: { column: "id", aggregationMethod: "exact" } }
            """, in: self)
        let cycles = report.diagnostics("dependency-cycle")
        XCTAssertEqual(cycles.count, 1, report.summary)
        XCTAssertEqual(cycles.first?.message, "dependency cycle: source:a → property:b_id → source:b → property:a_id → source:a")
        XCTAssertEqual(cycles.first?.grouparooMessage, "Maximum call stack size exceeded")
        XCTAssertEqual(cycles.first?.notes.count, 4)
        XCTAssertEqual(cycles.first?.objectID, "a")
    }

    func testLongTemplateChainAndLongCycleDoNotOverflow() throws {
        // 20,000 properties each depending on the next through a template; the last points back at the first.
        let count = 20_000
        var objects = (0..<count).map { index in
            "{ id: \"p\(index)\", class: \"property\", key: \"k\(index)\", type: \"string\", sourceId: \"s\", "
                + "options: { query: \"x {{{k\((index + 1) % count)}}}\" } }"
        }
        objects.append("{ id: \"s\", class: \"source\", name: \"S\", type: \"t\", appId: \"a\", modelId: \"m\" }")
        let read = ConfigReader().read(contents: Array("module.exports = [\(objects.joined(separator: ",\n"))];".utf8),
                                       path: "/virtual/chain.js")
        let report = Validator(selection: RuleSelection()).validate(ConfigReadResult(directory: "/virtual", files: [read]))
        let cycles = report.diagnostics("dependency-cycle")
        XCTAssertEqual(cycles.count, 1)
        XCTAssertTrue(cycles.first?.message.hasPrefix("dependency cycle: property:p0 → property:p1 → ") == true)
        XCTAssertEqual(cycles.first?.notes.count, count)
    }

    func testBootstrappedPropertyResolution() throws {
        let sources = base + """
            { id: "users", class: "source", name: "Users", type: "postgres-import-table", appId: "dw", modelId: "m",
              options: { table: "users" }, mapping: { id: "user_id" } },
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
              options: { column: "id" } },
            { id: "purchases", class: "source", name: "Purchases", type: "postgres-import-table", appId: "dw",
              modelId: "m", options: { table: "purchases" }, mapping: { user_id: "user_id" } }
            """
        let read = ConfigReader().read(contents: Array(RuleExample(objects: sources).files["config.js"]!.utf8),
                                       path: "/virtual/config.js")
        let input = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
        let users = input.sources.first { $0.entry.id == "users" }!.entry
        let purchases = input.sources.first { $0.entry.id == "purchases" }!.entry
        XCTAssertEqual(input.bootstrappedProperty(of: users)?.id, "user_id")
        XCTAssertNil(input.bootstrappedProperty(of: purchases), "a mapping to another source's property bootstraps nothing")
        // The bootstrapped property is not a prerequisite of its own source (R-DEP-13).
        XCTAssertEqual(input.references[users.position].map(\.nodeID), ["app:dw", "model:m"])
        XCTAssertEqual(input.references[purchases.position].map(\.nodeID), ["app:dw", "model:m", "property:user_id"])
    }

    func testBootstrapMessagesAreVerbatim() throws {
        let report = try ValidationHarness.validate(objects: base + """
            { id: "users", class: "source", name: "Users", type: "postgres-import-table", appId: "dw", modelId: "m",
              options: { table: "users" }, mapping: { id: "user_id" } },
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", options: { column: "id" } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("bootstrap-not-unique").map(\.grouparooMessage),
                       ["The property \"user_id\" needs to be set as \"unique: true\" to be used as the mapping for the source \"users\""])
        XCTAssertTrue(report.diagnostics("missing-required-option").isEmpty, "bootstrapped properties are not option-checked")
    }

    func testTemplateVariablesResolveByPropertyKey() throws {
        let report = try ValidationHarness.validate(objects: base + """
            { id: "s", class: "source", name: "S", type: "postgres-import-query", appId: "dw", modelId: "m" },
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "s", options: { query: "SELECT 1" } },
            { id: "a", class: "property", key: "a", type: "float", sourceId: "s", options: { query: "x {{{userId}}} {{ userId }} {{& userId}}" } },
            { id: "b", class: "property", key: "b", type: "float", sourceId: "s", options: { query: "x {{{user_id}}}" } },
            { id: "c", class: "property", key: "c", type: "float", sourceId: "s", options: { query: "{{#flag}}{{{nothing}}}{{/flag}}" } },
            { id: "d", class: "property", key: "d", type: "float", sourceId: "s", options: { query: "{{x}" } }
            """, in: self)
        let unknown = report.diagnostics("unknown-reference")
        XCTAssertEqual(unknown.map(\.objectID), ["b"], report.summary)
        XCTAssertEqual(unknown.first?.grouparooMessage, "no property with key user_id")
        XCTAssertTrue(unknown.first?.message.contains("templates name property keys, not ids") == true)
    }

    func testUnknownReferenceNamesTheKeyAndOtherClasses() throws {
        let report = try ValidationHarness.validate(objects: base + """
            { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
            { id: "s", class: "source", name: "S", type: "postgres-import-query", appId: "dw", modelId: "m" },
            { id: "d", class: "destination", name: "D", type: "postgres-export-records", appId: "dw", modelId: "m",
              collection: "group", groupId: "email", syncMode: "sync",
              options: { table: "t", primaryKey: "id", groupsTable: "g", groupForeignKey: "f", groupColumnName: "c" } },
            { id: "tm", class: "teamMember", teamId: "admins", teamMemberId: "x", email: "a@b.co",
              options: { firstName: "A", lastName: "B" } }
            """, in: self)
        let unknown = report.diagnostics("unknown-reference")
        let groupRef = try XCTUnwrap(unknown.first { $0.objectID == "d" })
        XCTAssertEqual(groupRef.grouparooMessage, "Could not find object with ID: email")
        XCTAssertTrue(groupRef.message.contains("`groupId` refers to group `email`"), groupRef.message)
        XCTAssertEqual(groupRef.notes.first?.message, "an object with this id exists, but it is a property")
        let memberRefs = unknown.filter { $0.objectID == "tm" }.map(\.message)
        XCTAssertEqual(memberRefs.count, 2)
        XCTAssertTrue(memberRefs.contains { $0.contains("can never resolve") })
    }

    func testReaderDiagnosticsPassThroughAndCanBeDisabled() throws {
        let files = ["config.js": "exports.default = [{ id: \"m\", class: \"model\", name: process.env.NOPE_NOT_SET, type: \"profile\" }];"]
        let report = try ValidationHarness.validate(files, in: self, selection: RuleSelection())
        XCTAssertEqual(report.diagnostics("unset-env-var").count, 1)
        let quiet = try ValidationHarness.validate(files, in: self, selection: RuleSelection(disabled: ["unset-env-var"]))
        XCTAssertTrue(quiet.diagnostics("unset-env-var").isEmpty)
        XCTAssertFalse(quiet.rules.contains { $0.identifier == "unset-env-var" })
    }

    func testSelectionAndDefaults() {
        let unreferenced = RuleCatalog.rule("unreferenced-object")!.description
        XCTAssertFalse(unreferenced.enabledByDefault)
        XCTAssertFalse(RuleSelection().isActive(unreferenced))
        XCTAssertTrue(RuleSelection(enabled: ["unreferenced-object"]).isActive(unreferenced))
        XCTAssertFalse(RuleSelection(disabled: ["unreferenced-object"], enabled: ["unreferenced-object"]).isActive(unreferenced))
    }

    func testReportIsSortedAndCounted() throws {
        let report = try ValidationHarness.validate([
            "b.js": "module.exports = { id: \"t\", class: \"team\", name: \"QA\", extra: 1 };",
            "a.js": "module.exports = [{ id: \"x y\", class: \"team\", name: \"Team\" }, { class: \"team\", name: \"No Id\" }];",
        ], in: self, selection: RuleSelection())
        XCTAssertEqual(report.fileCount, 2)
        XCTAssertEqual(report.objectCount, 3)
        XCTAssertFalse(report.isValid)
        XCTAssertEqual(report.errorCount, report.diagnostics.filter { $0.severity == .error }.count)
        let order = report.diagnostics.map { ($0.span!.file as NSString).lastPathComponent + ":\($0.span!.start.line):\($0.span!.start.column)" }
        let files = report.diagnostics.map { $0.span!.file }
        XCTAssertEqual(files, files.sorted(), "\(order)")
        XCTAssertEqual(Set(report.diagnostics.map(\.ruleID)), ["invalid-id", "missing-id", "invalid-length", "unknown-key"])
    }

    func testDialectDecidesPostgresOnlyOps() throws {
        let objects = base + """
            { id: "s", class: "source", name: "S", type: "t", appId: "dw", modelId: "m" },
            { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
            { id: "g", class: "group", name: "G", modelId: "m", rules: [{ propertyId: "email", op: "iLike", match: "%a%" }] }
            """
        let sqlite = try ValidationHarness.validate(objects: objects, in: self)
        XCTAssertEqual(sqlite.diagnostics("postgres-only-group-rule-op").first?.severity, .warning)
        XCTAssertTrue(sqlite.diagnostics("invalid-group-rule-op").isEmpty)
        let postgres = try ValidationHarness.validate(objects: objects, in: self, dialect: .postgres)
        XCTAssertTrue(postgres.diagnostics("postgres-only-group-rule-op").isEmpty)
    }

    func testOldNestedOperationFormGetsAHint() throws {
        let report = try ValidationHarness.validate(objects: base + """
            { id: "s", class: "source", name: "S", type: "t", appId: "dw", modelId: "m" },
            { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
            { id: "g", class: "group", name: "G", modelId: "m", rules: [{ propertyId: "email", operation: { op: "exists" } }] }
            """, in: self)
        let problem = try XCTUnwrap(report.diagnostics("invalid-group-rule-op").first)
        XCTAssertTrue(problem.message.contains("operation: { op }"), problem.message)
        XCTAssertEqual(problem.grouparooMessage, "invalid group rule operation \"undefined\" for property of type email")
    }

    func testHardcodedSecretNeverPrintsTheValue() throws {
        let report = try ValidationHarness.validate(objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "crm", password: "s3cr3t-value" } },
            { id: "h", class: "app", name: "H", type: "hubspot", options: { hapikey: process.env.HUBSPOT_KEY || "xoxb-123456" } }
            """, in: self)
        let secrets = report.diagnostics("hardcoded-secret")
        XCTAssertEqual(secrets.count, 2, report.summary)
        for diagnostic in secrets {
            XCTAssertFalse(diagnostic.message.contains("s3cr3t") || diagnostic.message.contains("xoxb"))
            XCTAssertNil(diagnostic.grouparooMessage)
        }
    }

    func testPluginRulesAreOffWithoutACatalog() throws {
        let report = try ValidationHarness.validate(objects: "{ id: \"a\", class: \"app\", name: \"A\", type: \"nope\" }",
                                                    in: self, plugins: nil)
        XCTAssertTrue(report.diagnostics("unknown-plugin-type").isEmpty)
        XCTAssertTrue(report.isValid, report.summary)
    }

    func testSettingNumbersAreReadWithJavaScriptParseFloat() throws {
        // parseFloat takes the longest numeric prefix, and only ASCII digits are digits.
        let values = ["12abc", " -1.5e2x", ".5", "abc", "e5", "\u{0661}\u{0662}", "Infinity"]
        let objects = values.enumerated().map { index, value in
            "{ id: \"s\(index)\", class: \"setting\", pluginName: \"core\", key: \"confirm-records-days\", value: \(JSONOutput.quoted(value)) }"
        }
        let report = try ValidationHarness.validate(objects: objects.joined(separator: ",\n"), in: self)
        let byID = Dictionary(grouping: report.diagnostics("invalid-setting-value"), by: { $0.objectID ?? "" })
        XCTAssertNil(byID["s0"], report.summary)
        XCTAssertEqual(byID["s1"]?.map(\.grouparooMessage), ["setting values cannot have negative numbers"])
        XCTAssertNil(byID["s2"], report.summary)
        XCTAssertEqual(byID["s3"]?.map(\.grouparooMessage), ["abc is not a number"])
        XCTAssertEqual(byID["s4"]?.map(\.grouparooMessage), ["e5 is not a number"])
        XCTAssertEqual(byID["s5"]?.count, 1, "Arabic-Indic digits are not digits to parseFloat")
        XCTAssertNil(byID["s6"], report.summary)
    }
}
