import Foundation
import XCTest

@testable import grouparoo_gen

/// The archive `Scripts/build-release.sh` writes: checksummed, holding one binary that needs no
/// Swift toolchain and names the commit it was built from.
final class ReleaseArchiveTests: XCTestCase {
    var binary: URL!

    override func setUpWithError() throws {
        binary = try ReleaseFiles.unpackedBinary()
    }

    override func tearDownWithError() throws {
        if let binary { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent()) }
    }

    func testChecksumFileMatchesAndTheArchiveHoldsOnlyTheBinary() throws {
        let archive = try ReleaseFiles.archive()
        let recorded = try String(contentsOf: archive.appendingPathExtension("sha256"), encoding: .utf8)
        let computed = try BuiltTool.run(["/usr/bin/sha256sum", archive.lastPathComponent], in: archive.deletingLastPathComponent(),
                                         environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(computed.status, 0, computed.errors)
        XCTAssertEqual(recorded, computed.output, "the .sha256 is sha256sum's line for the archive, so `sha256sum -c` checks it")
        let listing = try BuiltTool.run(["/bin/tar", "-tzf", archive.path], in: ReleaseFiles.dist, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(listing.output, "grouparoo-gen\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path))
    }

    func testLddListsNoSwiftLibrary() throws {
        let ldd = try Programs.require("ldd", for: "to list the libraries the binary loads")
        let run = try BuiltTool.run([ldd, binary.path], in: ReleaseFiles.dist, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("libc.so.6"), run.output)
        let toolchain = try? ToolchainHidden.toolchainFolder()
        for line in run.output.split(separator: "\n") {
            XCTAssertFalse(line.lowercased().contains("swift") || line.contains("Foundation") || line.contains("dispatch"), String(line))
            if let toolchain { XCTAssertFalse(line.contains(toolchain), "loads from the toolchain: \(line)") }
        }
    }

    /// libcurl and the ~30 libraries it loads cost more than a whole `--version` run: the binary
    /// opens it only when `import` or `diff` talks to an instance (Remote/LibcurlOnDemand.swift).
    func testLibcurlIsNotLoadedAtStart() throws {
        let ldd = try Programs.require("ldd", for: "to list the libraries the binary loads")
        let run = try BuiltTool.run([ldd, binary.path], in: ReleaseFiles.dist, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("libc.so.6"), run.output)
        XCTAssertFalse(run.output.contains("libcurl"), run.output)
    }

    /// libstdc++ is linked in: binding the shared library's symbols was most of a `--version` run.
    func testTheCxxLibrariesAreLinkedIn() throws {
        let ldd = try Programs.require("ldd", for: "to list the libraries the binary loads")
        let run = try BuiltTool.run([ldd, binary.path], in: ReleaseFiles.dist, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("libc.so.6"), run.output)
        XCTAssertFalse(run.output.contains("libstdc++") || run.output.contains("libgcc_s"), run.output)
    }

    func testVersionNamesTheVersionAndTheCommit() throws {
        let run = try BuiltTool.run([binary.path, "--version"], in: ReleaseFiles.dist, environment: [:])
        XCTAssertEqual(run.status, 0)
        let prefix = "grouparoo-gen \(CommandRouter.version) (commit "
        XCTAssertTrue(run.output.hasPrefix(prefix), run.output)
        let commit = String(run.output.dropFirst(prefix.count).dropLast(2))
        XCTAssertTrue(commit.count == 40 && commit.allSatisfy { $0.isHexDigit }, "a full commit hash: \(run.output)")
        // In CI the archive is built from HEAD; a developer's dist/ may be from an earlier commit.
        if try ReleaseFiles.headCommit() != nil, let git = Programs.find("git") {
            let ancestor = try BuiltTool.run([git, "merge-base", "--is-ancestor", commit, "HEAD"], in: BuiltTool.packageRoot,
                                             environment: ["PATH": "/usr/bin:/bin"])
            XCTAssertEqual(ancestor.status, 0, "\(commit) is not a commit of this checkout's history: \(ancestor.errors)")
        }
    }

    func testValidateAndGenerateRunWithTheToolchainHidden() throws {
        let repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        defer { repository.remove() }
        let valid = try ToolchainHidden.run([binary.path, "validate", "config"], in: repository.root)
        XCTAssertEqual(valid.status, 0, valid.errors)
        XCTAssertTrue(valid.errors.contains("0 errors"), valid.errors)

        let broken = try ScratchRepository.copyOfExample("broken")
        defer { broken.remove() }
        let invalid = try ToolchainHidden.run([binary.path, "validate", "config"], in: broken.root)
        XCTAssertEqual(invalid.status, 1, invalid.errors)
        XCTAssertTrue(invalid.errors.contains("config/sources/users.js:20:27: error:"), invalid.errors)

        let generated = try ToolchainHidden.run([binary.path, "generate", "apiKey", "k"], in: repository.root)
        XCTAssertEqual(generated.status, 0, generated.errors)
        XCTAssertEqual(generated.output, "wrote config/apiKeys/k.js\n")
        XCTAssertTrue(try repository.read("config/apiKeys/k.js").contains(#"id: "k""#))
    }

    /// The hiding itself works: the debug build, which loads the toolchain's libraries, cannot start.
    func testTheToolchainIsReallyOutOfReach() throws {
        let dynamic = try BuiltTool.binary()
        let run = try ToolchainHidden.run([dynamic.path, "--version"], in: ReleaseFiles.dist)
        XCTAssertNotEqual(run.status, 0, run.output)
        XCTAssertTrue(run.errors.contains("error while loading shared libraries: libswift"), run.errors)
    }
}
