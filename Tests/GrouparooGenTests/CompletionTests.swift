import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen completion`: the scripts parse in their shells, and the bash one completes
/// commands, options, templates and rules when bash drives it.
final class CompletionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("completion-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The script for `shell`, written to a file in the test's directory.
    private func script(_ shell: String) throws -> URL {
        let run = runCLI(["completion", shell], in: directory.path)
        XCTAssertEqual(run.status, 0, run.errors)
        let file = directory.appendingPathComponent("completion.\(shell)")
        try run.output.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The shell's path, or a skip when it is not installed.
    private func shell(_ name: String) throws -> String {
        for folder in ["/bin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("\(name) is not installed")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": directory.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    func testBashScriptParses() throws {
        let bash = try shell("bash")
        let result = try run(bash, ["-n", try script("bash").path])
        XCTAssertEqual(result.status, 0, result.errors)
    }

    /// Sources the script in bash and calls the completion function the way bash would, with
    /// COMP_WORDS and COMP_CWORD set; each case prints its COMPREPLY on one line.
    func testBashCompletesCommandsOptionsTemplatesAndRules() throws {
        let bash = try shell("bash")
        let file = try script("bash")
        let cases: [[String]] = [
            ["grouparoo-gen", "gen"],
            ["grouparoo-gen", "generate", "postgres:t"],
            ["grouparoo-gen", "generate", "postgres", ":", "t"],
            ["grouparoo-gen", "validate", "--format", ""],
            ["grouparoo-gen", "validate", "--disable", "duplicate-i"],
            ["grouparoo-gen", "rules", "dependency-c"],
            ["grouparoo-gen", "graph", "--fo"],
            ["grouparoo-gen", "graph", "--format", "m"],
            ["grouparoo-gen", "generate", "-p", "wh", "apik"],
            ["grouparoo-gen", "generate", "apikey", ""],
            ["grouparoo-gen", "completion", ""],
            ["grouparoo-gen", ""],
        ]
        var lines = ["source \(file.path) || exit 3", "complete -p grouparoo-gen"]
        for words in cases {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            lines.append("COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _grouparoo_gen; echo \"${COMPREPLY[*]}\"")
        }
        let driver = directory.appendingPathComponent("drive.sh")
        try lines.joined(separator: "\n").write(to: driver, atomically: true, encoding: .utf8)
        let result = try run(bash, [driver.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.errors, "")
        let output = result.output.components(separatedBy: "\n")
        XCTAssertEqual(output.first, "complete -F _grouparoo_gen grouparoo-gen")
        let replies = Array(output.dropFirst().prefix(cases.count)).map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(replies.count, cases.count, result.output)
        guard replies.count == cases.count else { return }
        XCTAssertEqual(replies[0], ["generate"])
        XCTAssertTrue(replies[1].contains("postgres:table:source"), "\(replies[1])")
        XCTAssertTrue(replies[1].allSatisfy { $0.hasPrefix("postgres:t") })
        XCTAssertTrue(replies[2].contains("table:source"), "bash split at ':' keeps `postgres:`, so only the rest is offered")
        XCTAssertEqual(replies[3], ["text", "json", "github", "sarif"])
        XCTAssertEqual(replies[4], ["duplicate-id"])
        XCTAssertEqual(replies[5], ["dependency-cycle"])
        XCTAssertEqual(replies[6], ["--format"])
        XCTAssertEqual(replies[7], ["mermaid"])
        XCTAssertEqual(replies[8], ["apikey"], "option values are not counted as positionals")
        XCTAssertEqual(replies[9], [], "an id is free text")
        XCTAssertEqual(replies[10], ["bash", "zsh", "fish"])
        XCTAssertEqual(Set(replies[11]), Set(CommandRouter.commands.map(\.spec.name) + ["help", "--help", "--version"]))
    }

    func testScriptsNameEveryCommandAndOption() throws {
        let scripts = try ["bash", "zsh", "fish"].map { try String(contentsOf: script($0), encoding: .utf8) }
        for command in CommandRouter.commands {
            for script in scripts {
                XCTAssertTrue(script.contains(command.spec.name), command.spec.name)
            }
            for option in command.spec.options {
                let long = option.names.last!
                XCTAssertTrue(scripts[0].contains(long), "bash: \(command.spec.name) \(long)")
                XCTAssertTrue(scripts[1].contains(long), "zsh: \(command.spec.name) \(long)")
                XCTAssertTrue(scripts[2].contains("-l \(long.dropFirst(2))"), "fish: \(command.spec.name) \(long)")
            }
        }
        XCTAssertTrue(scripts.allSatisfy { $0.contains("postgres:table:source") && $0.contains("duplicate-id") })
    }

    func testZshScriptParses() throws {
        let zsh = try shell("zsh")
        let file = try script("zsh")
        let syntax = try run(zsh, ["-n", file.path])
        XCTAssertEqual(syntax.status, 0, syntax.errors)
        // Loaded after compinit, it registers its function for the command.
        let loaded = try run(zsh, ["-f", "-c", "autoload -U compinit; compinit -u -D; source \(file.path); print -r -- $_comps[grouparoo-gen]"])
        XCTAssertEqual(loaded.output, "_grouparoo_gen\n", loaded.errors)
    }

    func testFishScriptParsesAndCompletes() throws {
        let fish = try shell("fish")
        let file = try script("fish")
        let syntax = try run(fish, ["-n", file.path])
        XCTAssertEqual(syntax.status, 0, syntax.errors)
        let completed = try run(fish, ["-c", "source \(file.path); complete -C 'grouparoo-gen generate postgres:t'"])
        XCTAssertTrue(completed.output.split(separator: "\n").contains("postgres:table:source"), completed.output + completed.errors)
    }

    func testUnknownShellIsAUsageError() {
        let run = runCLI(["completion", "powershell"], in: directory.path)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("use bash, zsh or fish"))
        XCTAssertEqual(runCLI(["completion"], in: directory.path).status, 2)
    }

    /// Completion kinds are the declarations' own: choices from the enum, rules, paths, free text.
    func testValueKindsComeFromTheDeclarations() {
        func kind(_ command: String, _ long: String) -> CompletionValue? {
            let spec = CommandRouter.command(named: command)!.spec
            return CompletionModel.command(from: spec).options.first { $0.names.contains(long) }!.value
        }
        XCTAssertEqual(kind("graph", "--format"), .choices(GraphFormat.allCases.map(\.rawValue)))
        XCTAssertEqual(kind("validate", "--format"), .choices(["text", "json", "github", "sarif"]))
        XCTAssertEqual(kind("generate", "--permission"), CompletionValue.none)
        XCTAssertEqual(kind("generate", "--sync-mode"), .choices(["sync", "additive", "enrich"]))
        XCTAssertEqual(kind("validate", "--disable"), .rules)
        XCTAssertEqual(kind("dump", "--env-file"), .files)
        XCTAssertEqual(kind("generate", "--config-dir"), .directories)
        XCTAssertNil(kind("validate", "--strict"), "a flag takes no value")
        let generate = CompletionModel.command(from: GenerateCommand.spec)
        XCTAssertEqual(generate.positionals, [.templates])
        XCTAssertEqual(generate.laterPositionals, CompletionValue.none)
        XCTAssertEqual(CompletionModel.command(from: ValidateCommand.spec).laterPositionals, .paths)
        XCTAssertFalse(CompletionModel.isShellSafe("a b"))
        XCTAssertFalse(CompletionModel.isShellSafe("$(x)"))
    }
}
