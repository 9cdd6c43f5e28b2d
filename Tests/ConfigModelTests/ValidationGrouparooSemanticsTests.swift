import ConfigModel
import XCTest

/// Rules follow what Grouparoo actually does in the corners: when an app refresh applies, how property
/// options are stringified, the default schedule name, records under validate/apply, and missing ids.
final class ValidationGrouparooSemanticsTests: XCTestCase {
    private let source = """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "files", class: "app", name: "Files", type: "sqlite" },
        { id: "users", class: "source", name: "Users", type: "sqlite-import-table", appId: "files", modelId: "m",
          options: { table: "users" }, mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
          options: { column: "id", aggregationMethod: "exact" } },

        """

    // MARK: R-APP-09

    func testAppRefreshFrequencyCountsOnlyWhenTheRefreshApplies() throws {
        let report = try ValidationHarness.validate(objects: """
            { id: "short", class: "app", name: "Short", type: "sqlite", refresh: { query: "x", recurringFrequency: 30 } },
            { id: "number", class: "app", name: "Number", type: "sqlite", refresh: { query: 12, recurringFrequency: 30 } },
            { id: "applied", class: "app", name: "Applied", type: "sqlite", refresh: { query: "SELECT 1", recurringFrequency: 30 } },
            { id: "noquery", class: "app", name: "No Query", type: "sqlite", refresh: { recurringFrequency: 30 } },
            { id: "nullquery", class: "app", name: "Null Query", type: "sqlite", refresh: { query: null } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("schedule-frequency-too-low").compactMap(\.objectID), ["applied"], report.summary)
        let missing = report.diagnostics("missing-required-field").filter { $0.message.contains("refresh") }
        XCTAssertEqual(missing.compactMap(\.objectID), ["noquery", "nullquery"], report.summary)
        XCTAssertEqual(missing.map(\.severity), [.error, .error])
        XCTAssertEqual(missing.map(\.grouparooMessage), ["Cannot read properties of undefined (reading 'length')",
                                                         "Cannot read properties of null (reading 'length')"])
    }

    // MARK: R-PROP-09

    func testPropertyOptionsAreStringifiedBeforeTheRequiredCheck() throws {
        let report = try ValidationHarness.validate(objects: source + """
            { id: "flag", class: "property", key: "flag", type: "string", sourceId: "users",
              options: { column: false, aggregationMethod: "exact" } },
            { id: "zero", class: "property", key: "zero", type: "string", sourceId: "users",
              options: { column: 0, aggregationMethod: "exact" } },
            { id: "empty", class: "property", key: "empty", type: "string", sourceId: "users",
              options: { column: "", aggregationMethod: "exact" } },
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: 0 } }
            """, in: self)
        let missing = report.diagnostics("missing-required-option")
        XCTAssertEqual(missing.compactMap(\.objectID), ["empty", "dw"], "false and 0 become \"false\" and \"0\" for properties only")
    }

    // MARK: R-SCH-04

    func testScheduleOptionMessagesUseTheDefaultScheduleName() throws {
        let report = try ValidationHarness.validate(objects: source + """
            { id: "users_schedule", class: "schedule", sourceId: "users", recurring: false, options: { nope: 1 } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("missing-required-option").map(\.grouparooMessage),
                       ["column is required for a schedule of type sqlite-import-table (Users schedule, users_schedule)"])
        XCTAssertEqual(report.diagnostics("unknown-option").map(\.grouparooMessage),
                       ["nope is not an option for a sqlite-import-table schedule (Users schedule, users_schedule)"])
    }

    // MARK: R-PIPE-14, R-ID-04

    func testRecordsAreNotKeyOrIdCheckedUnderValidate() throws {
        let report = try ValidationHarness.validate(objects: source + """
            { id: "john smith", class: "record", modelId: "m", properties: { user_id: [1] }, extra: true },
            { id: "jane doe", class: "Profile", modelId: "m", properties: { user_id: [2] }, extra: true },
            { id: "rec:3", class: "record", modelId: "m", properties: { user_id: [3] } }
            """, in: self)
        XCTAssertEqual(report.diagnostics("unknown-key").count, 0, report.summary)
        XCTAssertEqual(report.diagnostics("invalid-id").compactMap(\.objectID), ["rec:3"],
                       "a `:` still drops the object in the dependency sort (R-PIPE-07)")
    }

    // MARK: R-PIPE-02

    func testObjectsWithoutIdsAreDuplicatesOfEachOther() throws {
        let report = try ValidationHarness.validate(objects: """
            { class: "team", name: "One" },
            { class: "team", name: "Two" },
            { class: "team", name: "Three", id: "" },
            { class: "model", name: "Lonely", type: "profile" }
            """, in: self)
        let duplicates = report.diagnostics("duplicate-id")
        XCTAssertEqual(duplicates.map(\.grouparooMessage), ["Duplicate ID values found for undefined of class team"],
                       "\"\" is not the same missing id as undefined, and one model alone is no duplicate")
        XCTAssertEqual(duplicates.first?.notes.count, 1)
        XCTAssertEqual(report.diagnostics("missing-id").count, 4)
    }
}
