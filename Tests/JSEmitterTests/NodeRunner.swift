import Foundation
import XCTest

/// Runs snippets with Node.js when it is installed, so tests can prove printed JavaScript
/// parses and evaluates to what we meant. Tests skip (not fail) where Node is absent.
enum NodeRunner {
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("node")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func requireNode() throws -> URL {
        guard let node = executable else { throw XCTSkip("node is not on PATH") }
        return node
    }

    /// Writes `source` to a temporary `.js` file and runs `node <arguments> file`.
    static func run(_ source: String, arguments: [String] = []) throws -> (status: Int32, output: String, error: String) {
        let node = try requireNode()
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("jsemitter-\(UUID().uuidString).js")
        try Data(source.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = node
        process.arguments = arguments + [file.path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// `node --check` on `source`; fails the test with Node's message when it does not parse.
    static func assertParses(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run(source, arguments: ["--check"])
        XCTAssertEqual(result.status, 0, "node --check failed: \(result.error)\n\(source)", file: file, line: line)
    }
}
