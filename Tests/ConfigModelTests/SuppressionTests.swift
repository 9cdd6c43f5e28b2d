import ConfigModel
import XCTest

/// Issue 9 §6: inline suppressions, and a report of those that suppress nothing.
final class SuppressionTests: XCTestCase {
    private func validate(_ files: [String: String]) throws -> ValidationReport {
        try ValidationHarness.validate(files, in: self, selection: RuleSelection())
    }

    func testNextLineSuppressesOnlyTheNamedRuleOnTheNextLine() throws {
        let report = try validate(["config.js": """
            module.exports = [
              { id: "m", class: "model", name: "M", type: "profile" },
              // grouparoo-gen-disable-next-line duplicate-id -- kept on purpose
              { id: "m", class: "model", name: "M2", type: "profile" },
              { id: "m", class: "model", name: "M3", type: "profile" },
            ];
            """])
        XCTAssertEqual(report.diagnostics("duplicate-id").map(\.span?.start.line), [5], report.summary)
        XCTAssertEqual(report.diagnostics("unused-suppression").count, 0, report.summary)
    }

    func testFileSuppressionAcceptsAnUnevaluatedFile() throws {
        let source = "// grouparoo-gen-disable-file needs-node\nconst os = require(\"os\");\nmodule.exports = [];\n"
        let report = try validate(["a.js": source])
        XCTAssertEqual(report.errorCount, 0, report.summary)
        XCTAssertEqual(report.diagnostics.count, 0, report.summary)
        let unsuppressed = try validate(["a.js": String(source.drop { $0 != "\n" }.dropFirst())])
        XCTAssertEqual(unsuppressed.diagnostics("needs-node").count, 1)
    }

    func testSuppressionsThatSuppressNothingAreReported() throws {
        let report = try validate(["config.js": """
            // grouparoo-gen-disable-file unknown-class
            module.exports = [
              // grouparoo-gen-disable-next-line duplicate-id, no-such-rule
              { id: "m", class: "model", name: "M", type: "profile" },
            ];
            """])
        let messages = report.diagnostics("unused-suppression").map(\.message)
        XCTAssertEqual(messages.count, 3, report.summary)
        XCTAssertTrue(messages.contains { $0.hasPrefix("`// grouparoo-gen-disable-file unknown-class` suppresses nothing") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("`no-such-rule`, which is not a rule") }, "\(messages)")
        let quiet = try ValidationHarness.validate(["config.js": "// grouparoo-gen-disable-file unknown-class\nmodule.exports = [];\n"],
                                                   in: self, selection: RuleSelection(disabled: ["unused-suppression"]))
        XCTAssertEqual(quiet.diagnostics.count, 0, quiet.summary)
    }

    func testADirectiveInsideAStringOrLaterOnALineIsFound() throws {
        let report = try validate(["config.js": """
            module.exports = [
              { id: "m", class: "model", name: "M", type: "profile" },
              { id: "m", class: "model", name: "http://x", type: "profile" }, // grouparoo-gen-disable-next-line duplicate-id
              { id: "m", class: "model", name: "M3", type: "profile" },
            ];
            """])
        XCTAssertEqual(report.diagnostics("duplicate-id").map(\.span?.start.line), [3], report.summary)
    }

    func testBlockCommentDirectivesWorkAsLineComments() throws {
        let report = try validate(["config.js": """
            /* grouparoo-gen-disable-file unknown-class */
            module.exports = [
              { id: "m", class: "model", name: "M", type: "profile" },
              /* grouparoo-gen-disable-next-line duplicate-id*/
              { id: "m", class: "model", name: "M2", type: "profile" },
              { id: "x", class: "nonsense" },
            ];
            """])
        XCTAssertEqual(report.diagnostics("duplicate-id").count, 0, report.summary)
        XCTAssertEqual(report.diagnostics("unknown-class").count, 0, report.summary)
        XCTAssertEqual(report.diagnostics("unused-suppression").count, 0, report.summary)
    }

    func testJSON5CommentsInJSONFilesSuppressToo() throws {
        // Grouparoo reads .json files with JSON5, which allows comments.
        let report = try validate(["a.json": """
            // grouparoo-gen-disable-file unknown-class
            { "id": "x", "class": "nonsense" }
            """, "b.json": """
            [
              { "id": "m", "class": "model", "name": "M", "type": "profile" },
              /* grouparoo-gen-disable-next-line duplicate-id */
              { "id": "m", "class": "model", "name": "M2", "type": "profile" }
            ]
            """])
        XCTAssertEqual(report.diagnostics("unknown-class").count, 0, report.summary)
        XCTAssertEqual(report.diagnostics("duplicate-id").count, 0, report.summary)
        XCTAssertEqual(report.diagnostics("unused-suppression").count, 0, report.summary)
    }
}
