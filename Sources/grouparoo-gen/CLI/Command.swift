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

    /// Built from the C library directly: ProcessInfo, FileManager and FileHandle cost more at
    /// start-up than a `--version` run does in total.
    static func live() -> CommandContext {
        CommandContext(
            environment: processEnvironment(),
            currentDirectory: workingDirectory(),
            write: { text in writeAll(text, to: STDOUT_FILENO) },
            writeError: { text in writeAll(text, to: STDERR_FILENO) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// `environ` as a dictionary; the first of duplicate names wins, and a name ends at the first `=` byte, as with
    /// getenv (a search by `Character` cost thousands of instructions a variable).
    static func processEnvironment() -> [String: String] {
        var values: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            if let equals = strchr(pointer, Int32(UInt8(ascii: "="))) {
                let name = String(decoding: UnsafeRawBufferPointer(start: pointer, count: equals - pointer), as: UTF8.self)
                if values[name] == nil { values[name] = String(cString: equals + 1) }
            }
            entry += 1
        }
        return values
    }

    private static func workingDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "." }
        defer { free(pointer) }
        return String(cString: pointer)
    }


    /// Resolves a user-given path against the working directory.
    func absolutePath(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}

/// Writes all of `text` to a file descriptor, retrying after interrupted and partial writes.
/// (At file scope so `write` is the C function, not `CommandContext.write`.)
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
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
