import Foundation
import XCTest

@testable import grouparoo_gen

/// `SafeFileWriter.writeStagingNewFolders` (import's writer): new folders arrive whole through a
/// hidden staging folder, existing folders get files one by one, and a failure leaves nothing.
final class StagedWriteTests: GenerateTestCase {
    private func everything(_ directory: URL) -> [String] {
        ((FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String]) ?? []).sorted()
    }

    func testANewConfigDirectoryArrivesWholeWithNoStagingLeftBehind() throws {
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        let files = (0..<50).map { PlannedFile(relativePath: "properties/p\($0).js", contents: "// \($0)\n") }
            + [PlannedFile(relativePath: "models/users.js", contents: "// users\n")]
        let written = try writer.writeStagingNewFolders(files)
        XCTAssertEqual(written.count, 51)
        XCTAssertEqual(try String(contentsOf: configDirectory.appendingPathComponent("properties/p7.js"), encoding: .utf8), "// 7\n")
        XCTAssertEqual(everything(root).count, 1 + 2 + 51, "\(everything(root))")
        XCTAssertFalse(everything(root).contains { $0.contains(".gg-") })
    }

    func testExistingFoldersGetFilesOneByOneAndNothingIsOverwritten() throws {
        let apps = configDirectory.appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: apps.appendingPathComponent("mine.js"))
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        try writer.writeStagingNewFolders([PlannedFile(relativePath: "apps/new.js", contents: "1"),
                                           PlannedFile(relativePath: "groups/g.js", contents: "2")])
        XCTAssertEqual(everything(configDirectory), ["apps", "apps/mine.js", "apps/new.js", "groups", "groups/g.js"])
        XCTAssertThrowsError(try writer.writeStagingNewFolders([PlannedFile(relativePath: "sources/s.js", contents: "3"),
                                                                PlannedFile(relativePath: "apps/mine.js", contents: "4")])) { error in
            XCTAssertTrue("\(error)".contains("already exists (use --overwrite to replace it)"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: apps.appendingPathComponent("mine.js"), encoding: .utf8), "mine")
        XCTAssertFalse(FileManager.default.fileExists(atPath: configDirectory.appendingPathComponent("sources").path))
    }

    /// `blocked` is a file, so the last write fails after a folder was moved into place and a file
    /// was written beside an existing one: both are removed again, the user's file stays.
    func testAFailureAfterPublishingRemovesEverythingThisRunWrote() throws {
        let apps = configDirectory.appendingPathComponent("apps")
        try FileManager.default.createDirectory(at: apps, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: apps.appendingPathComponent("mine.js"))
        try Data().write(to: configDirectory.appendingPathComponent("blocked"))
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        let files = [PlannedFile(relativePath: "apps/new.js", contents: "1"), PlannedFile(relativePath: "new/deep/a.js", contents: "2"),
                     PlannedFile(relativePath: "new/b.js", contents: "3"), PlannedFile(relativePath: "blocked/x.js", contents: "4")]
        XCTAssertThrowsError(try writer.writeStagingNewFolders(files)) { error in
            guard let failure = error as? WriteFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(Set(failure.removed.map(\.lastPathComponent)), ["new.js", "a.js", "b.js"])
            XCTAssertEqual(failure.kept, [])
        }
        XCTAssertEqual(everything(configDirectory), ["apps", "apps/mine.js", "blocked"])
    }

    func testAFileWhereAFolderMustGoFailsBeforeAnythingIsVisible() throws {
        // The name is taken by a file where the run wants a folder: staging fails before anything is visible.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plain"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("plain/file"))
        let writer = SafeFileWriter(configDirectory: root.appendingPathComponent("plain/file/config").path, overwrite: false)
        XCTAssertThrowsError(try writer.writeStagingNewFolders([PlannedFile(relativePath: "a.js", contents: "1")]))
        XCTAssertEqual(everything(root.appendingPathComponent("plain")), ["file"])
    }
}
