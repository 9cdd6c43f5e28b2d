import Foundation
import XCTest

/// The repository's `.pre-commit-hooks.yaml`, run the way pre-commit runs a hook: the entry split
/// into words, then the hook's `args`, then the changed file names that match `files`, in the
/// repository being committed to, with the built binary on PATH (where `language: swift` puts it).
final class PreCommitHookTests: XCTestCase {
    var repository: ScratchRepository!

    override func setUpWithError() throws {
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
    }

    override func tearDownWithError() throws {
        repository.remove()
    }

    func hook() throws -> [String: String] {
        let text = try String(contentsOf: BuiltTool.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = TinyYAML.hooks(in: text)
        XCTAssertEqual(hooks.map { $0["id"] }, ["grouparoo-gen-validate", "grouparoo-gen-validate-system"])
        let system = try XCTUnwrap(hooks.last)
        for key in ["entry", "files", "pass_filenames", "require_serial"] {
            XCTAssertEqual(system[key], hooks[0][key], "both hooks run the same check: \(key)")
        }
        XCTAssertEqual(system["language"], "system", "the second hook uses the grouparoo-gen on PATH")
        return try XCTUnwrap(hooks.first)
    }

    /// `changed`, filtered by the hook's `files` pattern (pre-commit searches the relative path).
    func filesPassed(_ changed: [String]) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: try XCTUnwrap(try hook()["files"]))
        return changed.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    func runHook(args: [String] = [], changed: [String]) throws -> BuiltTool.Run {
        let entry = try XCTUnwrap(try hook()["entry"]).split(separator: " ").map(String.init)
        let argv = entry + args + (try filesPassed(changed))
        return try BuiltTool.run(argv, in: repository.root, environment: ["PATH": try BuiltTool.pathWithBinary()])
    }

    func testHookDefinition() throws {
        let hook = try hook()
        XCTAssertEqual(hook["id"], "grouparoo-gen-validate")
        XCTAssertEqual(hook["entry"], "grouparoo-gen validate")
        XCTAssertEqual(hook["language"], "swift", "pre-commit builds the package with swift build")
        XCTAssertEqual(hook["pass_filenames"], "true")
        XCTAssertEqual(hook["files"], #"\.(js|json)$"#)
        XCTAssertNotNil(hook["name"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: BuiltTool.packageRoot.appendingPathComponent("Package.swift").path),
                      "language: swift needs Package.swift at the repository root")
    }

    func testCleanFilesPass() throws {
        let changed = ["config/apps/data_warehouse.js", "config/sources/users_table.js", "config/models/profiles.json", "README.md"]
        XCTAssertEqual(try filesPassed(changed), Array(changed.dropLast()), "only .js and .json files are passed")
        let run = try runHook(changed: changed)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("0 errors"), run.errors)
    }

    func testABrokenChangedFileFailsWithItsDiagnostic() throws {
        try repository.write("config/apps/warehouse_again.js", """
            exports.default = [{ class: "app", id: "data_warehouse", name: "Warehouse again", type: "postgres", options: {} }];

            """)
        let run = try runHook(changed: ["config/apps/warehouse_again.js", "config/sources/users_table.js"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("config/apps/warehouse_again.js:1:"), run.errors)
        XCTAssertTrue(run.errors.contains("[duplicate-id]"), run.errors)
    }

    func testProblemsInFilesNotPassedAreNotReported() throws {
        try repository.write("config/teams/broken.js", "exports.default = [{ class: \"team\", id: \"x\", name: \"A\", color: \"red\" }];\n")
        let run = try runHook(changed: ["config/sources/users_table.js"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(run.errors.contains("broken.js"), run.errors)
    }

    func testFilesOutsideTheConfigFolderDoNotFailTheHook() throws {
        try repository.write("package.json", "{ \"name\": \"my-grouparoo\" }\n")
        let run = try runHook(changed: ["package.json"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("not inside the config directory"), run.errors)
    }

    func testArgsCanNameTheConfigDirectory() throws {
        // A repository keeping its config elsewhere sets `args: [grouparoo/config]`.
        try FileManager.default.createDirectory(at: repository.root.appendingPathComponent("grouparoo"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: repository.root.appendingPathComponent("config"),
                                         to: repository.root.appendingPathComponent("grouparoo/config"))
        let run = try runHook(args: ["grouparoo/config"], changed: ["grouparoo/config/apps/data_warehouse.js"])
        XCTAssertEqual(run.status, 0, run.errors)
        let withoutArgs = try runHook(changed: ["grouparoo/config/apps/data_warehouse.js"])
        XCTAssertEqual(withoutArgs.status, 2, "without args there is no ./config: \(withoutArgs.errors)")
    }
}
