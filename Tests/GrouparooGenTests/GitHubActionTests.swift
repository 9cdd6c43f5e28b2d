import Foundation
import XCTest

@testable import grouparoo_gen

/// The composite action's shell steps, run locally: the install step downloads from a `file://`
/// copy of dist/ exactly as it downloads from a GitHub release.
final class GitHubActionTests: XCTestCase {
    var repository: ScratchRepository!
    let systemPath = "/usr/local/bin:/usr/bin:/bin"

    override func tearDownWithError() throws {
        repository?.remove()
    }

    /// A folder holding the release's archive and .sha256, as a release page would.
    func releaseFolder(corruptChecksum: Bool = false) throws -> URL {
        let archive = try ReleaseFiles.archive()
        let folder = repository.root.appendingPathComponent(".release")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in [archive, archive.appendingPathExtension("sha256")] {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        if corruptChecksum {
            let sum = folder.appendingPathComponent(archive.lastPathComponent + ".sha256")
            try (String(repeating: "0", count: 64) + "  " + archive.lastPathComponent + "\n").write(to: sum, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A `file://` address; the install step appends `/<file>` to it as to a release's address.
    func address(_ folder: URL) -> String {
        "file://" + folder.path
    }

    func testInstallsTheReleaseAndAnnotatesAValidConfig() throws {
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        let action = try CompositeAction.load()
        let runs = try action.run(inputs: ["base-url": address(try releaseFolder())], in: repository.root, path: systemPath)
        XCTAssertEqual(runs.map(\.status), [0, 0], runs.map(\.errors).joined())
        XCTAssertTrue(runs[0].output.hasPrefix("installed grouparoo-gen \(CommandRouter.version) (commit "), runs[0].output)
        XCTAssertFalse(runs[1].output.contains("::error"), runs[1].output)
        let installed = repository.root.appendingPathComponent(".runner-temp/grouparoo-gen/bin/grouparoo-gen")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed.path))
    }

    func testErrorsBecomeAnnotationsAndFailTheStep() throws {
        repository = try ScratchRepository.copyOfExample("broken")
        let runs = try CompositeAction.load().run(inputs: ["base-url": address(try releaseFolder())], in: repository.root, path: systemPath)
        XCTAssertEqual(runs.map(\.status), [0, 1])
        XCTAssertTrue(runs[1].output.contains("::error file=config/sources/users.js,line=20,col=27"), runs[1].output)
    }

    func testAChecksumMismatchInstallsNothing() throws {
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        let folder = try releaseFolder(corruptChecksum: true)
        let runs = try CompositeAction.load().run(inputs: ["base-url": address(folder)], in: repository.root, path: systemPath)
        XCTAssertEqual(runs.map(\.status), [1], "the job stops at the install step")
        XCTAssertTrue(runs[0].errors.contains("but \(try ReleaseFiles.archive().lastPathComponent).sha256 says 0000"), runs[0].errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.root.appendingPathComponent(".runner-temp/grouparoo-gen/bin").path))
    }

    func testAMissingReleaseIsNamed() throws {
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        let action = try CompositeAction.load()
        let empty = repository.root.appendingPathComponent("config/models") // a folder without release files
        let runs = try action.run(inputs: ["base-url": address(empty) + "/", "version": "v9.9.9"], in: repository.root, path: systemPath)
        XCTAssertEqual(runs.map(\.status), [1])
        XCTAssertTrue(runs[0].errors.contains("could not download \(address(empty))/grouparoo-gen-9.9.9-linux-"), runs[0].errors)
        XCTAssertTrue(runs[0].errors.contains("is there a release 9.9.9"), runs[0].errors)
    }

    /// The validate step alone, with the binary of this build on PATH: `config-dir` and `args` reach
    /// grouparoo-gen as separate words.
    func testConfigDirAndArgsInputs() throws {
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        try FileManager.default.moveItem(at: repository.root.appendingPathComponent("config"),
                                         to: repository.root.appendingPathComponent("grouparoo config"))
        try repository.write("grouparoo config/teams/readers.js", """
            module.exports = { class: "team", id: "readers", name: "Readers",
                               options: { permissionAllRead: process.env.GROUPAROO_GEN_SURELY_UNSET } };
            """)
        let action = try CompositeAction.load()
        let validate = try action.step(named: "Validate config")
        let path = try BuiltTool.pathWithBinary()
        let lenient = try action.run([validate], inputs: ["config-dir": "grouparoo config"], in: repository.root, path: path)
        XCTAssertEqual(lenient.map(\.status), [0], lenient.map(\.errors).joined())
        XCTAssertTrue(lenient[0].output.contains("::warning file=grouparoo config/teams/readers.js"), lenient[0].output)
        let strict = try action.run([validate], inputs: ["config-dir": "grouparoo config", "args": "--strict --dialect postgres"],
                                    in: repository.root, path: path)
        XCTAssertEqual(strict.map(\.status), [1], strict.map(\.errors).joined())
    }

    /// `init`'s workflow and examples/ci use this action at the release of this version, on ./config.
    func testWorkflowsUseTheActionOfThisRelease() throws {
        let expected = [ActionUse(ref: "v" + CommandRouter.version, inputs: ["config-dir": "config"])]
        for file in ["Templates/init-github-workflow.yml.template", "examples/ci/github-actions.yml"] {
            let text = try String(contentsOf: BuiltTool.packageRoot.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(try ActionUse.find(in: text), expected, file)
        }
    }
}
