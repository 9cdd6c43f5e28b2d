import Foundation
import XCTest

@testable import grouparoo_gen

/// The npm package (`npm/`, packed by Scripts/build-release.sh) installed the way a Grouparoo
/// project installs it, offline: the registry is out of reach, so the project's @grouparoo/core
/// is already in node_modules (as after an earlier `npm install`; here a package.json only), and
/// `npm install --save-dev --offline` adds just our tarball beside it.
final class NpmPackageTests: XCTestCase {
    var project: ScratchRepository!

    override func setUpWithError() throws {
        project = try ScratchRepository.copyOfExample("postgres-mailchimp")
        try project.write("package.json", #"{ "name": "my-grouparoo", "version": "1.0.0", "private": true, "dependencies": { "@grouparoo/core": "^0.8.6" } }"# + "\n")
        try project.write("node_modules/@grouparoo/core/package.json", #"{ "name": "@grouparoo/core", "version": "0.8.6" }"# + "\n")
    }

    override func tearDownWithError() throws {
        project.remove()
    }

    /// Runs a Node tool in the project with an empty npm cache and no network.
    func node(_ arguments: [String]) throws -> BuiltTool.Run {
        let tool = try Programs.require(arguments[0], for: "to test the npm package")
        let home = project.root.appendingPathComponent(".home").path
        return try BuiltTool.run([tool] + arguments.dropFirst(), in: project.root, environment: [
            "PATH": URL(fileURLWithPath: tool).deletingLastPathComponent().path + ":/usr/bin:/bin", "HOME": home,
            "npm_config_cache": home + "/npm-cache", "npm_config_offline": "true", "npm_config_audit": "false",
            "npm_config_fund": "false", "npm_config_update_notifier": "false",
        ])
    }

    func install() throws {
        let run = try node(["npm", "install", "--save-dev", try ReleaseFiles.npmPackage().path])
        XCTAssertEqual(run.status, 0, run.errors)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(project.read("package.json").utf8)) as? [String: Any])
        XCTAssertNotNil((manifest["devDependencies"] as? [String: Any])?["grouparoo-gen"], "saved as a dev dependency")
        XCTAssertNotNil((manifest["dependencies"] as? [String: Any])?["@grouparoo/core"], "the project's own dependency stays")
    }

    func testNpxRunsValidateAndGenerateInAGrouparooProject() throws {
        try install()
        let version = try node(["npx", "grouparoo-gen", "--version"])
        XCTAssertTrue(version.output.hasPrefix("grouparoo-gen \(CommandRouter.version) (commit "), version.output + version.errors)

        let valid = try node(["npx", "grouparoo-gen", "validate", "config"])
        XCTAssertEqual(valid.status, 0, valid.errors)
        XCTAssertTrue(valid.errors.contains("0 errors"), valid.errors)

        let generated = try node(["npx", "grouparoo-gen", "generate", "apiKey", "k"])
        XCTAssertEqual(generated.status, 0, generated.errors)
        XCTAssertEqual(generated.output, "wrote config/apiKeys/k.js\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("config/apiKeys/k.js").path))

        // Exit statuses and standard error pass through the launcher.
        try project.write("config/teams/broken.js", "exports.default = [{ class: \"team\", id: \"x\", name: \"A\", color: \"red\" }];\n")
        let invalid = try node(["npx", "grouparoo-gen", "validate", "config"])
        XCTAssertEqual(invalid.status, 1, invalid.errors)
        XCTAssertTrue(invalid.errors.contains("config/teams/broken.js:1:"), invalid.errors)
    }

    /// On a platform the package has no binary for, the launcher says so and exits 2 (here the
    /// platform is faked by preloading a script that changes `process.arch`).
    func testAnUnsupportedPlatformIsNamed() throws {
        try install()
        try project.write("fake-arch.js", #"Object.defineProperty(process, "arch", { value: "ppc64" });"# + "\n")
        let run = try node(["node", "--require", "./fake-arch.js", "node_modules/grouparoo-gen/bin/grouparoo-gen.js", "validate"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("this package has no binary for linux-ppc64 (it has: linux-"), run.errors)
        XCTAssertTrue(run.errors.contains("Build grouparoo-gen from source"), run.errors)
    }

    /// The launcher in the source folder, which holds no binaries, fails the same clear way.
    func testTheLauncherWithoutBinaries() throws {
        let launcher = BuiltTool.packageRoot.appendingPathComponent("npm/bin/grouparoo-gen.js").path
        let run = try node(["node", launcher, "--version"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("no binary for linux-") && run.errors.contains("(it has: none)"), run.errors)
    }
}
