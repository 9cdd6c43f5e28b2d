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
            // A rule is a type conforming to ValidationRule, directly or through `EntryRule` or the reader problem protocols.
            let conformances = text.components(separatedBy: "\n").filter { line in
                line.hasPrefix("struct ") && [": ValidationRule", ": EntryRule", ": ReaderPassThroughRule", ": ReaderProblemRule"].contains { line.contains($0) }
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

    /// A rule's type is its id in UpperCamelCase plus `Rule`, so renaming one without the other fails here.
    func testEachRuleTypeIsNamedAfterItsIdentifier() {
        for rule in RuleCatalog.all {
            let typeName = String(describing: type(of: rule))
            XCTAssertTrue(typeName.hasSuffix("Rule"), typeName)
            XCTAssertEqual(Self.kebabCase(String(typeName.dropLast("Rule".count))), rule.description.identifier,
                           "\(typeName) should be named after its id")
        }
    }

    func testKebabCaseKeepsAcronymsTogether() {
        XCTAssertEqual(Self.kebabCase("DuplicateAPIKey"), "duplicate-api-key")
        XCTAssertEqual(Self.kebabCase("InvalidID"), "invalid-id")
        XCTAssertEqual(Self.kebabCase("UnsetEnvVar"), "unset-env-var")
    }

    /// `DuplicateAPIKey` → `duplicate-api-key`: a word starts at an upper-case letter after a lower-case
    /// one, or at the last capital of an acronym followed by lower case.
    static func kebabCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if index > 0, character.isUppercase {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    result += "-"
                }
            }
            result += character.lowercased()
        }
        return result
    }
}
