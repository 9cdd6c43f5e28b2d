import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `validate --fix` and `--fix --dry-run` on a config dir with a comment beside every fixable problem.
final class ValidateFixTests: ValidateTestCase {
    static let properties = """
        // Properties and groups. Comments and odd spacing here must survive the fixes.
        exports.default = [
          {
            class: "property",
            id: "email",   // the address
            key: "email",
            type: "email",
            sourceId: "s",
            Unique: true, // capitalised key
            filters: [{ key: "id", op: "greater than", match: 5 }], /* deprecated op */
          },
          {
            class: "group",
            id: "g id", // a space Grouparoo refuses
            name: "G",
            rules: [{ propertyId: "email", operation: { op: "eq" }, match: "x" }], // nested op
          },
        ];

        """
    static let source = """
        // The table is still to be chosen.
        exports.default = { class: "source", id: "s", name: "S", type: "postgres-import-table", appId: "a", modelId: "m", options: {} }; // tail

        """
    /// The files as the fixes must leave them: only the flagged spans differ.
    static let fixedProperties = properties
        .replacingOccurrences(of: "Unique: true", with: "unique: true")
        .replacingOccurrences(of: "\"greater than\"", with: "\"gt\"")
        .replacingOccurrences(of: "\"g id\"", with: "\"g_id\"")
        .replacingOccurrences(of: "operation: { op: \"eq\" }", with: "op: \"eq\"")
    static let fixedSource = source.replacingOccurrences(of: "options: {}", with: "options: { table: \"\" }")

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("config/properties.js", Self.properties)
        try write("config/sources.js", Self.source)
    }

    private func contents(_ name: String) throws -> Data {
        try Data(contentsOf: configDirectory.appendingPathComponent(name))
    }

    func testFixRewritesOnlyTheFlaggedSpansAndASecondRunFindsNothing() throws {
        let run = runCLI(["validate", "config", "--fix"], in: root.path)
        XCTAssertTrue(run.errors.contains("fixed 4 problems in config/properties.js"), run.errors)
        XCTAssertTrue(run.errors.contains("fixed 1 problem in config/sources.js"), run.errors)
        XCTAssertTrue(run.errors.contains("applied 5 fixes in 2 files"), run.errors)
        XCTAssertEqual(try contents("properties.js"), Data(Self.fixedProperties.utf8))
        XCTAssertEqual(try contents("sources.js"), Data(Self.fixedSource.utf8))
        // What remains is reported: the placeholder still needs a value; the other fixed rules are gone.
        XCTAssertTrue(run.errors.contains("needs option `table` [missing-required-option]"), run.errors)
        for fixedRule in ["deprecated-filter-op", "invalid-id", "invalid-group-rule-op", "unknown-key"] {
            XCTAssertFalse(run.errors.contains("[\(fixedRule)]"), run.errors)
        }

        let again = runCLI(["validate", "config", "--fix"], in: root.path)
        XCTAssertTrue(again.errors.contains("nothing to fix"), again.errors)
        XCTAssertFalse(again.errors.contains("fixed "), again.errors)
        XCTAssertEqual(try contents("properties.js"), Data(Self.fixedProperties.utf8))
        XCTAssertEqual(try contents("sources.js"), Data(Self.fixedSource.utf8))
    }

    func testDryRunPrintsAUnifiedDiffAndWritesNothing() throws {
        let before = try [contents("properties.js"), contents("sources.js")]
        let run = runCLI(["validate", "config", "--fix", "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, ExitCode.success, run.errors)
        XCTAssertEqual(try [contents("properties.js"), contents("sources.js")], before)
        XCTAssertTrue(run.errors.contains("would apply 5 fixes in 2 files; nothing written"), run.errors)
        XCTAssertTrue(run.output.hasPrefix("--- a/config/properties.js\n+++ b/config/properties.js\n@@ -6,"), run.output)
        XCTAssertTrue(run.output.contains("""

            -    Unique: true, // capitalised key
            -    filters: [{ key: "id", op: "greater than", match: 5 }], /* deprecated op */
            +    unique: true, // capitalised key
            +    filters: [{ key: "id", op: "gt", match: 5 }], /* deprecated op */

            """), run.output)
        XCTAssertTrue(run.output.contains("\n     key: \"email\",\n"), run.output)
        XCTAssertTrue(run.output.contains("--- a/config/sources.js\n+++ b/config/sources.js\n@@ -1,2 +1,2 @@\n"), run.output)
        try assertPatchProducesTheFixedFiles(run.output)
    }

    /// The diff is a real one: `patch` applied to a copy gives exactly what `--fix` writes.
    private func assertPatchProducesTheFixedFiles(_ diff: String) throws {
        try applyPatch(diff)
        XCTAssertEqual(try contents("properties.js"), Data(Self.fixedProperties.utf8))
        XCTAssertEqual(try contents("sources.js"), Data(Self.fixedSource.utf8))
    }

    private func applyPatch(_ diff: String) throws {
        guard let patch = ["/usr/bin/patch", "/bin/patch"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("patch is not installed; the diff text was checked above")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: patch)
        process.arguments = ["-p1", "--quiet"]
        process.currentDirectoryURL = root
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(diff.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testDiffMarksALastLineWithoutNewline() throws {
        let source = Self.source.trimmingCharacters(in: .newlines)
        try write("config/sources.js", source)
        let run = runCLI(["validate", "config", "--fix", "--dry-run", "--files", "config/sources.js"], in: root.path)
        XCTAssertTrue(run.output.hasSuffix("// tail\n\\ No newline at end of file\n"), run.output)
        XCTAssertEqual(run.output.components(separatedBy: "\\ No newline at end of file").count, 3, run.output)
        try applyPatch(run.output)
        XCTAssertEqual(try contents("sources.js"), Data(Self.fixedSource.trimmingCharacters(in: .newlines).utf8))
    }

    func testDryRunAloneIsAUsageError() {
        let run = runCLI(["validate", "config", "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, ExitCode.usage)
        XCTAssertTrue(run.errors.contains("--dry-run only works with --fix"), run.errors)
    }

    func testOverlappingFixesAreAppliedOnce() {
        let document = EditorDocument(text: "{ op: \"greater than\" }")
        let range = EditorRange(start: EditorPosition(line: 0, character: 6), end: EditorPosition(line: 0, character: 20))
        let first = EditorQuickFix(title: "a", ruleID: "x", edits: [EditorTextEdit(range: range, newText: "\"gt\"")])
        let second = EditorQuickFix(title: "b", ruleID: "y", edits: [EditorTextEdit(range: range, newText: "\"lt\"")])
        let application = EditorFixApplication([first, second], to: document)
        XCTAssertEqual(String(decoding: application.fixed, as: UTF8.self), "{ op: \"gt\" }")
        XCTAssertEqual(application.applied, [first])
        XCTAssertEqual(application.skipped, [second])
    }
}
