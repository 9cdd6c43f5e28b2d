@testable import ConfigModel
import XCTest

/// `duplicate-id` finds the first object with an id through the node providers instead of hashing every key;
/// it must pair the same objects as hashing each object's duplicate key does.
final class ValidationDuplicateIDTests: XCTestCase {
    func testNodeProvidersPairTheSameObjectsAsHashedKeys() {
        let withoutColonClasses = """
            { class: "app", id: "dw" }, { class: " APP ", id: "dw" }, { class: "app", id: "other" },
            { class: "team" }, { class: "team", id: "undefined" }, { class: "Team", id: "undefined" }, { class: "team", id: 0 },
            { class: "team", id: null }, { class: "team", id: "" }, { class: "team", id: NaN }, { class: "team", id: NaN },
            { class: "model", id: "m" }, { class: "model", id: "m" }, { class: "model", id: "m" }, { id: "x" }, { id: "x" },
            { class: "a", id: "b:c" }, { class: "a:b", id: "c" }, { class: "a:b", id: "c" }
            """
        let withColonClass = withoutColonClasses + """
            , { class: "x:y", id: null }, { class: "x", id: "y\\u0000null" }, { class: "x:y" }
            """
        for objects in [withoutColonClasses, withColonClass] {
            let read = ConfigReader().read(contents: Array(RuleExample(objects: objects).files["config.js"]!.utf8),
                                           path: "/virtual/config.js")
            let input = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
            let found = DuplicateIDRule.duplicates(in: input).map { [$0.entry.position, $0.first.position] }
            XCTAssertEqual(found, Self.plainDuplicates(input))
            XCTAssertGreaterThanOrEqual(found.count, 8)
        }
    }

    /// Every object's duplicate key hashed, as the rule did before it used the node providers.
    private static func plainDuplicates(_ config: ValidationInput) -> [[Int]] {
        var firstByKey: [String: Int] = [:]
        var found: [[Int]] = []
        for entry in config.entries {
            let key = DuplicateIDRule.duplicateKey(entry)
            if let first = firstByKey[key] { found.append([entry.position, first]) } else { firstByKey[key] = entry.position }
        }
        return found
    }
}
