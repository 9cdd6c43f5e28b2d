import ConfigModel
import Foundation
import XCTest

/// Every real config directory in `../shared/corpus/config` validates without crashing; prints what each reports.
final class ValidationCorpusTests: XCTestCase {
    func testCorpusConfigDirectoriesValidate() throws {
        let corpus = try ConformanceSupport.sharedDirectory().appendingPathComponent("corpus/config")
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { throw XCTSkip("no corpus") }
        var directories: [String] = []
        while let relative = walker.nextObject() as? String {
            guard (relative as NSString).lastPathComponent == "config", !relative.contains("__tests__"),
                  !relative.contains("/_history/") else { continue }
            directories.append(relative)
        }
        XCTAssertFalse(directories.isEmpty)
        for relative in directories.sorted() {
            let report = ValidationHarness.validate(directory: corpus.appendingPathComponent(relative).path,
                                                    selection: RuleSelection())
            var counts: [String: Int] = [:]
            for diagnostic in report.diagnostics { counts["\(diagnostic.severity.rawValue) \(diagnostic.ruleID)", default: 0] += 1 }
            print("\(relative): \(report.fileCount) files, \(report.objectCount) objects, \(report.errorCount) errors, "
                  + "\(report.warningCount) warnings")
            for (key, count) in counts.sorted(by: { $0.key < $1.key }) { print("    \(count)× \(key)") }
            if ProcessInfo.processInfo.environment["VERBOSE_CORPUS"] != nil { for d in report.diagnostics { print("      \(d.span?.description ?? "") \(d.ruleID): \(d.message)") } }
            assertDiagnosticsPointIntoTheirFiles(report, directory: corpus.appendingPathComponent(relative).path)
        }
    }

    /// Every diagnostic names a catalog rule and, when it has a place, a line and column that exist in
    /// its file: what a reader of the report needs to find the problem.
    private func assertDiagnosticsPointIntoTheirFiles(_ report: ValidationReport, directory: String) {
        var lines: [String: SourceLines] = [:]
        for diagnostic in report.diagnostics {
            XCTAssertNotNil(RuleCatalog.rule(diagnostic.ruleID), "\(diagnostic.ruleID) is not a rule")
            guard let span = diagnostic.span else { continue }
            if lines[span.file] == nil, let data = FileManager.default.contents(atPath: span.file) {
                lines[span.file] = SourceLines([UInt8](data))
            }
            let text = lines[span.file]?.line(span.start.line)
            XCTAssertNotNil(text, "\(span) (\(diagnostic.ruleID)) is not a line of a readable file")
            XCTAssertLessThanOrEqual(span.start.column, (text?.unicodeScalars.count ?? 0) + 1, "\(span) is past the end of its line")
        }
    }
}
