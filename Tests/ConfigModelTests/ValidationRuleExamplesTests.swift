import ConfigModel
import Foundation
import XCTest

/// Runs every rule's own examples: triggering ones must produce that rule's diagnostic, the others must not.
final class ValidationRuleExamplesTests: XCTestCase {
    /// Reader problems that cannot be produced by writing a config file (or need Node).
    private let rulesWithoutTriggeringExamples: Set<String> = ["unreadable-file", "node-evaluation-error"]

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
                let report = try ValidationHarness.validate(example.files, in: self, plugins: .bundled.merging(.testPlugin))
                let found = report.diagnostics(id)
                XCTAssertFalse(found.isEmpty, "\(id) triggering example \(index) found nothing; got:\n\(report.summary)")
                for diagnostic in found {
                    XCTAssertNotNil(diagnostic.span, "\(id): \(diagnostic.message) has no location")
                }
            }
        }
    }

    func testNonTriggeringExamplesStayQuiet() throws {
        for rule in RuleCatalog.all {
            let id = rule.description.identifier
            for (index, example) in rule.description.nonTriggeringExamples.enumerated() {
                let report = try ValidationHarness.validate(example.files, in: self, plugins: .bundled.merging(.testPlugin))
                let found = report.diagnostics(id)
                XCTAssertTrue(found.isEmpty, "\(id) non-triggering example \(index) reported:\n"
                              + found.map(\.message).joined(separator: "\n"))
            }
        }
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
