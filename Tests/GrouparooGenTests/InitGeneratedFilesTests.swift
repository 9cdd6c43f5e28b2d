import Foundation
import XCTest

@testable import grouparoo_gen

/// The files `init` writes for humans and tools — folder READMEs, the pre-commit config and the
/// GitHub workflow — do what they say: their commands run and pass on the new repository.
final class InitGeneratedFilesTests: XCTestCase {
    var repository: ScratchRepository!

    override func setUpWithError() throws {
        repository = try ScratchRepository.empty("init-generated")
        let run = runCLI(["init", "--with-app", "postgres"], in: repository.root.path)
        XCTAssertEqual(run.status, 0, run.errors)
    }

    override func tearDownWithError() throws {
        repository.remove()
    }

    func testEveryFolderReadmeCommandRuns() throws {
        let scratch = try ScratchRepository.empty("init-readme-commands")
        defer { scratch.remove() }
        var commandCount = 0
        for guide in InitFolderGuide.all {
            let readme = try repository.read("config/\(guide.folder)/README.md")
            XCTAssertTrue(readme.hasPrefix("# config/\(guide.folder)\n"), guide.folder)
            let commands = readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("grouparoo-gen generate ") }
            XCTAssertFalse(commands.isEmpty, "\(guide.folder)/README.md names no generate command")
            for command in commands {
                let words = ShellWords.split(command)
                let run = runCLI(Array(words.dropFirst()), in: scratch.root.path)
                XCTAssertEqual(run.status, 0, "\(command): \(run.errors)")
                commandCount += 1
            }
        }
        XCTAssertGreaterThanOrEqual(commandCount, 8)
    }

    func testPreCommitConfigHookPassesOnTheNewRepositoryAndCatchesABrokenFile() throws {
        let hooks = TinyYAML.hooks(in: try repository.read(".pre-commit-config.yaml"))
        let hook = try XCTUnwrap(hooks.first { $0["id"] == "grouparoo-gen-validate" })
        XCTAssertEqual(hook["language"], "system")
        XCTAssertEqual(hook["pass_filenames"], "true")
        let pattern = try NSRegularExpression(pattern: try XCTUnwrap(hook["files"]))
        let changed = repository.files().filter { path in
            pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
        }
        XCTAssertEqual(Set(changed), ["config/apiKeys/default_api_key.js", "config/apps/data_warehouse.js",
                                      "config/models/mod_profiles.js", "config/properties/user_id.js",
                                      "config/sources/users_table.js"], "READMEs and root files are not passed")
        let entry = try XCTUnwrap(hook["entry"]).split(separator: " ").map(String.init)
        let environment = ["PATH": try BuiltTool.pathWithBinary()]

        let clean = try BuiltTool.run(entry + changed, in: repository.root, environment: environment)
        XCTAssertEqual(clean.status, 0, clean.errors)

        try repository.write("config/groups/vips.js", """
            exports.default = [{ class: "group", id: "vips", name: "VIPs", modelId: "mod_people", rules: [] }];

            """)
        let broken = try BuiltTool.run(entry + ["config/groups/vips.js"], in: repository.root, environment: environment)
        XCTAssertEqual(broken.status, 1, broken.errors)
        XCTAssertTrue(broken.errors.contains("config/groups/vips.js:1:"), broken.errors)
        XCTAssertTrue(broken.errors.contains("mod_people"), broken.errors)
    }

    func testWorkflowValidateStepPassesWithTheBuiltBinary() throws {
        // The workflow runs this repository's action (GitHubActionTests runs its install step).
        let uses = try ActionUse.find(in: try repository.read(".github/workflows/grouparoo-validate.yml"))
        XCTAssertEqual(uses.map(\.inputs), [["config-dir": "config"]])
        let action = try CompositeAction.load()
        for run in try action.run([try action.step(named: "Validate config")], inputs: uses[0].inputs, in: repository.root,
                                  path: try BuiltTool.pathWithBinary()) {
            XCTAssertEqual(run.status, 0, run.errors)
            XCTAssertFalse(run.output.contains("::error"), run.output)
            XCTAssertTrue(run.output.contains("::warning file=config/apps/data_warehouse.js"), run.output)
        }
    }

    func testBuiltBinaryInitTwiceChangesNothing() throws {
        let fresh = try ScratchRepository.empty("init-binary")
        defer { fresh.remove() }
        let environment = ["PATH": try BuiltTool.pathWithBinary()]
        let first = try BuiltTool.run(["grouparoo-gen", "init", "--with-app", "postgres"], in: fresh.root, environment: environment)
        XCTAssertEqual(first.status, 0, first.errors)
        let contents = try fresh.files().map { ($0, try fresh.read($0)) }
        let second = try BuiltTool.run(["grouparoo-gen", "init", "--with-app", "postgres"], in: fresh.root, environment: environment)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertFalse(second.output.contains("wrote"), second.output)
        XCTAssertTrue(second.output.contains("skipped config/models/mod_profiles.js (exists)"), second.output)
        XCTAssertEqual(try fresh.files().map { ($0, try fresh.read($0)) }.map { "\($0.0)\n\($0.1)" },
                       contents.map { "\($0.0)\n\($0.1)" })
        let validate = try BuiltTool.run(["grouparoo-gen", "validate"], in: fresh.root, environment: environment)
        XCTAssertEqual(validate.status, 0, validate.errors)
        XCTAssertTrue(validate.errors.contains("0 errors"), validate.errors)
    }
}
