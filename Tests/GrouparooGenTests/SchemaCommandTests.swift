import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen schema`: what it prints, what `--out` writes, and what it refuses.
final class SchemaCommandTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("schema-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testPrintsTheFileSchemaWithEveryClassAndItsFieldHelp() throws {
        let run = runCLI(["schema"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        let schema = try json(run.output)
        XCTAssertEqual(schema["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
        let definitions = try XCTUnwrap(schema["definitions"] as? [String: Any])
        XCTAssertEqual(Set(definitions.keys), Set(ConfigClass.allCases.map(\.preferredSpelling) + ["configObject"]))
        let property = try XCTUnwrap(definitions["property"] as? [String: Any])
        let keys = try XCTUnwrap(property["properties"] as? [String: [String: Any]])
        XCTAssertEqual(Set(keys.keys), Set(ConfigClass.property.allowedKeys + ["class"]))
        XCTAssertEqual(keys["type"]?["enum"] as? [String], PropertyType.allCases.map(\.rawValue))
        XCTAssertEqual(keys["identifying"]?["deprecationMessage"] as? String, "Deprecated and ignored.")
        XCTAssertEqual(keys["sourceId"]?["description"] as? String,
                       ConfigClass.property.field("sourceId")!.help + " (source id)")
        XCTAssertEqual(Set(property["required"] as? [String] ?? []), ["class", "id", "type", "sourceId"])
    }

    func testOneClassIsSelectedInAnyCaseAndGetsItsPluginOptions() throws {
        let run = runCLI(["schema", "--class", "APP"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        let definitions = try XCTUnwrap(try json(run.output)["definitions"] as? [String: [String: Any]])
        XCTAssertEqual(Array(definitions.keys), ["app"])
        let app = try XCTUnwrap(definitions["app"])
        let classKey = try XCTUnwrap((app["properties"] as? [String: [String: Any]])?["class"])
        XCTAssertEqual(classKey["pattern"] as? String, "^[Aa][Pp][Pp]$")
        let rules = try XCTUnwrap(app["allOf"] as? [[String: Any]])
        XCTAssertEqual(rules.count, PluginCatalog.bundled.apps.count, "one options rule per app type")
        XCTAssertTrue(run.output.contains("\"const\": \"postgres\""))

        let unknown = runCLI(["schema", "--class", "widget"], in: root.path)
        XCTAssertEqual(unknown.status, ExitCode.usage)
        XCTAssertTrue(unknown.errors.contains("--class"), unknown.errors)
    }

    func testOutWritesOneSchemaPerClassAndNeverReplacesWithoutOverwrite() throws {
        let run = runCLI(["schema", "--out", "schemas"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        let folder = root.appendingPathComponent("schemas")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(written, ([nil] + ConfigClass.allCases.map { $0 }).map(ConfigJSONSchema.fileName(for:)).sorted())
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("grouparoo-config.schema.json"), encoding: .utf8),
                       runCLI(["schema"], in: root.path).output)

        let mine = folder.appendingPathComponent("grouparoo-app.schema.json")
        try Data("mine".utf8).write(to: mine)
        let again = runCLI(["schema", "--out", "schemas"], in: root.path)
        XCTAssertEqual(again.status, ExitCode.failure)
        XCTAssertTrue(again.errors.contains("nothing was written"), again.errors)
        XCTAssertEqual(try String(contentsOf: mine, encoding: .utf8), "mine", "a failed run writes nothing")

        XCTAssertEqual(runCLI(["schema", "--out", "schemas", "--overwrite", "--class", "app"], in: root.path).status, 0)
        XCTAssertNotEqual(try String(contentsOf: mine, encoding: .utf8), "mine")
        XCTAssertEqual(runCLI(["schema", "--overwrite"], in: root.path).status, ExitCode.usage)
    }

    /// docs/config-keys.md is the markdown output; regenerate it with the command in its first lines.
    func testTheKeyReferenceInDocsIsCurrent() throws {
        let run = runCLI(["schema", "--format", "markdown"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        for configClass in ConfigClass.allCases { XCTAssertTrue(run.output.contains("## `\(configClass.preferredSpelling)`")) }
        XCTAssertTrue(run.output.contains("| `options.firstName` | string | yes |"), "nested keys are listed")
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/config-keys.md")
        XCTAssertEqual(try String(contentsOf: docs, encoding: .utf8), run.output,
                       "docs/config-keys.md is stale: run grouparoo-gen schema --format markdown > docs/config-keys.md")
        XCTAssertEqual(runCLI(["schema", "--format", "markdown", "--class", "app"], in: root.path).status, ExitCode.usage)
    }
}
