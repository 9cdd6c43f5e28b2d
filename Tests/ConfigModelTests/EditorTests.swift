@testable import ConfigModel
import XCTest

/// The language server's pure logic: positions, edits, navigation, completion and quick fixes.
final class EditorTests: XCTestCase {
    private func read(_ text: String, path: String = "/config/file.js", overlay: [String: [UInt8]] = [:]) -> FileReadResult {
        var options = ReaderOptions()
        options.overlay = overlay
        return ConfigReader(options: options).read(contents: Array(text.utf8), path: path)
    }

    private func check(_ files: [String: String]) -> (EditorWorkspace, EditorCheck) {
        let results = files.keys.sorted().map { read(files[$0]!, path: $0) }
        var workspace = EditorWorkspace(ConfigReader().readDirectory(at: "/nonexistent-\(UUID().uuidString)"))
        for result in results { workspace = workspace.replacing(result) }
        return (workspace, workspace.check(with: Validator())!)
    }

    func testPositionsCountUTF16UnitsAndScalars() {
        // "😀" is one scalar (reader column) and two UTF-16 units (LSP character).
        let document = EditorDocument(text: "a\r\n{ x: \"😀\", y: 1 }\rlast")
        let colon = TextPosition(line: 2, column: 12)  // the `:` after `y`: 11 scalars before it, 12 UTF-16 units
        XCTAssertEqual(document.editorPosition(of: colon), EditorPosition(line: 1, character: 12))
        XCTAssertEqual(document.textPosition(of: EditorPosition(line: 1, character: 12)), colon)
        XCTAssertEqual(document.editorPosition(of: TextPosition(line: 3, column: 1)), EditorPosition(line: 2, character: 0))
        XCTAssertEqual(document.offset(of: EditorPosition(line: 9, character: 0)), document.bytes.count, "past the end clamps")
        XCTAssertEqual(document.offset(of: EditorPosition(line: 0, character: 99)), 1, "past the line's end stops before the break")
    }

    func testReaderLinesBreakAtU2028ButEditorLinesDoNot() {
        let document = EditorDocument(text: "x\u{2028}y\nz")
        XCTAssertEqual(document.editorPosition(of: TextPosition(line: 2, column: 1)), EditorPosition(line: 0, character: 2))
        XCTAssertEqual(document.editorPosition(of: TextPosition(line: 3, column: 1)), EditorPosition(line: 1, character: 0))
    }

    func testIncrementalChangesApplyInOrder() {
        var document = EditorDocument(text: "one\ntwo 😀 three\n")
        document.apply([
            EditorTextChange(range: EditorRange(start: .init(line: 1, character: 4), end: .init(line: 1, character: 6)), text: "2"),
            EditorTextChange(range: EditorRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 3)), text: "1\n1"),
        ])
        XCTAssertEqual(document.text, "1\n1\ntwo 2 three\n")
        document.apply([EditorTextChange(range: nil, text: "all new")])
        XCTAssertEqual(document.text, "all new")
    }

    func testDefinitionHoverAndSymbolsFollowReferences() throws {
        let app = "module.exports = [{ class: \"app\", id: \"wh\", name: \"Warehouse\", type: \"postgres\", options: {} }];\n"
        let source = "module.exports = { class: \"source\", id: \"src\", name: \"S\", type: \"postgres-import-table\",\n  appId: \"wh\", modelId: \"m\", mapping: { id: \"uid\" } };\n"
        let (workspace, result) = check(["/config/app.js": app, "/config/source.js": source])
        let navigation = EditorNavigation(file: workspace.file("/config/source.js")!, config: result.input)
        let onAppID = TextPosition(line: 2, column: 12)
        let target = try XCTUnwrap(navigation.definition(at: onAppID))
        XCTAssertEqual(target.file, "/config/app.js")
        XCTAssertEqual(target.start, TextPosition(line: 1, column: 39))
        XCTAssertEqual(navigation.hover(at: onAppID)?.components(separatedBy: "\n").first, "**app** `wh`")
        XCTAssertTrue(navigation.hover(at: onAppID)?.contains("@grouparoo/postgres") == true)
        XCTAssertEqual(navigation.hover(at: TextPosition(line: 2, column: 46)), "`mapping.id` names property `uid`, which is not in this config")
        XCTAssertEqual(navigation.symbols.map(\.name), ["src"])
        XCTAssertNil(navigation.definition(at: TextPosition(line: 1, column: 3)), "nothing to go to on `module`")
    }

    func testRequireSpecifierIsFoundUnderTheCursor() {
        let line = #"const shared = require("./shared"); const x = require('../x.json');"#
        XCTAssertEqual(EditorNavigation.requireSpecifier(inLine: line, atCharacter: 26), "./shared")
        XCTAssertEqual(EditorNavigation.requireSpecifier(inLine: line, atCharacter: 60), "../x.json")
        XCTAssertNil(EditorNavigation.requireSpecifier(inLine: line, atCharacter: 3))
        let file = read("const s = require(\"./shared\");\nmodule.exports = s;\n", path: "/config/a.js",
                        overlay: ["/config/shared.js": Array("module.exports = {};".utf8)])
        let navigation = EditorNavigation(file: file, config: nil)
        XCTAssertEqual(navigation.definition(at: TextPosition(line: 1, column: 20), requireSpecifier: "./shared",
                                             overlay: ["/config/shared.js": []])?.file, "/config/shared.js",
                       "an unsaved buffer resolves like a file")
    }

    func testCompletionContextIsReadFromTextThatDoesNotParse() {
        let text = "exports.default = [{\n  class: \"source\",\n  type: \"postgres-import-table\",\n  options: {\n    ta"
        let bytes = Array(text.utf8)
        let context = EditorTextContext.at(bytes.count, in: bytes, linePrefix: "    ta")
        XCTAssertEqual(context, EditorTextContext(slot: .key(prefix: "ta"), path: ["options"], objectClass: "source",
                                                  objectType: "postgres-import-table"))
        let items = EditorCompletion.candidates(context!, config: nil).map(\.label)
        XCTAssertEqual(items, ["table"])
    }

    func testCompletionOffersKeysTypesEnumsAndIDs() {
        let (_, result) = check(["/config/app.js": "module.exports = { class: \"app\", id: \"wh\", name: \"W\", type: \"postgres\", options: {} };"])
        func labels(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            let line = String(text.split(separator: "\n", omittingEmptySubsequences: false).last!)
            return EditorCompletion.candidates(EditorTextContext.at(bytes.count, in: bytes, linePrefix: line)!, config: result.input).map(\.label)
        }
        XCTAssertEqual(labels("{ class: \"source\", appId: \""), ["wh"])
        XCTAssertEqual(labels("{ class: \"property\",\n  ty"), ["type"])
        XCTAssertEqual(labels("{ class: \"property\", type: \""), PropertyType.allCases.map(\.rawValue))
        XCTAssertEqual(labels("{ class: \"destination\", syncMode: \"a"), ["additive"])
        XCTAssertTrue(labels("{ class: \"app\", type: \"post").contains("postgres"))
        XCTAssertFalse(labels("{ class: \"source\", type: \"").contains("postgres"), "a source's type is a connection, not an app")
        XCTAssertTrue(labels("{ class: \"te").contains("teamMember"))
        XCTAssertEqual(labels("{ class: \"group\", rules: [{ propertyId: \"wh\", op: \"not"), ["notExists", "notLike", "notILike"])
    }

    func testQuickFixesRewriteOnlyTheFlaggedText() throws {
        let files = [
            "/config/p.js": """
                module.exports = [{ class: "property", id: "email", key: "email", type: "email", sourceId: "s",
                  Unique: true, filters: [{ key: "id", op: "greater than", match: 5 }] },
                  { class: "group", id: "g id", name: "G", rules: [{ propertyId: "email", operation: { op: "eq" }, match: "x" }] }];
                """,
        ]
        let (_, result) = check(files)
        let document = EditorDocument(text: files["/config/p.js"]!)
        let fixes = EditorQuickFixes.fixes(for: result.diagnosticsByFile["/config/p.js"] ?? [], in: document, config: result.input)
        var fixed = document
        for fix in fixes.reversed() {
            fixed.apply(fix.edits.map { EditorTextChange(range: $0.range, text: $0.newText) })
        }
        XCTAssertEqual(Set(fixes.map(\.ruleID)), ["unknown-key", "deprecated-filter-op", "invalid-id", "invalid-group-rule-op"])
        XCTAssertTrue(fixed.text.contains("unique: true, filters: [{ key: \"id\", op: \"gt\", match: 5 }]"), fixed.text)
        XCTAssertTrue(fixed.text.contains("id: \"g_id\""), fixed.text)
        XCTAssertTrue(fixed.text.contains("rules: [{ propertyId: \"email\", op: \"eq\", match: \"x\" }]"), fixed.text)
    }

    func testMissingRequiredOptionIsInsertedAsAPlaceholder() throws {
        let text = "module.exports = { class: \"source\", id: \"s\", name: \"S\", type: \"postgres-import-table\", appId: \"a\", modelId: \"m\", options: {} };"
        let (_, result) = check(["/config/s.js": text])
        var document = EditorDocument(text: text)
        let fix = try XCTUnwrap(EditorQuickFixes.fixes(for: result.diagnosticsByFile["/config/s.js"] ?? [], in: document,
                                                       config: result.input).first { $0.ruleID == "missing-required-option" })
        document.apply(fix.edits.map { EditorTextChange(range: $0.range, text: $0.newText) })
        XCTAssertTrue(document.text.contains("options: { table: \"\" }"), document.text)
    }

    func testCloseKeysAreUniqueNearMisses() {
        XCTAssertEqual(EditorQuickFixes.closestKey(to: "sourceID", in: ["sourceId", "name"]), "sourceId")
        XCTAssertEqual(EditorQuickFixes.closestKey(to: "nmae", in: ["sourceId", "name"]), "name")
        XCTAssertNil(EditorQuickFixes.closestKey(to: "colour", in: ["sourceId", "name"]))
    }
}
