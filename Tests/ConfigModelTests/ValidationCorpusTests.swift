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
            XCTAssertEqual(report.objectCount, ConfigReader().readDirectory(at: corpus.appendingPathComponent(relative).path).objects.count)
        }
    }
}
