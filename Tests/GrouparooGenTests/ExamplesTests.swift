import ConfigModel
import Foundation
import XCTest

/// The shipped example repositories: the clean ones stay clean, and the broken one reports
/// exactly the seven problems its README lists.
final class ExamplesTests: XCTestCase {
    private static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    private func validate(_ example: String, envFile: String? = nil) throws -> (ValidationReport, String) {
        var environment: [String: String] = [:]
        if let envFile {
            let text = try String(contentsOf: Self.examples.appendingPathComponent("\(example)/\(envFile)"), encoding: .utf8)
            environment = EnvFile.parse(text).values
        }
        let config = Self.examples.appendingPathComponent("\(example)/config").path
        let read = ConfigReader(options: ReaderOptions(environment: environment)).readDirectory(at: config)
        return (Validator().validate(read), read.directory)
    }

    func testCleanExamplesValidateWithoutAnyDiagnostic() throws {
        for example in ["postgres-mailchimp", "csv-team"] {
            let (report, _) = try validate(example, envFile: "example.env")
            XCTAssertEqual(report.diagnostics.map { "\($0.ruleID): \($0.message)" }, [], example)
            XCTAssertGreaterThan(report.objectCount, 10, example)
        }
    }

    func testCleanExamplesValidateWithoutTheirEnvironmentToo() throws {
        // The README's main job runs without an env file: no errors and no warnings, and no secret in the files.
        for example in ["postgres-mailchimp", "csv-team"] {
            let (report, _) = try validate(example)
            XCTAssertEqual(report.diagnostics.map { "\($0.ruleID): \($0.message)" }, [], example)
            XCTAssertEqual(report.errorCount, 0, example)
            XCTAssertEqual(report.warningCount, 0, example)
        }
    }

    func testBrokenExampleReportsItsSevenProblems() throws {
        let (report, directory) = try validate("broken")
        let errors = report.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            "\(diagnostic.ruleID) \(diagnostic.span.map { String($0.file.dropFirst(directory.count + 1)) } ?? "?") \(diagnostic.objectID ?? "-")"
        }
        XCTAssertEqual(errors.sorted(), [
            "duplicate-id apps/warehouse.js warehouse",
            "invalid-enum properties/broken_properties.js bio",
            "invalid-id properties/broken_properties.js first name!",
            "schedule-frequency-too-low sources/users.js users_schedule",
            "unknown-key teams/support.js support",
            "unknown-permission-topic apiKeys/zapier.json zapier",
            "unknown-reference properties/broken_properties.js crm_score",
        ])
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .warning }.map(\.ruleID), ["unset-env-var"])
    }
}
