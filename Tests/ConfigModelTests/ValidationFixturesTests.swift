import ConfigModel
import Foundation
import XCTest

/// Grouparoo's own code-config fixtures, checked against what §9 of grouparoo-rules.md says each one
/// produces. Fixtures whose outcome needs a database or a remote system are run (they must not crash)
/// but not compared. Skips when `../shared` is absent.
final class ValidationFixturesTests: XCTestCase {
    private enum Expectation {
        case valid
        /// A diagnostic from `rule` on the object with `objectID` whose Grouparoo message contains `grouparoo`.
        case problem(rule: String, objectID: String?, grouparoo: String)
        case notOffline(String)
    }

    private let expectations: [(fixture: String, expected: Expectation)] = [
        ("additional-file-types", .problem(rule: "missing-required-field", objectID: "users_table",
                                           grouparoo: "Source.modelId cannot be null")),
        ("changes", .valid),
        ("duplicate-id", .problem(rule: "duplicate-id", objectID: "data_warehouse_a",
                                  grouparoo: "Duplicate ID values found for data_warehouse_a of class app")),
        ("duplicate-names/config1", .valid),
        ("duplicate-names/config2", .valid),
        ("empty", .valid),
        ("error-app", .problem(rule: "missing-required-option", objectID: "data_warehouse",
                               grouparoo: "fileId is required for a app of type test-plugin-app")),
        ("error-app-destination-remote", .valid),
        ("error-app-remote", .notOffline("fails only in the plugin's remote app test")),
        ("error-bootstrap-is-array", .problem(rule: "bootstrap-is-array", objectID: "user_id",
                                              grouparoo: "\"user_id\" cannot be an array")),
        ("error-bootstrap-not-unique", .problem(rule: "bootstrap-not-unique", objectID: "user_id",
                                                grouparoo: "\"user_id\" needs to be set as \"unique: true\"")),
        ("error-changed-type-duplicate", .notOffline("needs the options stored by an earlier load and a test-only plugin")),
        ("error-changed-type-missing", .problem(rule: "unknown-plugin-type", objectID: "data_warehouse",
                                                grouparoo: "Cannot find a \"foo\" app available within the installed plugins. Current apps installed are")),
        ("error-group", .problem(rule: "unknown-reference", objectID: "broken_group",
                                 grouparoo: "Could not find object with ID: missing_record_property")),
        ("error-id", .problem(rule: "invalid-id", objectID: "data warehouse", grouparoo: "invalid id")),
        ("error-not-installed", .problem(rule: "unknown-plugin-type", objectID: "data_warehouse",
                                         grouparoo: "Cannot find a \"missing-plugin\" connection available within the installed plugins. Current connections installed are:")),
        ("error-null-objects", .problem(rule: "null-config-object", objectID: nil,
                                        grouparoo: "has 2 null or undefined top-level config objects")),
        ("error-property", .problem(rule: "unknown-reference", objectID: "email",
                                    grouparoo: "Could not find object with ID: missing_source")),
        ("error-property-filter", .problem(rule: "deprecated-filter-op", objectID: "email",
                                           grouparoo: "Property filter `greater than` has been deprecated and replaced with `gt`. Read more at https://www.grouparoo.com/docs/support/config-files#properties")),
        ("error-record-missing-property", .problem(rule: "unknown-reference", objectID: "record_john",
                                                   grouparoo: "Could not find object with ID: unknown_property_id")),
        ("error-record-non-unique-property", .problem(rule: "record-properties", objectID: "record_john",
                                                      grouparoo: "there are no directly mapped record properties provided in {\"first_name\":[\"John\"]}")),
        ("error-schedule-filter", .problem(rule: "deprecated-filter-op", objectID: "users_table_schedule",
                                           grouparoo: "Schedule filter `greater than` has been deprecated and replaced with `gt`. Read more at https://www.grouparoo.com/docs/support/config-files#sources")),
        ("error-source", .problem(rule: "unknown-reference", objectID: "users_table",
                                  grouparoo: "Could not find object with ID: user_id")),
        ("error-teamMember", .problem(rule: "missing-required-field", objectID: "demo",
                                      grouparoo: "TeamMember.firstName cannot be null")),
        ("group-rule-with-date", .valid),
        ("initial", .valid),
        ("multiple-sources", .valid),
        ("partially-empty", .valid),
        ("permissions", .valid),
        ("records", .valid),
        ("similar-id", .valid),
        ("top-level-group-rule", .valid),
    ]

    func testFixturesMatchGrouparoo() throws {
        let root = try ConformanceSupport.sharedDirectory()
            .appendingPathComponent("corpus/config/grouparoo+grouparoo/core/__tests__/fixtures/codeConfig")
        guard FileManager.default.fileExists(atPath: root.path) else { throw XCTSkip("no fixtures at \(root.path)") }
        let present = try Self.fixtureDirectories(under: root)
        let unexpected = Set(present).subtracting(expectations.map(\.fixture))
        XCTAssertTrue(unexpected.isEmpty, "fixtures without an expectation: \(unexpected.sorted())")

        var rows: [(String, String, String, String)] = []
        var mismatches: [String] = []
        for (fixture, expected) in expectations {
            guard present.contains(fixture) else {
                rows.append((fixture, "-", "absent from the corpus", "n/a"))
                continue
            }
            // Grouparoo's tests load the record fixtures with GROUPAROO_RUN_MODE=cli:config.
            let report = ValidationHarness.validate(directory: root.appendingPathComponent(fixture).path,
                                                    plugins: .bundled.merging(.testPlugin),
                                                    selection: RuleSelection(),
                                                    runMode: fixture.contains("record") ? .config : .default)
            let ours = report.diagnostics.filter { $0.severity == .error }
                .map { "\($0.ruleID)(\($0.objectID ?? "-"))" }
            let warnings = Set(report.diagnostics.filter { $0.severity == .warning }.map(\.ruleID)).sorted()
            var oursText = ours.isEmpty ? "valid" : Array(Set(ours)).sorted().joined(separator: ", ")
            if !warnings.isEmpty { oursText += " (warnings: \(warnings.joined(separator: ", ")))" }
            let (expectedText, match) = judge(expected, report)
            rows.append((fixture, expectedText, oursText, match))
            if match == "NO" { mismatches.append("\(fixture): expected \(expectedText), got\n\(report.summary)") }
        }
        print(Self.table(rows))
        XCTAssertTrue(mismatches.isEmpty, mismatches.joined(separator: "\n\n"))
    }

    private func judge(_ expected: Expectation, _ report: ValidationReport) -> (String, String) {
        switch expected {
        case .valid:
            return ("valid", report.isValid ? "yes" : "NO")
        case .problem(let rule, let objectID, let grouparoo):
            let found = report.diagnostics.contains { diagnostic in
                diagnostic.ruleID == rule && diagnostic.severity == .error
                    && (objectID == nil || diagnostic.objectID == objectID)
                    && (diagnostic.grouparooMessage ?? "").contains(grouparoo)
            }
            return ("\(rule)(\(objectID ?? "-"))", found ? "yes" : "NO")
        case .notOffline(let reason):
            return ("not offline: \(reason)", "n/a")
        }
    }

    static func fixtureDirectories(under root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().flatMap { name -> [String] in
            let nested = root.appendingPathComponent(name)
            let children = (try? FileManager.default.contentsOfDirectory(atPath: nested.path)) ?? []
            let configDirs = children.filter { $0.hasPrefix("config") && !$0.contains(".") }.sorted()
            return configDirs.isEmpty ? [name] : configDirs.map { "\(name)/\($0)" }
        }
    }

    static func table(_ rows: [(String, String, String, String)]) -> String {
        let header = ("fixture", "expected (§9)", "ours (errors)", "match")
        let all = [header] + rows
        let widths = [all.map(\.0.count).max()!, all.map(\.1.count).max()!, all.map(\.2.count).max()!]
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        return all.map { "| \(pad($0.0, widths[0])) | \(pad($0.1, widths[1])) | \(pad($0.2, widths[2])) | \($0.3) |" }
            .joined(separator: "\n")
    }
}
