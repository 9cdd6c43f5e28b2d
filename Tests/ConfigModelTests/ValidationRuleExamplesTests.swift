import ConfigModel
import Foundation
import XCTest

/// Runs every rule's own examples: triggering ones must produce that rule's diagnostic, the others must not.
final class ValidationRuleExamplesTests: XCTestCase {
    /// Reader problems that cannot be produced by writing a config file (or need Node, or a `.env.example`).
    private let rulesWithoutTriggeringExamples: Set<String> = ["unreadable-file", "node-evaluation-error", "env-var-not-in-example", "invalid-utf8",
                                                                      "plugin-not-installed"]

    func testIdentifiersAreUniqueAndDescribed() {
        var seen: Set<String> = []
        for rule in RuleCatalog.all {
            let description = rule.description
            XCTAssertTrue(seen.insert(description.identifier).inserted, "duplicate identifier \(description.identifier)")
            XCTAssertFalse(description.summary.isEmpty, description.identifier)
            XCTAssertNotNil(RuleCatalog.rule(description.identifier))
            XCTAssertFalse(description.nonTriggeringExamples.isEmpty, "\(description.identifier) has no passing example")
            if !rulesWithoutTriggeringExamples.contains(description.identifier) {
                XCTAssertFalse(description.triggeringExamples.isEmpty, "\(description.identifier) has no failing example")
            }
            for id in description.grouparooRules {
                XCTAssertTrue(id.hasPrefix("R-"), "\(description.identifier): \(id)")
            }
        }
        XCTAssertNil(RuleCatalog.rule("no-such-rule"))
    }

    func testTriggeringExamplesProduceTheirRule() throws {
        for rule in RuleCatalog.all {
            let id = rule.description.identifier
            for (index, example) in rule.description.triggeringExamples.enumerated() {
                let report = try ValidationHarness.validate(example.files, in: self, plugins: .bundled.merging(.testPlugin),
                                                            runMode: Self.runMode(for: rule))
                let found = report.diagnostics(id)
                XCTAssertFalse(found.isEmpty, "\(id) triggering example \(index) found nothing; got:\n\(report.summary)")
                XCTAssertFalse(example.markers.isEmpty, "\(id) triggering example \(index) marks no place with ↓")
                let places = found.compactMap { diagnostic in diagnostic.span.flatMap { Self.marker(for: $0, in: example) } }
                XCTAssertEqual(places.count, found.count, "\(id) example \(index): a diagnostic is outside the example's files")
                XCTAssertEqual(places.sorted(), example.markers,
                               "\(id) triggering example \(index): diagnostics land at \(places.sorted()), ↓ marks \(example.markers)")
            }
        }
    }

    func testRulesRunOnlyInTheirRunModes() throws {
        let records = try XCTUnwrap(RuleCatalog.rule("record-properties"))
        XCTAssertEqual(records.description.runModes, [.config])
        for mode in RunMode.allCases {
            let active = Validator(selection: ValidationHarness.everyRule, runMode: mode).activeRules.map(\.description.identifier)
            XCTAssertEqual(active.contains("record-properties"), mode == .config, "\(mode)")
            XCTAssertTrue(active.contains("unknown-reference"), "\(mode)")
        }
    }

    /// The default mode when the rule runs there, else the first mode it runs in.
    private static func runMode(for rule: any ValidationRule) -> RunMode {
        let modes = rule.description.runModes
        return modes.contains(.default) ? .default : RunMode.allCases.first(where: modes.contains) ?? .default
    }

    func testNonTriggeringExamplesStayQuiet() throws {
        for rule in RuleCatalog.all {
            let id = rule.description.identifier
            for (index, example) in rule.description.nonTriggeringExamples.enumerated() {
                let report = try ValidationHarness.validate(example.files, in: self, plugins: .bundled.merging(.testPlugin),
                                                            runMode: Self.runMode(for: rule))
                let found = report.diagnostics(id)
                XCTAssertTrue(example.markers.isEmpty, "\(id) non-triggering example \(index) has a ↓ marker")
                XCTAssertTrue(found.isEmpty, "\(id) non-triggering example \(index) reported:\n"
                              + found.map(\.message).joined(separator: "\n"))
            }
        }
    }

    /// The example file and position a diagnostic starts at, in the form of a marker.
    private static func marker(for span: SourceSpan, in example: RuleExample) -> RuleExample.Marker? {
        guard let file = example.files.keys.first(where: { span.file.hasSuffix("/" + $0) }) else { return nil }
        return RuleExample.Marker(file: file, line: span.start.line, column: span.start.column)
    }

    func testMarkersArePlacesInTheStrippedFiles() {
        let example = RuleExample(["a.js": "x = [\n  ↓{ a: 1 }, ↓2\n];\n", "b/c.json": "↓{}"])
        XCTAssertEqual(example.files, ["a.js": "x = [\n  { a: 1 }, 2\n];\n", "b/c.json": "{}"])
        XCTAssertEqual(example.markers, [RuleExample.Marker(file: "a.js", line: 2, column: 3),
                                         RuleExample.Marker(file: "a.js", line: 2, column: 13),
                                         RuleExample.Marker(file: "b/c.json", line: 1, column: 1)])
    }
}

/// Each problem the reader reports has exactly one rule, named after the problem, that gives it its id.
final class ReaderProblemRuleTests: XCTestCase {
    func testEveryReaderProblemHasExactlyOneRuleNamedAfterIt() {
        for problem in ReaderProblem.allCases {
            let rules = RuleCatalog.all.filter { String(describing: type(of: $0)).lowercased() == "\(problem)rule".lowercased() }
            XCTAssertEqual(rules.count, 1, "\(problem)")
            XCTAssertEqual(problem.ruleID, rules.first?.description.identifier, "\(problem)")
        }
    }

    func testReaderDiagnosticsCarryTheirProblemAndItsRuleID() {
        let read = ConfigReader().read(contents: Array("module.exports = [ {".utf8), path: "/virtual/config.js")
        XCTAssertEqual(read.diagnostics.map(\.readerProblem), [.syntaxError])
        XCTAssertEqual(read.diagnostics.map(\.ruleID), ["syntax-error"])
    }
}
