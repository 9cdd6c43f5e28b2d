import Foundation
import XCTest

/// Both hooks of `.pre-commit-hooks.yaml` run by the real pre-commit, as another repository uses
/// them: its `.pre-commit-config.yaml` names this checkout at HEAD (so uncommitted changes to the
/// hooks file are not seen), `pre-commit install` sets up the git hook, and then a commit with a
/// valid config is accepted and one with a broken file refused.
final class PreCommitRealTests: XCTestCase {
    var repository: ScratchRepository!

    override func tearDownWithError() throws {
        repository?.remove()
    }

    /// Commits in a new repository whose pre-commit config uses `hookID`, with `path` as PATH.
    /// Returns the good and the bad commit's runs.
    func commitTwice(hookID: String, path: String, cache: URL) throws -> (good: BuiltTool.Run, bad: BuiltTool.Run) {
        let preCommit = try Programs.require("pre-commit", for: "to run the hooks as pre-commit does")
        let git = try Programs.require("git", for: "by pre-commit")
        guard let head = try ReleaseFiles.headCommit() else { throw XCTSkip("this package is not a git checkout, so pre-commit cannot clone it") }
        repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        try FileManager.default.removeItem(at: repository.root.appendingPathComponent(".git"))
        try repository.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(BuiltTool.packageRoot.path)
                rev: \(head)
                hooks:
                  - id: \(hookID)

            """)
        let environment = ["PATH": URL(fileURLWithPath: preCommit).deletingLastPathComponent().path + ":" + path,
                           "HOME": repository.root.appendingPathComponent(".home").path, "PRE_COMMIT_HOME": cache.path,
                           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
                           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
                           // A pyenv shim finds its Python through PYENV_ROOT, which defaults to a folder in HOME.
                           "PYENV_ROOT": preCommit.range(of: "/shims/").map { String(preCommit[..<$0.lowerBound]) } ?? ""]
            .filter { !$0.value.isEmpty }
        func run(_ arguments: [String]) throws -> BuiltTool.Run {
            try BuiltTool.run(arguments, in: repository.root, environment: environment)
        }
        for setup in [[git, "init", "-q", "-b", "main"], [preCommit, "install"], [git, "add", "."]] {
            let result = try run(setup)
            XCTAssertEqual(result.status, 0, "\(setup): \(result.output) \(result.errors)")
        }
        let good = try run([git, "commit", "-q", "-m", "valid config"])

        try repository.write("config/apps/warehouse_again.js", """
            exports.default = [{ class: "app", id: "data_warehouse", name: "Warehouse again", type: "postgres", options: {} }];

            """)
        _ = try run([git, "add", "config/apps/warehouse_again.js"])
        let bad = try run([git, "commit", "-q", "-m", "a duplicate app"])
        let log = try run([git, "log", "--format=%s"])
        XCTAssertEqual(log.output, "valid config\n", "only the valid commit was made")
        return (good, bad)
    }

    func check(_ runs: (good: BuiltTool.Run, bad: BuiltTool.Run), file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(runs.good.status, 0, runs.good.output + runs.good.errors, file: file, line: line)
        XCTAssertTrue((runs.good.output + runs.good.errors).contains("Passed"), runs.good.output, file: file, line: line)
        XCTAssertEqual(runs.bad.status, 1, runs.bad.output + runs.bad.errors, file: file, line: line)
        let report = runs.bad.output + runs.bad.errors
        XCTAssertTrue(report.contains("Failed"), report, file: file, line: line)
        XCTAssertTrue(report.contains("config/apps/warehouse_again.js:1:"), report, file: file, line: line)
        XCTAssertTrue(report.contains("[duplicate-id]"), report, file: file, line: line)
    }

    /// `language: system`: the grouparoo-gen on PATH, here the release binary when dist/ has one,
    /// else this build's binary.
    func testSystemHookRefusesABadCommit() throws {
        let binaryFolder: URL
        if let release = try? ReleaseFiles.unpackedBinary() {
            binaryFolder = release.deletingLastPathComponent()
        } else {
            binaryFolder = try BuiltTool.binary().deletingLastPathComponent()
        }
        defer { if binaryFolder.path.contains("/release-") { try? FileManager.default.removeItem(at: binaryFolder) } }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("pre-commit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        check(try commitTwice(hookID: "grouparoo-gen-validate-system", path: binaryFolder.path + ":/usr/local/bin:/usr/bin:/bin", cache: cache))
    }

    /// `language: swift`: pre-commit builds this package in release mode (minutes), so this runs in
    /// CI (CI=true, as .ci/run has) or when GROUPAROO_GEN_TEST_SWIFT_HOOK=1. The build is cached
    /// in .build/pre-commit-home for later runs.
    func testSwiftHookBuildsThePackageAndRefusesABadCommit() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CI"] == "true" || environment["GROUPAROO_GEN_TEST_SWIFT_HOOK"] == "1" else {
            throw XCTSkip("the swift hook makes pre-commit build this package in release mode (minutes); set CI=true or GROUPAROO_GEN_TEST_SWIFT_HOOK=1 to run it")
        }
        let swift = try Programs.require("swift", for: "by the language: swift hook")
        let cache = BuiltTool.packageRoot.appendingPathComponent(".build/pre-commit-home")
        let path = URL(fileURLWithPath: swift).deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin"
        check(try commitTwice(hookID: "grouparoo-gen-validate", path: path, cache: cache))
    }
}
