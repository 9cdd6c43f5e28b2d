/// Chooses the subcommand from the first argument and prints the top-level help.
enum CommandRouter {
    static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    static var commands: [CommandEntry] { [
        CommandEntry("dump", DumpCommand.self),
        CommandEntry("generate", GenerateCommand.self),
        CommandEntry("validate", ValidateCommand.self),
        CommandEntry("rules", RulesCommand.self),
        CommandEntry("graph", GraphCommand.self),
        CommandEntry("completion", CompletionCommand.self),
        CommandEntry("init", InitCommand.self),
        CommandEntry("schema", SchemaCommand.self),
        CommandEntry("lsp", LSPCommand.self),
        CommandEntry("import", ImportCommand.self),
        CommandEntry("diff", DiffCommand.self),
    ] }

    static func main(_ arguments: [String], context: CommandContext) -> Int32 {
        guard let first = arguments.first else {
            context.writeError(helpText)
            return ExitCode.usage
        }
        switch first {
        case "-h", "--help", "help":
            if arguments.count > 1, let command = command(named: arguments[1]) {
                context.write(command.spec.helpText)
            } else {
                context.write(helpText)
            }
            return ExitCode.success
        case "--version":
            context.write("grouparoo-gen \(version) (commit \(BuildCommit.hash))\n")
            return ExitCode.success
        default:
            guard let command = command(named: first) else {
                let names = commands.map(\.name)
                let close = ArgumentParser.closestMatches(to: first, in: names, limit: 1)
                let hint = close.first.map { " (did you mean '\($0)'?)" } ?? ""
                context.writeError("error: unknown command '\(first)'\(hint)\nRun 'grouparoo-gen --help' to see the commands.\n")
                return ExitCode.usage
            }
            return command.run(Array(arguments.dropFirst()), context)
        }
    }

    static func command(named name: String) -> CommandEntry? {
        commands.first { $0.name == name }
    }

    static var helpText: String {
        var lines = [
            "OVERVIEW: Write and check Grouparoo code-config offline, without running it.",
            "",
            "USAGE: grouparoo-gen <command> [options]",
            "",
            "COMMANDS:",
        ]
        let width = (commands.map(\.name.count).max() ?? 0) + 4
        for command in commands {
            lines.append("  " + command.name.padding(toWidth: width) + command.spec.abstract)
        }
        lines += [
            "",
            "Run 'grouparoo-gen <command> --help' for a command's options and examples.",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}

/// A command's name, spec and entry point, captured generically (calling through an
/// existential metatype crashes the Swift 6.3 compiler).
struct CommandEntry {
    /// The spec's name (HelpTests checks that they agree), kept apart so that finding the command
    /// to run builds no spec but its own: building them all costs more than a `--version` run.
    let name: String
    private let makeSpec: () -> CommandSpec
    let run: ([String], CommandContext) -> Int32

    var spec: CommandSpec { makeSpec() }

    init<C: Command>(_ name: String, _ command: C.Type) {
        self.name = name
        makeSpec = { C.spec }
        run = { arguments, context in C.main(arguments, context: context) }
    }
}
