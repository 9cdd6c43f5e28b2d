import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// What one in-process run of the CLI produced.
struct CLIRun {
    let status: Int32
    let output: String
    let errors: String

    /// Standard output parsed as JSON (fails the test when it is not JSON).
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try XCTUnwrap(parsed as? [String: Any], "standard output is not a JSON object", file: file, line: line)
    }
}

/// Runs `grouparoo-gen` in-process through `CommandRouter.main`, capturing both streams.
func runCLI(_ arguments: [String], in directory: String, environment: [String: String] = [:],
            terminal: Bool = false) -> CLIRun {
    nonisolated(unsafe) var output = "", errors = ""
    let context = CommandContext(
        environment: environment, currentDirectory: directory,
        write: { output += $0 }, writeError: { errors += $0 }, errorIsTerminal: terminal)
    let status = CommandRouter.main(arguments, context: context)
    return CLIRun(status: status, output: output, errors: errors)
}

/// A fresh temporary repository per test (it has a `.git` directory, so the lookup of
/// `.grouparoo-gen.json` never climbs out of it), with a `config` directory inside.
class ValidateTestCase: XCTestCase {
    var root: URL!
    var configDirectory: URL { root.appendingPathComponent("config") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("validate-tests-\(UUID().uuidString)")
            .standardizedFileURL.resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a file under the repository root, creating directories as needed.
    func write(_ relativePath: String, _ contents: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    /// `config/<name>` holding `exports.default = [ … ]`.
    func writeConfig(_ name: String, objects: String) throws {
        try write("config/\(name)", "exports.default = [\n\(objects)\n];\n")
    }

    /// Two groups sharing an id: an error every version of the rule catalog reports.
    func writeDuplicateGroups(_ name: String = "groups.js", id: String = "vips") throws {
        try writeConfig(name, objects: """
              { class: "group", id: "\(id)", name: "VIPs \(name)", type: "calculated", rules: [] },
              { class: "group", id: "\(id)", name: "VIPs again \(name)", type: "calculated", rules: [] },
            """)
    }

    /// A file that reads an unset environment variable: a warning and nothing else.
    func writeUnsetVariableSetting(_ name: String = "settings.js") throws {
        try write("config/\(name)", """
            exports.default = [
              { class: "setting", id: "cluster", pluginName: "core", key: "cluster-name", value: `Cluster ${process.env.CLUSTER_NAME_FOR_TESTS}` },
            ];

            """)
    }

    func validate(_ arguments: [String] = [], environment: [String: String] = [:], terminal: Bool = false) -> CLIRun {
        runCLI(["validate"] + arguments, in: root.path, environment: environment, terminal: terminal)
    }

    /// The diagnostics of a JSON run.
    func jsonDiagnostics(_ arguments: [String]) throws -> [[String: Any]] {
        let run = validate(arguments + ["--format", "json"])
        let document = try run.json()
        return try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
    }
}

/// Hand-made diagnostics for testing the formats without depending on the rule catalog.
enum SampleDiagnostics {
    static func span(_ file: String, _ line: Int, _ column: Int, endColumn: Int? = nil) -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: line, column: column),
                   end: TextPosition(line: line, column: endColumn ?? column))
    }

    static func duplicate(in file: String) -> Diagnostic {
        Diagnostic(severity: .error, ruleID: "duplicate-id", message: "id 'vips' is used by two groups",
                   span: span(file, 3, 25, endColumn: 31),
                   grouparooMessage: "Duplicate ID values found for vips of class group",
                   objectClass: "group", objectID: "vips",
                   notes: [DiagnosticNote("first defined here", span: span(file, 2, 25)), DiagnosticNote("a note without a place")])
    }

    static func warning(in file: String) -> Diagnostic {
        Diagnostic(severity: .warning, ruleID: "unset-env-var", message: "process.env.TOKEN is not set", span: span(file, 7, 12))
    }

    static func unlocated() -> Diagnostic {
        Diagnostic(severity: .error, ruleID: "made-up-check", message: "a problem with no place", span: nil)
    }
}
