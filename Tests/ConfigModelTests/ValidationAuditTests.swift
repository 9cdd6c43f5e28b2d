import ConfigModel
import Foundation
import XCTest

/// Checks found by auditing Grouparoo's loader (docs/grouparoo-checks.md) and issue 9's rule-side defects.
final class ValidationAuditTests: XCTestCase {
    private static let usersSource = """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true, options: { column: "id" } },
        { id: "email", class: "property", key: "email", type: "email", sourceId: "users", options: { column: "email" } },

        """

    // MARK: - Run modes (records are loaded only by `grouparoo config`)

    func testRecordChecksAreConfigModeOnly() throws {
        let files = RuleExample(objects: Self.usersSource + """
            { id: "john", class: "record", modelId: "m", properties: { email: ["a@b.co", "c@d.co"] }, cool: true },
            { id: "jane smith", class: "profile", properties: { user_id: 7 } }
            """).files
        let validate = try ValidationHarness.validate(files, in: self)
        for rule in ["record-properties", "unknown-key", "invalid-id", "missing-required-field"] {
            XCTAssertEqual(validate.diagnostics(rule).count, 0, "\(rule) in validate mode:\n\(validate.summary)")
        }
        let config = try ValidationHarness.validate(files, in: self, runMode: .config)
        XCTAssertEqual(config.diagnostics("record-properties").map(\.grouparooMessage), [
            #"there are no directly mapped record properties provided in {"email":["a@b.co","c@d.co"]}"#,
            "cannot set multiple record properties for a non-array property",
        ], config.summary)
        XCTAssertEqual(config.diagnostics("unknown-key").map(\.grouparooMessage), ["cool is not a valid property of a GrouparooRecord"])
        XCTAssertEqual(config.diagnostics("invalid-id").map(\.objectID), ["jane smith"])
        XCTAssertEqual(config.diagnostics("missing-required-field").map(\.grouparooMessage), ["GrouparooRecord.modelId cannot be null"])
    }

    func testRecordPropertiesMustBelongToTheRecordsModel() throws {
        let report = try ValidationHarness.validate(objects: Self.usersSource + """
            { id: "a", class: "model", name: "Accounts", type: "account" },
            { id: "accounts", class: "source", name: "Accounts", type: "t", appId: "x", modelId: "a", mapping: { id: "account_id" } },
            { id: "account_id", class: "property", key: "accountId", type: "integer", sourceId: "accounts", unique: true, options: { column: "id" } },
            { id: "john", class: "record", modelId: "m", properties: { user_id: [1], account_id: [2] } }
            """, in: self, runMode: .config)
        XCTAssertEqual(report.diagnostics("record-properties").map(\.grouparooMessage),
                       ["cannot find a property for id or key `account_id`"], report.summary)
    }

    func testRecordPropertyKeysAreDependenciesInEveryMode() throws {
        let files = RuleExample(objects: Self.usersSource + """
            { id: "john", class: "record", modelId: "m", properties: { userId: [1] } }
            """).files
        for mode in RunMode.allCases {
            let report = try ValidationHarness.validate(files, in: self, runMode: mode)
            XCTAssertEqual(report.diagnostics("unknown-reference").filter { $0.objectID == "john" }.map(\.grouparooMessage),
                           ["Could not find object with ID: userId"], "\(mode): \(report.summary)")
        }
    }

    // MARK: - schedule-mapping-not-unique

    func testScheduleOnSourceMappedToNonUniquePropertyIsRefused() throws {
        let report = try ValidationHarness.validate(objects: Self.usersSource + """
            { id: "purchases", class: "source", name: "Purchases", type: "t", appId: "a", modelId: "m", mapping: { user_email: "email" } },
            { id: "purchases_schedule", class: "schedule", name: "P", sourceId: "purchases", recurring: false }
            """, in: self)
        let found = report.diagnostics("schedule-mapping-not-unique")
        XCTAssertEqual(found.map(\.grouparooMessage), ["source Purchases (purchases) cannot have a schedule"], report.summary)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.notes.count, 2)
    }

    // MARK: - unique-through-non-unique-mapping, invalid-remote-key

    func testUniquePropertyThroughNonUniqueMappingIsRefused() throws {
        let report = try ValidationHarness.validate(objects: Self.usersSource + """
            { id: "purchases", class: "source", name: "Purchases", type: "t", appId: "a", modelId: "m", mapping: { user_email: "email" } },
            { id: "purchase_id", class: "property", key: "purchaseId", type: "integer", sourceId: "purchases", unique: true, options: { column: "id" } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("unique-through-non-unique-mapping").map(\.grouparooMessage),
                       ["Unique Property purchaseId (purchase_id) cannot be mapped through a non-unique Property - email (email)"],
                       report.summary)
    }

    func testRemoteKeysNeedOneTo191CharactersAndDifferBeyondCase() throws {
        let long = String(repeating: "k", count: 192)
        let report = try ValidationHarness.validate(objects: Self.usersSource + """
            { id: "g", class: "group", name: "G", modelId: "m" },
            { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m",
              mapping: { Email: "email", email: "email", \(long): "user_id" }, destinationGroupMemberships: { "": "g" } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("invalid-remote-key").map(\.grouparooMessage), [
            "ownerId \"d\" is already in use, ownerType \"destination\" is already in use, remoteKey \"email\" is already in use in table Mapping",
            "Validation len on remoteKey failed",
            "Validation len on remoteKey failed",
        ], report.summary)
    }

    func testEachGroupKeepsTheLastRemoteNameAndManyKeysDifferBeyondCase() throws {
        // Memberships are saved as {groupId: remoteName}: only each group's last name is checked, nulls are dropped.
        let keys = (0..<10).map { "key\($0): \"email\"" }.joined(separator: ", ")
        let report = try ValidationHarness.validate(objects: Self.usersSource + """
            { id: "g", class: "group", name: "G", modelId: "m" },
            { id: "h", class: "group", name: "H", modelId: "m" },
            { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", mapping: { \(keys), KEY3: "email" },
              destinationGroupMemberships: { "": "g", VIPs: "g", Fans: "h", Gone: null } },
            { id: "e", class: "destination", name: "E", type: "t", appId: "a", modelId: "m", groupId: "g", collection: "group",
              destinationGroupMemberships: { VIPs: "g", "": "g" } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("invalid-remote-key").map(\.message), [
            "mapping keys `key3` and `KEY3` differ only in case; Grouparoo treats them as the same remote key and stops loading",
            "remote key `` is empty",
        ], report.summary)
    }

    func testRefreshQueryNeedsAnAppTypeWithAppQuery() throws {
        let report = try ValidationHarness.validate(objects: """
            { id: "mc", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: "k" },
              refresh: { query: "SELECT 1", recurringFrequency: 60000 } },
            { id: "dw", class: "app", name: "DW", type: "sqlite", options: { file: "x.db" },
              refresh: { query: "SELECT 1", recurringFrequency: 60000 } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("unsupported-refresh-query").map(\.grouparooMessage),
                       ["app Mailchimp (mc) of type mailchimp cannot use app refresh query"], report.summary)
    }

    func testRefreshQueryTextIsCheckedLikeTheSQLPlugins() throws {
        let report = try ValidationHarness.validate(objects: """
            { id: "a", class: "app", name: "A", type: "postgres", options: { host: "h", database: "d" }, refresh: { query: "  " } },
            { id: "b", class: "app", name: "B", type: "sqlite", options: { file: "x.db" }, refresh: { query: "  " } },
            { id: "c", class: "app", name: "C", type: "redshift", options: { host: "h", database: "d" },
              refresh: { query: "SELECT '--' AS x" } },
            { id: "d", class: "app", name: "D", type: "bigquery", options: { project_id: "p", dataset: "d", client_email: "e",
              private_key: "k" }, refresh: { query: "WITH x AS (SELECT 1) SELECT * FROM x" } },
            { id: "e", class: "app", name: "E", type: "mysql", options: { host: "h", database: "d" }, refresh: { query: "Select 1" } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("refresh-query-text").map(\.objectID), ["a", "b", "c", "d"], report.summary)
        XCTAssertEqual(report.diagnostics("refresh-query-text").map(\.grouparooMessage), [
            "please provide a query", "query should start with SELECT, INSERT, UPDATE, or DELETE",
            "please remove any comments from the query", "query should start with SELECT, INSERT, UPDATE, or DELETE",
        ])
    }

    // MARK: - Issue 9 §5.7

    func testFalsyNumericIdIsOnlyMissing() throws {
        let report = try ValidationHarness.validate(objects: """
            { id: 0, class: "team", name: "Team Zero", options: { permissionAllRead: true, permissionAllWrite: false } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("missing-id").map(\.grouparooMessage), [#""Team Zero" is missing an ID"#])
        XCTAssertEqual(report.diagnostics("invalid-value-type").map(\.message), [], "no warning that reads the id as \"0\"")
        let truthy = try ValidationHarness.validate(objects: """
            { id: 7, class: "team", name: "Team Seven", options: { permissionAllRead: true, permissionAllWrite: false } }
            """, in: self)
        XCTAssertEqual(truthy.diagnostics("invalid-value-type").count, 1, "a truthy number id is still read as a string")
        XCTAssertEqual(truthy.diagnostics("missing-id").count, 0)
    }

    func testDuplicateThroughRequirePointsAtTheRequire() throws {
        let report = try ValidationHarness.validate([
            "d1.js": "// shared teams\nmodule.exports = require(\"./d2\");\n",
            "d2.js": "module.exports = [{ id: \"t\", class: \"team\", name: \"Team T\" }];\n",
        ], in: self)
        let found = report.diagnostics("duplicate-id")
        XCTAssertEqual(found.count, 1, report.summary)
        let diagnostic = try XCTUnwrap(found.first)
        XCTAssertEqual(diagnostic.grouparooMessage, "Duplicate ID values found for t of class team")
        XCTAssertTrue(diagnostic.message.contains("loaded twice"), diagnostic.message)
        let note = try XCTUnwrap(diagnostic.notes.first)
        XCTAssertNotEqual(note.span, diagnostic.span, "the note must not point at the error's own location")
        XCTAssertTrue(note.span?.file.hasSuffix("/d1.js") == true, "\(String(describing: note.span))")
        XCTAssertEqual(note.span?.start.line, 2)
        XCTAssertEqual(note.span?.start.column, 18)
    }

    func testSharedFileRequiredByTwoConfigFilesPointsAtTheSecondRequire() throws {
        let root = try makeTemporaryDirectory(self)
        let config = root.appendingPathComponent("config")
        try write("module.exports = [{ id: \"t\", class: \"team\", name: \"Team T\" }];\n",
                  to: root.appendingPathComponent("lib/teams.js"))
        try write("module.exports = require(\"../lib/teams\");\n", to: config.appendingPathComponent("a.js"))
        try write("\nmodule.exports = require(\"../lib/teams\");\n", to: config.appendingPathComponent("b.js"))
        let report = ValidationHarness.validate(directory: config.path)
        let diagnostic = try XCTUnwrap(report.diagnostics("duplicate-id").first, report.summary)
        XCTAssertTrue(diagnostic.message.contains("through `require` in both config/a.js and config/b.js"), diagnostic.message)
        XCTAssertTrue(diagnostic.notes.first?.span?.file.hasSuffix("config/b.js") == true)
        XCTAssertEqual(diagnostic.notes.first?.span?.start.line, 2)
    }
}
