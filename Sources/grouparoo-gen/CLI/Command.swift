import Foundation

/// What a command may touch: its environment, working directory and output streams.
/// Tests pass closures that capture output instead of writing to the terminal.
struct CommandContext {
    var environment: [String: String]
    var currentDirectory: String
    var write: (String) -> Void
    var writeError: (String) -> Void
    /// Whether standard error is a terminal (colours are used only then, and never with NO_COLOR).
    var errorIsTerminal: Bool

    static func live() -> CommandContext {
        CommandContext(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// Resolves a user-given path against the working directory.
    func absolutePath(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}

/// Exit codes shared by every command.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

/// A subcommand: its spec (for parsing and help) and what it does.
protocol Command {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32
}

extension Command {
    /// Parses, handles `--help` and usage errors, then runs.
    static func main(_ arguments: [String], context: CommandContext) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(arguments, spec: spec)
        } catch {
            context.writeError("error: \(error.message)\nRun 'grouparoo-gen \(spec.name) --help' for usage.\n")
            return ExitCode.usage
        }
        if parsed.wantsHelp {
            context.write(spec.helpText)
            return ExitCode.success
        }
        return run(parsed, context: context)
    }

    static func usageError(_ message: String, context: CommandContext) -> Int32 {
        context.writeError("error: \(message)\nRun 'grouparoo-gen \(spec.name) --help' for usage.\n")
        return ExitCode.usage
    }
}
