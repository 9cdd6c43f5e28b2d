@testable import ConfigModel
import XCTest

/// The validator runs entry rules over chunks of entries; the findings must be those of every rule's own
/// `check` over the whole config, in the same order.
final class ValidationEntryChunksTests: XCTestCase {
    /// Every rule's triggering examples read as one config, each example in a folder of its own.
    private static func everyExample(runMode: RunMode) -> ValidationInput {
        var files: [FileReadResult] = []
        for (index, rule) in RuleCatalog.all.enumerated() {
            for (number, example) in rule.description.triggeringExamples.enumerated() {
                for (path, contents) in example.files.sorted(by: { $0.key < $1.key }) {
                    files.append(ConfigReader().read(contents: Array(contents.utf8), path: "/virtual/\(index)-\(number)/\(path)"))
                }
            }
        }
        return ValidationInput(read: ConfigReadResult(directory: "/virtual", files: files), runMode: runMode)
    }

    func testChunkedRulesFindWhatEachRuleFindsAlone() {
        // Both run modes: `config` makes some rules read records too.
        for runMode in RunMode.allCases {
            let input = Self.everyExample(runMode: runMode)
            let active = Validator(selection: ValidationHarness.everyRule, runMode: runMode).activeRules
            XCTAssertGreaterThan(input.entries.count, 100)
            XCTAssertGreaterThan(active.filter { $0.entryRule != nil }.count, 3)
            let plain = active.flatMap { $0.check(input) }
            XCTAssertTrue(plain.contains { $0.ruleID == "missing-required-field" })
            for size in [1, 7, Validator.entriesPerChunk] {
                XCTAssertEqual(Validator.run(active, on: input, entriesPerChunk: size), plain, "\(runMode), chunks of \(size)")
            }
        }
    }
}
