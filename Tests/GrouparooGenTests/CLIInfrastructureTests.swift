import Foundation
import XCTest

@testable import grouparoo_gen

/// The shared CLI pieces: argument parsing, help, routing and usage errors.
final class CLIInfrastructureTests: XCTestCase {
    private enum SampleFormat: String, CaseIterable { case text, json }

    private struct SampleOptions: OptionGroup {
        let format = Option<String>("-f", "--format", valueName: "name", help: "A value.")
        let disable = Option<String>("--disable", valueName: "rule", help: "Repeatable.", repeatable: true)
        let strict = Flag("--strict", help: "A flag.")
        let shape = Option<SampleFormat>("--shape", help: "A choice.")
        let seconds = Option<Double>("--seconds", valueName: "seconds", help: "A number.", expected: "a positive number of seconds") {
            Double($0).flatMap { $0 > 0 ? $0 : nil }
        }
    }

    private let option = SampleOptions()
    private let spec = CommandSpec(name: "sample", abstract: "A command for tests.", usage: ["sample [PATH]"], options: SampleOptions.specs)

    private func run(_ arguments: [String]) -> CLIRun {
        runCLI(arguments, in: FileManager.default.temporaryDirectory.path)
    }

    func testParsesValuesFlagsAndPositionals() throws {
        let parsed = try ArgumentParser.parse(["dir", "--format", "json", "--strict", "--disable=a", "--disable", "b", "-", "x"], spec: spec)
        XCTAssertEqual(parsed.positionals, ["dir", "-", "x"])
        XCTAssertEqual(parsed[option.format], "json")
        XCTAssertEqual(parsed.all(option.disable), ["a", "b"])
        XCTAssertTrue(parsed[option.strict])
        XCTAssertNil(parsed[option.shape])
        XCTAssertFalse(parsed.wantsHelp)
        XCTAssertEqual(try ArgumentParser.parse(["-f", "text"], spec: spec)[option.format], "text")
        XCTAssertEqual(try ArgumentParser.parse(["--shape", "json"], spec: spec)[option.shape], .json)
        XCTAssertEqual(try ArgumentParser.parse(["--seconds", "2.5"], spec: spec)[option.seconds], 2.5)
        XCTAssertEqual(try ArgumentParser.parse(["--format=-x"], spec: spec)[option.format], "-x", "--opt=-x is how to pass a dash value")
    }

    /// The environment is split at each variable's first `=` byte: it must be what splitting each decoded entry at its
    /// first "=" gives, with a value holding "=" and non-ASCII text among the variables.
    func testProcessEnvironmentSplitsEachVariableAtItsFirstEquals() {
        setenv("GROUPAROO_GEN_TEST_SPLIT", "a=b=ç", 1)
        defer { unsetenv("GROUPAROO_GEN_TEST_SPLIT") }
        var plain: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), plain[String(text[..<equals])] == nil {
                plain[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        XCTAssertEqual(plain["GROUPAROO_GEN_TEST_SPLIT"], "a=b=ç")
        XCTAssertEqual(CommandContext.processEnvironment(), plain)
    }

    func testDoubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["--", "--strict", "-f"], spec: spec)
        XCTAssertEqual(parsed.positionals, ["--strict", "-f"])
        XCTAssertFalse(parsed[option.strict])
    }

    func testParserMistakes() {
        let cases: [([String], String)] = [
            (["--formt", "json"], "unknown option '--formt' (did you mean '--format'?)"),
            (["--format"], "option '--format' needs a value <name>"),
            (["--strict=yes"], "option '--strict' does not take a value"),
            (["--format", "a", "--format", "b"], "option '--format' was given more than once"),
            (["--shape", "yaml"], "unknown value 'yaml' for --shape; use one of 'text', 'json'"),
            (["--seconds", "0"], "option '--seconds' takes a positive number of seconds, not '0'"),
            (["--format", "--strict"], "option '--format' needs a value <name>, not '--strict'; write --format=--strict if that is the value"),
            (["-f", "-x"], "option '-f' needs a value <name>, not '-x'; write --format=-x if that is the value"),
            (["--disable", "-"], "option '--disable' needs a value <rule>, not '-'; write --disable=- if that is the value"),
        ]
        for (arguments, message) in cases {
            XCTAssertThrowsError(try ArgumentParser.parse(arguments, spec: spec), "\(arguments)") { error in
                XCTAssertEqual((error as? UsageError)?.message, message)
            }
        }
    }

    func testEditDistanceAndClosestMatches() {
        XCTAssertEqual(ArgumentParser.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(ArgumentParser.editDistance("", "abc"), 3)
        XCTAssertEqual(ArgumentParser.closestMatches(to: "validat", in: ["dump", "validate", "rules"], limit: 1), ["validate"])
        XCTAssertEqual(ArgumentParser.closestMatches(to: "zzzzzz", in: ["dump", "rules"], limit: 1), [])
    }

    func testEveryCommandHasHelpWithUsageOptionsAndAnExample() {
        for command in CommandRouter.commands {
            let result = run([command.spec.name, "--help"])
            XCTAssertEqual(result.status, 0, command.spec.name)
            XCTAssertTrue(result.output.contains("USAGE: grouparoo-gen \(command.spec.name)"), command.spec.name)
            XCTAssertTrue(result.output.contains("OPTIONS:"), command.spec.name)
            XCTAssertTrue(result.output.contains("  -h, --help"), command.spec.name)
            XCTAssertTrue(result.output.contains("EXAMPLES:\n"), "\(command.spec.name) has an example")
            XCTAssertFalse(command.spec.examples.isEmpty)
            XCTAssertEqual(run(["help", command.spec.name]).output, result.output)
        }
    }

    func testTopLevelHelpListsTheCommands() {
        let result = run(["--help"])
        XCTAssertEqual(result.status, 0)
        for name in ["dump", "validate", "rules"] { XCTAssertTrue(result.output.contains("  \(name) "), name) }
        XCTAssertEqual(run([]).status, 2, "no command is a usage error")
        XCTAssertEqual(run(["--version"]).output, "grouparoo-gen \(CommandRouter.version) (commit \(BuildCommit.hash))\n")
    }

    func testUnknownCommandAndOptionExitTwo() {
        let command = run(["valdate"])
        XCTAssertEqual(command.status, 2)
        XCTAssertTrue(command.errors.contains("unknown command 'valdate' (did you mean 'validate'?)"), command.errors)
        for name in ["validate", "rules", "dump"] {
            let option = run([name, "--no-such-option"])
            XCTAssertEqual(option.status, 2, name)
            XCTAssertTrue(option.errors.contains("unknown option '--no-such-option'"), option.errors)
            XCTAssertTrue(option.errors.contains("Run 'grouparoo-gen \(name) --help' for usage."))
        }
    }

    func testBuiltBinaryRunsAsASubprocess() throws {
        // SwiftPM puts the executable next to the test bundle (macOS) or test executable (Linux).
        let candidates = [Bundle(for: CLIInfrastructureTests.self).bundleURL, Bundle.main.bundleURL,
                          Bundle.main.executableURL ?? Bundle.main.bundleURL]
            .map { $0.deletingLastPathComponent().appendingPathComponent("grouparoo-gen") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("no built grouparoo-gen next to the test bundle")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "exports.default = [{ class: \"team\", id: \"t\", name: \"A\" }, { class: \"team\", id: \"t\", name: \"B\" }];\n"
            .write(to: directory.appendingPathComponent("config/teams.js"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["validate", "config", "--format", "json"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(document["valid"] as? Bool, false)
    }
}
