import ConfigModel
import Foundation
import XCTest

/// One rule per file under `Sources/ConfigModel/Validation/Rules`, so a rule is found by its name.
final class ValidationRuleLayoutTests: XCTestCase {
    private static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ConfigModel/Validation/Rules")

    func testEachFileDefinesAtMostOneRule() throws {
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: Self.rulesDirectory.path))
            .filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty)
        var ruleFiles = 0
        for file in files {
            let text = try String(contentsOf: Self.rulesDirectory.appendingPathComponent(file), encoding: .utf8)
            // A rule is a type conforming to ValidationRule, directly or through the reader pass-through protocol.
            let conformances = text.components(separatedBy: "\n").filter { line in
                line.hasPrefix("struct ") && (line.contains(": ValidationRule") || line.contains(": ReaderPassThroughRule"))
            }
            let instancesOfManyRules = text.components(separatedBy: "static let all: [").count - 1
            XCTAssertLessThanOrEqual(conformances.count, 1, "\(file) defines several rules")
            XCTAssertEqual(instancesOfManyRules, 0, "\(file) builds several rules from one type")
            if let rule = conformances.first {
                ruleFiles += 1
                let typeName = rule.dropFirst("struct ".count).prefix { $0 != ":" }
                XCTAssertEqual(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, String(typeName),
                               "the file is named after its rule")
            }
        }
        XCTAssertEqual(ruleFiles, RuleCatalog.all.count, "every rule in the catalog has its own file")
    }
}
