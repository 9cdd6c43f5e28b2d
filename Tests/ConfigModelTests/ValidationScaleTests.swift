@testable import ConfigModel
import Foundation
import XCTest

/// Validation over a large config: every rule runs over thousands of files.
final class ValidationScaleTests: XCTestCase {
    /// A realistic mix repeated `groups` times: app, model, source, schedule, properties, group, destination.
    static func manyFiles(_ groups: Int) -> ConfigReadResult {
        let reader = ConfigReader()
        var files: [FileReadResult] = []
        for index in 0..<groups {
            let objects = """
                { id: "app\(index)", class: "app", name: "App \(index)", type: "postgres", options: { database: "db" } },
                { id: "model\(index)", class: "model", name: "Model \(index)", type: "profile" },
                { id: "src\(index)", class: "source", name: "Source \(index)", type: "postgres-import-table", appId: "app\(index)",
                  modelId: "model\(index)", options: { table: "users" }, mapping: { id: "uid\(index)" } },
                { id: "sch\(index)", class: "schedule", sourceId: "src\(index)", recurring: true, recurringFrequency: 900000,
                  options: { column: "updated_at" } },
                { id: "uid\(index)", class: "property", key: "uid\(index)", type: "integer", sourceId: "src\(index)", unique: true,
                  options: { column: "id", aggregationMethod: "exact" } },
                { id: "email\(index)", class: "property", key: "email\(index)", type: "email", sourceId: "src\(index)",
                  options: { column: "email", aggregationMethod: "exact" } },
                { id: "grp\(index)", class: "group", name: "Group \(index)", modelId: "model\(index)",
                  rules: [{ propertyId: "email\(index)", op: "like", match: "%@%" }] },
                { id: "dst\(index)", class: "destination", name: "Dest \(index)", type: "postgres-export-records",
                  appId: "app\(index)", modelId: "model\(index)", collection: "group", groupId: "grp\(index)", syncMode: "sync",
                  options: { table: "out", primaryKey: "id", groupsTable: "g", groupForeignKey: "f", groupColumnName: "c" },
                  mapping: { id: "uid\(index)", email: "email\(index)" } }
                """
            files.append(reader.read(contents: Array("module.exports = [\(objects)];".utf8), path: "/virtual/f\(index).js"))
        }
        return ConfigReadResult(directory: "/virtual", files: files)
    }

    /// Scale, not speed (speed is measured by Benchmarks/run.sh): a large valid config stays valid
    /// and every object is counted.
    func testLargeConfigValidatesCleanly() {
        let read = Self.manyFiles(2_000)
        let report = Validator(selection: ValidationHarness.everyRule).validate(read)
        XCTAssertEqual(report.objectCount, 16_000)
        XCTAssertTrue(report.isValid, report.diagnostics.prefix(5).map(\.message).joined(separator: "\n"))
    }
}
