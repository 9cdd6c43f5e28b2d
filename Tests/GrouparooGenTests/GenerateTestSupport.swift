import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// A JSON value for comparing config objects regardless of key order.
indirect enum JSONValue: Equatable, Decodable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let list = try? container.decode([JSONValue].self) { self = .array(list) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .number(let number): return "\(number)"
        case .string(let text): return text.debugDescription
        case .array(let list): return "[" + list.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { "\($0): \(members[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let list) = self, index < list.count { return list[index] }
        return nil
    }
}

/// A fresh temporary directory per test, removed afterwards.
class GenerateTestCase: XCTestCase {
    var root: URL!
    var configDirectory: URL { root.appendingPathComponent("config") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("generate-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `grouparoo-gen generate <arguments>` in `root` and captures its output.
    @discardableResult
    func runGenerate(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String, errors: String) {
        nonisolated(unsafe) var output = "", errors = ""
        let context = CommandContext(
            environment: environment, currentDirectory: root.path,
            write: { output += $0 }, writeError: { errors += $0 }, errorIsTerminal: false)
        let status = GenerateCommand.main(arguments, context: context)
        return (status, output, errors)
    }

    /// Plans and writes a generation into the config dir, returning the plan.
    @discardableResult
    func generate(_ request: GenerateRequest, overwrite: Bool = false) throws -> GenerationPlan {
        let plan = try GeneratePlanner.plan(request, templates: .embedded)
        try SafeFileWriter(configDirectory: configDirectory.path, overwrite: overwrite).write(plan.files)
        return plan
    }

    /// The objects our reader finds in a generated file, as JSON.
    func readBack(_ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let result = ConfigReader(options: ReaderOptions()).readFile(at: configDirectory.appendingPathComponent(relativePath).path)
        XCTAssertFalse(result.needsNode, "\(relativePath) needs Node", file: file, line: line)
        XCTAssertEqual(result.diagnostics.map(\.message), [], "\(relativePath)", file: file, line: line)
        let text = try XCTUnwrap(JSONOutput.stringify(.array(result.objects)), file: file, line: line)
        return try JSONValue.parse(text)
    }

    func contents(_ relativePath: String) throws -> String {
        try String(contentsOf: configDirectory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: configDirectory.appendingPathComponent(relativePath).path)
    }
}

/// Node.js, when installed, for checks that generated files are valid JavaScript.
enum Node {
    static var executable: URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("node")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `node <arguments>`; skips the test when Node is absent.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        guard let node = executable else { throw XCTSkip("node is not on PATH") }
        let process = Process()
        process.executableURL = node
        process.arguments = arguments
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
}
