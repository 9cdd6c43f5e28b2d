import Foundation
import XCTest

@testable import grouparoo_gen

/// What `Scripts/build-release.sh` leaves in `dist/`, and the programs the release tests drive.
/// Every helper skips the test, saying why, when its file or program is not there.
enum ReleaseFiles {
    static let dist = BuiltTool.packageRoot.appendingPathComponent("dist")
    static let notBuilt = "dist/ holds no release build of this version; run Scripts/build-release.sh first (.ci/run does)"

    /// `Scripts/release-info.sh ARGUMENTS`, the one place release names are declared.
    static func info(_ arguments: [String]) throws -> String {
        let script = BuiltTool.packageRoot.appendingPathComponent("Scripts/release-info.sh").path
        let run = try BuiltTool.run(["/bin/sh", script] + arguments, in: BuiltTool.packageRoot, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(run.status, 0, run.errors)
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func archive() throws -> URL {
        let name = try info(["archive", CommandRouter.version, try info(["arch"])])
        return try existing(dist.appendingPathComponent(name))
    }

    static func npmPackage() throws -> URL {
        try existing(dist.appendingPathComponent("grouparoo-gen-\(CommandRouter.version).tgz"))
    }

    private static func existing(_ url: URL) throws -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(notBuilt) (no \(url.lastPathComponent))") }
        return url
    }

    /// The release binary, unpacked from the archive into a new folder the caller removes.
    static func unpackedBinary() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let untar = try BuiltTool.run(["/bin/tar", "-xzf", try archive().path, "-C", folder.path], in: folder,
                                      environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(untar.status, 0, untar.errors)
        return folder.appendingPathComponent("grouparoo-gen")
    }

    /// The commit the checkout is at, or nil outside a git checkout.
    static func headCommit() throws -> String? {
        guard let git = Programs.find("git") else { return nil }
        let run = try BuiltTool.run([git, "rev-parse", "HEAD"], in: BuiltTool.packageRoot, environment: ["PATH": "/usr/bin:/bin"])
        return run.status == 0 ? run.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}

/// Programs found on this test process's PATH (where .ci/run installs them).
enum Programs {
    static var searchPath: String {
        (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
    }

    static func find(_ name: String) -> String? {
        searchPath.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func require(_ name: String, for purpose: String) throws -> String {
        guard let path = find(name) else { throw XCTSkip("\(name) is not installed; it is needed \(purpose) (.ci/run installs it)") }
        return path
    }
}

/// Runs programs with the Swift toolchain out of reach: in a private mount namespace whose copy of
/// the toolchain folder is an empty tmpfs, under `env -i` (no inherited variables such as
/// LD_LIBRARY_PATH). Needs root, as .ci/run has; skips otherwise.
enum ToolchainHidden {
    /// The toolchain folder holding the Swift runtime this test process loaded, e.g. `/opt/swift/usr`
    /// for `/opt/swift/usr/lib/swift/linux/libswiftCore.so`.
    static func toolchainFolder() throws -> String {
        // /proc files report size 0, so read them to the end rather than by size.
        let maps = String(decoding: FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        guard let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/libswiftCore.so") }),
              let path = line.split(separator: " ").last, let libRange = path.range(of: "/lib/swift/") else {
            throw XCTSkip("this test process loaded no shared libswiftCore.so, so there is no toolchain folder to hide")
        }
        return String(path[..<libRange.lowerBound])
    }

    static func run(_ arguments: [String], in directory: URL) throws -> BuiltTool.Run {
        let unshare = try Programs.require("unshare", for: "to hide the toolchain in a mount namespace")
        let probe = try BuiltTool.run([unshare, "-m", "true"], in: directory, environment: ["PATH": "/usr/bin:/bin"])
        guard probe.status == 0 else { throw XCTSkip("cannot make a private mount namespace here (needs root): \(probe.errors)") }
        let script = #"mount -t tmpfs hidden-toolchain "$1" && shift && exec env -i PATH=/usr/bin:/bin "$@""#
        return try BuiltTool.run([unshare, "-m", "/bin/sh", "-c", script, "sh", try toolchainFolder()] + arguments,
                                 in: directory, environment: ["PATH": "/usr/bin:/bin"])
    }
}
