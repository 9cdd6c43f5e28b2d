import XCTest
@testable import ConfigModel

/// `FileBytes` reads with `open`/`read` into an array's uninitialised room; it must give exactly what
/// `FileManager` gives, for empty, small, page-sized and larger files, and refuse what is not a regular file.
final class FileBytesTests: XCTestCase {
    func testContentsAreThoseFileManagerReads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 1, 7, 4095, 4096, 4097, 70_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
            let file = directory.appendingPathComponent("f\(size).json")
            try Data(bytes).write(to: file)
            XCTAssertEqual(FileBytes.contents(of: file.path), bytes, "size \(size)")
            XCTAssertEqual(FileBytes.contents(of: file.path).map { Data($0) }, FileManager.default.contents(atPath: file.path))
        }
        XCTAssertNil(FileBytes.contents(of: directory.path), "a directory is not a regular file")
        XCTAssertNil(FileBytes.contents(of: directory.appendingPathComponent("missing.js").path))
    }

    /// A refusal says why, for the diagnostic: the system's reason, or that the path is not a regular file.
    func testFailuresSayWhy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = FileBytes.bytes(of: directory.appendingPathComponent("missing.js").path)
        XCTAssertEqual(missing, .failure(.system(ENOENT)))
        XCTAssertEqual(FileBytes.Failure.system(ENOENT).reason, "No such file or directory")
        XCTAssertEqual(FileBytes.bytes(of: directory.path), .failure(.notRegularFile))
        // Listed as a regular file (the directory was swapped in since), the first read is what refuses it.
        XCTAssertEqual(FileBytes.bytes(of: directory.path, listedAsRegularFile: true, buffer: FileBytes.ReadBuffer()),
                       .failure(.system(EISDIR)))
        XCTAssertEqual(FileBytes.Failure.notRegularFile.reason, "not a regular file")
        // A FIFO swapped in for a listed file reads as nothing, as an empty file does: nothing is checked, not taken.
        let fifo = directory.appendingPathComponent("fifo.js").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(FileBytes.bytes(of: fifo, listedAsRegularFile: true, buffer: FileBytes.ReadBuffer()), .failure(.notRegularFile))
        let empty = directory.appendingPathComponent("empty.js").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertEqual(FileBytes.bytes(of: empty, listedAsRegularFile: true, buffer: FileBytes.ReadBuffer()), .success([]))
    }

    /// A file the listing called regular is read without `fstat` when one read into the thread's buffer ends
    /// it; it must give what the plain path gives at sizes around the buffer's, and still refuse a directory.
    func testListedRegularFilesReadAsThePlainPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let buffer = FileBytes.ReadBuffer()
        for size in [0, 1, 4096, FileBytes.firstReadSize - 1, FileBytes.firstReadSize, FileBytes.firstReadSize + 1, 1 << 20] {
            let file = directory.appendingPathComponent("f\(size).js")
            try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: file)
            let plain = FileBytes.contents(of: file.path)
            XCTAssertEqual(plain?.count, size)
            XCTAssertEqual(FileBytes.contents(of: file.path, listedAsRegularFile: true, buffer: buffer), plain, "size \(size)")
        }
        XCTAssertNil(FileBytes.contents(of: directory.path, listedAsRegularFile: true, buffer: buffer))
    }

    /// A worker keeps the directory of the file it read last open and opens the next file by name in it when it is
    /// in the same one; every file the walk lists must read that way as its full path does.
    func testFilesOpenedByNameInTheirDirectoryReadAsTheirPath() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("sources/more")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (index, folder) in [root, root.appendingPathComponent("sources"), nested].enumerated() {
            for size in [0, 5, FileBytes.firstReadSize + 3] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ index) }
                try Data(bytes).write(to: folder.appendingPathComponent("f\(size).json"))
            }
        }
        let found = ConfigFileFinder.files(in: root.path)
        XCTAssertEqual(found.count, 9)
        let buffer = FileBytes.ReadBuffer()
        let directory = ConfigFileFinder.CurrentDirectory()
        // Forwards, then backwards and interleaved, so the worker's directory changes on most files.
        let interleaved = found.indices.map { found[$0 % 2 == 0 ? $0 : found.count - $0] }
        for file in found + found.reversed() + interleaved {
            let name = try XCTUnwrap(directory.name(of: file), file.path)
            let plain = try XCTUnwrap(FileBytes.contents(of: file.path), file.path)
            XCTAssertEqual(FileBytes.contents(of: file.path, name: name), plain, file.path)
            XCTAssertEqual(FileBytes.contents(of: file.path, listedAsRegularFile: true, buffer: buffer, name: name), plain, file.path)
        }
        directory.finish()
        XCTAssertNil(directory.name(of: ConfigFileFinder.Found(path: root.path + "/f0.json", problem: nil)), "not listed")
    }
}
