import ConfigModel
import XCTest

/// A file only Node can evaluate softens "not defined" findings only for names it mentions: one
/// unrelated unevaluable file must not turn every typo into a warning.
final class ValidationUnevaluatedFilesTests: XCTestCase {
    /// Needs Node (`require("os")`), and would define app `warehouse` and model `people`.
    private let nodeOnly = """
        const os = require("os");
        module.exports = [
          { id: "warehouse", class: "app", name: os.hostname(), type: "sqlite" },
          { id: "people", class: "model", name: "People", type: "profile" },
        ];
        """

    private let base = """
        { id: "m", class: "model", name: "M", type: "profile" },

        """

    func testOnlyReferencesTheUnevaluatedFileMentionsAreSoftened() throws {
        let report = try ValidationHarness.validate([
            "node.js": nodeOnly,
            "config.js": RuleExample(objects: base + """
                { id: "s", class: "source", name: "S", type: "sqlite-import-table", appId: "warehouse", modelId: "m",
                  options: { table: "t" } },
                { id: "t", class: "source", name: "T", type: "sqlite-import-table", appId: "ware", modelId: "m",
                  options: { table: "t" } },
                { id: "p", class: "property", key: "p", type: "string", sourceId: "typo_source", options: { column: "c" } }
                """).files["config.js"]!,
        ], in: self)
        let references = report.diagnostics("unknown-reference")
        let bySource = Dictionary(grouping: references, by: { $0.objectID ?? "" })
        XCTAssertEqual(references.count, 3, report.summary)

        let softened = try XCTUnwrap(bySource["s"]?.first)
        XCTAssertEqual(softened.severity, .warning, "node.js mentions `warehouse`, so it may define it")
        let note = try XCTUnwrap(softened.notes.last)
        XCTAssertTrue(note.message.contains("mentions \"warehouse\""), note.message)
        XCTAssertEqual(note.span.map { URL(fileURLWithPath: $0.file).lastPathComponent }, "node.js")
        XCTAssertEqual(note.span?.start, TextPosition(line: 3, column: 10))

        XCTAssertEqual(bySource["t"]?.first?.severity, .error, "`ware` is only part of `warehouse`, not a mention")
        XCTAssertEqual(bySource["p"]?.first?.severity, .error, "an unrelated unevaluated file does not excuse a typo")
        XCTAssertFalse(report.isValid)
    }

    func testTemplateKeysAndGroupRuleKeysAreSoftenedTheSameWay() throws {
        let report = try ValidationHarness.validate([
            "node.js": "const os = require(\"os\");\nmodule.exports = [{ id: \"ltv\", class: \"property\", key: os.hostname() }];\n",
            "config.js": RuleExample(objects: base + """
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
                { id: "q", class: "property", key: "q", type: "string", sourceId: "s",
                  options: { query: "SELECT {{{ltv}}} + {{{score}}}" } },
                { id: "g", class: "group", name: "G", modelId: "m", rules: [{ key: "ltv", op: "exists" }, { key: "score", op: "exists" }] }
                """).files["config.js"]!,
        ], in: self)
        let severities = report.diagnostics("unknown-reference").filter { $0.objectID != "s" }.map { diagnostic -> String in
            let name = diagnostic.message.contains("ltv") ? "ltv" : "score"
            return "\(name) \(diagnostic.severity)"
        }
        XCTAssertEqual(severities.sorted(), ["ltv warning", "ltv warning", "score error", "score error"], report.summary)
    }

    func testRecordWithoutPrimaryKeyIsAnErrorUnlessAnUnevaluatedFileMentionsItsModel() throws {
        let record = RuleExample(objects: """
            { id: "john", class: "record", modelId: "people", properties: { email: ["john@example.com"] } }
            """).files["config.js"]!
        let unrelated = try ValidationHarness.validate([
            "node.js": "module.exports = require(\"os\").hostname() ? [] : [];\n", "config.js": record,
        ], in: self, runMode: .config)
        XCTAssertEqual(unrelated.diagnostics("record-properties").map(\.severity), [.error], unrelated.summary)

        let mentioned = try ValidationHarness.validate(["node.js": nodeOnly, "config.js": record], in: self, runMode: .config)
        let found = mentioned.diagnostics("record-properties")
        XCTAssertEqual(found.map(\.severity), [.warning], mentioned.summary)
        XCTAssertEqual(found.first?.notes.count, 1)
    }
}
