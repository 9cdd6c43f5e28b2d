import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Files are never overwritten by accident, never land outside the config dir, and hostile
/// input never breaks the JavaScript.
final class GenerateSafetyTests: GenerateTestCase {
    func testExistingFilesNeedOverwrite() throws {
        XCTAssertEqual(runGenerate(["group", "vips"]).status, 0)
        try Data("// mine\n".utf8).write(to: configDirectory.appendingPathComponent("groups/vips.js"))
        let refused = runGenerate(["group", "vips"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.errors.contains("groups/vips.js already exists (use --overwrite to replace it)"), refused.errors)
        XCTAssertEqual(try contents("groups/vips.js"), "// mine\n")
        XCTAssertEqual(runGenerate(["group", "vips", "--overwrite"]).status, 0)
        XCTAssertTrue(try contents("groups/vips.js").contains("class: \"group\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: configDirectory.appendingPathComponent("groups").path), ["vips.js"],
                       "no temporary files are left behind")
    }

    func testMultiFileTemplatesCheckEveryTargetBeforeWritingAny() throws {
        try FileManager.default.createDirectory(at: configDirectory.appendingPathComponent("properties"), withIntermediateDirectories: true)
        try Data("// taken\n".utf8).write(to: configDirectory.appendingPathComponent("properties/email.js"))
        let result = runGenerate(["postgres:table:source", "users", "-p", "wh", "-w", "id,email"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("properties/email.js already exists"), result.errors)
        XCTAssertFalse(exists("sources/users.js"))
        XCTAssertFalse(exists("properties/id.js"))
    }

    func testDryRunWritesNothing() {
        let result = runGenerate(["postgres:app", "wh", "--dry-run"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.hasPrefix("// config/apps/wh.js (dry run, not written)\n// An app"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: configDirectory.path))
    }

    func testPathsLeavingTheConfigDirAreRefused() throws {
        for id in ["../../escaped", "/tmp/absolute", "a/./b", "a//b"] {
            let result = runGenerate(["setting", id, "--plugin-name", "core", "--key", "cluster-name", "--value", "x"])
            XCTAssertEqual(result.status, 1, id)
            XCTAssertTrue(result.errors.contains("would leave the config directory"), result.errors)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }

    func testSymlinkedFoldersPointingOutAreRefused() throws {
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: configDirectory.appendingPathComponent("apps"), withDestinationURL: outside)
        let result = runGenerate(["postgres:app", "wh"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("outside the config directory"), result.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])

        try FileManager.default.createSymbolicLink(
            at: configDirectory.appendingPathComponent("groups"), withDestinationURL: root.appendingPathComponent("missing"))
        XCTAssertEqual(runGenerate(["group", "g"]).status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("missing").path))
    }

    func testASymlinkedConfigDirItselfIsFine() throws {
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: configDirectory, withDestinationURL: real)
        XCTAssertEqual(runGenerate(["team", "ops"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: real.appendingPathComponent("teams/ops.js").path))
    }

    static let hostile = [
        "quote\"s", "back\\slash", "new\nline", "cr\rlf", "tab\t", "${process.exit(1)}", "`tick`", "*/ end", "/* start",
        "// comment", "line\u{2028}sep", "para\u{2029}sep", "nul\u{0}", "emoji 🎉", "</script>", "'single'", "../../up",
    ]

    /// Hostile text as id, parent, table, mapping and column: the files stay inside the config dir,
    /// parse, and read back with exactly the text that went in.
    func testHostileInputNeverBreaksJavaScript() throws {
        var written: [String] = []
        for (index, text) in Self.hostile.enumerated() {
            let plan = try generate(GenerateRequest(templateName: "postgres:table:source", id: "s\(index) \(text)").with {
                $0.parent = text
                $0.from = text
                $0.mapping = "\(text)=\(text)"
                $0.with = "c\(index)\(text.replacingOccurrences(of: ",", with: ""))"
            })
            let source = try readBack(plan.files[0].relativePath)[0]
            XCTAssertEqual(source?["appId"], .string(text))
            XCTAssertEqual(source?["options"]?["table"], .string(text))
            // The mapped property id is formatted (with a notice) when Grouparoo would refuse it.
            let propertyId = GrouparooLimits.isWellFormedID(text) ? text : try IdFormatting.generateId(text)
            XCTAssertEqual(source?["mapping"], .object([text: .string(propertyId)]))
            XCTAssertTrue(GrouparooLimits.isWellFormedID(text) || plan.notices.contains { $0.contains("property id for --mapping") }, "\(plan.notices)")
            let column = "c\(index)\(text)".trimmingCharacters(in: .whitespaces)  // --with trims around names
            XCTAssertEqual(try readBack(plan.files[1].relativePath)[0]?["options"]?["column"], .string(column))
            try generate(GenerateRequest(templateName: "apikey", id: "k\(index)").with { $0.apiKey = text })
            XCTAssertEqual(try readBack("apiKeys/k\(index).js")[0]?["apiKey"], .string(text))
            written += plan.files.map(\.relativePath) + ["apiKeys/k\(index).js"]
        }
        let everything = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        XCTAssertTrue(everything.allSatisfy { $0 == "config" || $0.hasPrefix("config/") }, "\(everything)")
        // One Node process compiles every file (as `node --check` would), then `node --check` itself on one.
        let paths = written.map { configDirectory.appendingPathComponent($0).path }
        let list = root.appendingPathComponent("files.json")
        try JSONEncoder().encode(paths).write(to: list)
        let script = root.appendingPathComponent("check.js")
        try Data(#"""
            const fs = require("fs"), vm = require("vm");
            for (const file of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) {
              try { new vm.Script(fs.readFileSync(file, "utf8"), { filename: file }); }
              catch (error) { console.error(file + ": " + error.message); process.exitCode = 1; }
            }
            """#.utf8).write(to: script)
        let compiled = try Node.run([script.path, list.path])
        XCTAssertEqual(compiled.status, 0, compiled.errors)
        let checked = try Node.run(["--check", paths[0]])
        XCTAssertEqual(checked.status, 0, checked.errors)
    }
}
