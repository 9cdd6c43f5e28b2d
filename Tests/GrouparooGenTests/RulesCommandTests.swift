import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen rules` and `grouparoo-gen rules <id>`.
final class RulesCommandTests: XCTestCase {
    private func rules(_ arguments: [String]) -> CLIRun {
        runCLI(["rules"] + arguments, in: FileManager.default.temporaryDirectory.path)
    }

    func testListShowsEveryRuleWithSeverityDefaultAndSummary() throws {
        let run = rules([])
        XCTAssertEqual(run.status, 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("RULE"))
        for rule in KnownRules.all {
            let row = try XCTUnwrap(lines.first { $0.hasPrefix(rule.identifier + " ") }, "\(rule.identifier) is listed")
            let columns = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            XCTAssertEqual(columns[1], rule.severity.rawValue)
            XCTAssertEqual(columns[2], rule.enabledByDefault ? "on" : "off")
            XCTAssertTrue(row.hasSuffix(rule.summary))
        }
        XCTAssertTrue(run.output.contains("\(KnownRules.all.count) rules"))
    }

    func testCatalogRulesAndReaderChecksAreAllKnown() {
        let ids = KnownRules.all.map(\.identifier)
        XCTAssertEqual(Set(ids).count, ids.count, "no id is listed twice")
        XCTAssertEqual(ids, RuleCatalog.all.map(\.description.identifier))
        for check in ["syntax-error", "needs-node", "unset-env-var", "duplicate-id"] {
            XCTAssertNotNil(KnownRules.description(check), "\(check) can be named on the command line")
        }
    }

    func testDetailShowsDescriptionGrouparooRulesAndExamples() throws {
        let rule = try XCTUnwrap(RuleCatalog.rule("duplicate-id")).description
        let run = rules([rule.identifier])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.output.hasPrefix(rule.identifier + "\n"))
        XCTAssertTrue(run.output.contains(rule.summary))
        XCTAssertTrue(run.output.contains("Severity:           \(rule.severity.rawValue)"))
        for grouparooRule in rule.grouparooRules { XCTAssertTrue(run.output.contains(grouparooRule)) }
        XCTAssertTrue(run.output.contains("Triggers on:"))
        let firstExample = try XCTUnwrap(rule.triggeringExamples.first)
        for (path, contents) in firstExample.files {
            XCTAssertTrue(run.output.contains("// \(path)"))
            let firstLine = try XCTUnwrap(contents.split(separator: "\n").first)
            XCTAssertTrue(run.output.contains("  " + firstLine), "example contents are shown")
        }
        if !rule.nonTriggeringExamples.isEmpty { XCTAssertTrue(run.output.contains("Does not trigger on:")) }
    }

    func testRuleWithoutNonTriggeringExamplesOmitsThatSection() throws {
        let rule = RuleDescription(identifier: "sample-rule", summary: "A sample.", grouparooRules: [], severity: .warning,
                                   enabledByDefault: false,
                                   triggeringExamples: [RuleExample(["a.js": "exports.default = [];\n"])], nonTriggeringExamples: [])
        let text = RuleListing.detail(rule)
        XCTAssertTrue(text.contains("On by default:      no (turn on with --enable sample-rule)"))
        XCTAssertTrue(text.contains("none (goes beyond Grouparoo's own checks)"))
        XCTAssertTrue(text.contains("  // a.js\n  exports.default = [];\n"))
        XCTAssertFalse(text.contains("Does not trigger on"))
    }

    func testUnknownRuleIsAUsageErrorWithSuggestions() {
        let run = rules(["duplicate-idd"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("unknown rule 'duplicate-idd'"))
        XCTAssertTrue(run.errors.contains("did you mean 'duplicate-id'"), run.errors)
        XCTAssertEqual(rules(["a", "b"]).status, 2)
        XCTAssertEqual(rules(["--format", "yaml"]).status, 2)
    }

    func testJSONListParsesAndCoversEveryRule() throws {
        let run = rules(["--format", "json"])
        XCTAssertEqual(run.status, 0)
        let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, KnownRules.all.map(\.identifier))
        for entry in list {
            XCTAssertNotNil(entry["severity"] as? String)
            XCTAssertNotNil(entry["summary"] as? String)
            XCTAssertNotNil(entry["grouparoo_rules"] as? [String])
            XCTAssertNotNil(entry["triggering_examples"] as? [[String: String]])
        }
        let one = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(rules(["duplicate-id", "--format", "json"]).output.utf8)) as? [[String: Any]])
        XCTAssertEqual(one.count, 1)
    }
}
