import Foundation
import XCTest

/// Helpers for tests that run the built `grouparoo-gen` binary the way CI systems and
/// pre-commit do: as a subprocess, found on PATH, in a repository folder.
enum BuiltTool {
    /// This package's root folder (the tests live in `Tests/GrouparooGenTests/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `grouparoo-gen` SwiftPM built for this test run: it sits next to the test bundle (macOS)
    /// or the test executable (Linux). Skips the test when there is none.
    static func binary() throws -> URL {
        let candidates = [Bundle(for: BuiltToolMarker.self).bundleURL, Bundle.main.bundleURL,
                          Bundle.main.executableURL ?? Bundle.main.bundleURL]
            .map { $0.deletingLastPathComponent().appendingPathComponent("grouparoo-gen") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("no built grouparoo-gen next to the test bundle")
        }
        return binary
    }

    /// A PATH whose first folder holds the built binary, followed by the system folders only, so
    /// no other grouparoo-gen can be picked up.
    static func pathWithBinary() throws -> String {
        try binary().deletingLastPathComponent().path + ":/usr/local/bin:/usr/bin:/bin"
    }

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `arguments[0]` (looked up on `environment["PATH"]`) with the rest as its arguments.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> Run {
        let searchPath = environment["PATH"] ?? ""
        let executable = arguments[0].contains("/") ? arguments[0] : searchPath.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(arguments[0]).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let executable else {
            XCTFail("\(arguments[0]) is not on PATH \(searchPath)")
            return Run(status: -1, output: "", errors: "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read standard error on another thread so a full pipe can never block the child.
        let errorData = DataBox()
        let errorsRead = DispatchSemaphore(value: 0)
        let errorHandle = stderr.fileHandleForReading
        DispatchQueue.global().async {
            errorData.data = errorHandle.readDataToEndOfFile()
            errorsRead.signal()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData.data, as: UTF8.self))
    }

    /// Runs a shell script with bash -e (what a GitHub Actions `run:` step uses), the built binary
    /// first on PATH.
    static func runScript(_ script: String, in directory: URL, extraEnvironment: [String: String] = [:]) throws -> Run {
        var environment = ["PATH": try pathWithBinary(), "HOME": NSTemporaryDirectory(), "LC_ALL": "C"]
        environment.merge(extraEnvironment) { _, new in new }
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash" : "/bin/sh"
        return try run([shell, "-e", "-c", script], in: directory, environment: environment)
    }
}

private final class BuiltToolMarker {}

/// Bytes filled in by one thread and read by another after a semaphore handshake.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A scratch copy of a repository, removed by `remove()`. It gets a `.git` folder so the search
/// for `.grouparoo-gen.json` stops inside it.
struct ScratchRepository {
    let root: URL

    /// An empty repository.
    static func empty(_ label: String) throws -> ScratchRepository {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
            .standardizedFileURL.resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return ScratchRepository(root: root)
    }

    /// A copy of `examples/<name>` (its `config/` and other files).
    static func copyOfExample(_ name: String) throws -> ScratchRepository {
        let repository = try empty("example-\(name)")
        let source = BuiltTool.packageRoot.appendingPathComponent("examples/\(name)")
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: repository.root.appendingPathComponent(item))
        }
        return repository
    }

    func write(_ relativePath: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Every regular file below the root except `.git`, as sorted relative paths.
    func files() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Just enough YAML for the files these tests read: hook lists and workflow `run:` steps.
/// Not a YAML parser; it understands `key: value` lines, `- id:` list items and `|` blocks.
enum TinyYAML {
    /// Every mapping that starts with `- id: …`, with the plain `key: value` pairs at its level.
    static func hooks(in text: String) -> [[String: String]] {
        var hooks: [[String: String]] = []
        var keyColumn: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("- id:") {
                hooks.append([:])
                keyColumn = indent + 2
                if let (key, value) = pair(String(body.dropFirst(2))) { hooks[hooks.count - 1][key] = value }
            } else if let column = keyColumn, indent == column, !body.hasPrefix("#"), let (key, value) = pair(String(body)) {
                hooks[hooks.count - 1][key] = value
            } else if let column = keyColumn, !body.isEmpty, !body.hasPrefix("#"), indent < column {
                keyColumn = nil
            }
        }
        return hooks
    }

    /// The scripts of every `run:` key: a one-line value, or the lines of a `|` block without
    /// their common indentation.
    static func runScripts(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scripts: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let indent = line.prefix { $0 == " " }.count
            var body = String(line.dropFirst(indent))
            if body.hasPrefix("- ") { body.removeFirst(2) }
            guard let (key, value) = pair(body), key == "run" else { continue }
            guard value == "|" || value == "|-" else {
                scripts.append(value)
                continue
            }
            var block: [String] = []
            while index < lines.count {
                let next = lines[index]
                let nextIndent = next.prefix { $0 == " " }.count
                if !next.trimmingCharacters(in: .whitespaces).isEmpty && nextIndent <= indent { break }
                block.append(next)
                index += 1
            }
            let common = block.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            scripts.append(block.map { String($0.dropFirst(min(common, $0.count))) }.joined(separator: "\n")
                .trimmingCharacters(in: .newlines))
        }
        return scripts
    }

    /// `key: value`, with quotes around the value removed.
    private static func pair(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = String(text[..<colon])
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        var value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return (key, value)
    }
}

/// Splits a command line like a POSIX shell does for plain words and double-quoted strings
/// (enough for the example commands in READMEs; no variables or escapes).
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false, quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
