/// A positional argument: its name in usage and help, and what completes it.
struct ArgumentSpec {
    let name: String
    let help: String
    /// Config paths by default; templates, rule ids and so on where the argument is one.
    var completion: CompletionValue = .paths
}

/// One `--help` example, run by the tests: the command line after `grouparoo-gen` (anything after
/// ` | ` or ` > ` is shell plumbing, shown but not run) and the exit code it ends with.
struct CommandExample {
    let command: String
    let explanation: String
    var exitCode: Int32 = ExitCode.success
    /// Needs a running Grouparoo: the tests only check that the command line parses.
    var needsInstance = false

    init(_ command: String, _ explanation: String, exits exitCode: Int32 = ExitCode.success, needsInstance: Bool = false) {
        self.command = command
        self.explanation = explanation
        self.exitCode = exitCode
        self.needsInstance = needsInstance
    }
}

/// Declarative description of a subcommand: what it accepts and how its help reads.
struct CommandSpec {
    let name: String
    let abstract: String
    let usage: [String]
    var arguments: [ArgumentSpec] = []
    /// From the command's `OptionGroup` (`Options.specs`).
    var options: [OptionSpec] = []
    var examples: [CommandExample] = []
    var discussion: String?

    static let helpOption = Flag("-h", "--help", help: "Show help for this command.").spec

    var allOptions: [OptionSpec] { options + [CommandSpec.helpOption] }

    func option(named spelling: String) -> OptionSpec? {
        allOptions.first { $0.names.contains(spelling) }
    }

    /// Help text in the style of swift-argument-parser: overview, usage, arguments, options, examples.
    var helpText: String {
        var lines = ["OVERVIEW: \(abstract)", ""]
        if let discussion { lines += [discussion, ""] }
        lines.append("USAGE: " + usage.map { "grouparoo-gen \($0)" }.joined(separator: "\n       "))
        if !arguments.isEmpty {
            lines += ["", "ARGUMENTS:"]
            lines += CommandSpec.columns(arguments.map { ($0.name, $0.help) })
        }
        lines += ["", "OPTIONS:"]
        lines += CommandSpec.columns(allOptions.map { ($0.names.joined(separator: ", ") + $0.valuePlaceholder, $0.helpWithRepeat) })
        if !examples.isEmpty {
            lines += ["", "EXAMPLES:"]
            for example in examples {
                lines.append("  \(example.explanation):")
                lines.append("    grouparoo-gen \(example.command)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func columns(_ rows: [(String, String)]) -> [String] {
        let width = min(34, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let padded = left.count >= width ? left + "\n  " + String(repeating: " ", count: width) : left.padding(toWidth: width)
            return "  " + padded + right
        }
    }
}

extension OptionSpec {
    /// ` <column>` after the spellings; empty for a flag.
    var valuePlaceholder: String { valueName.map { " <\($0)>" } ?? "" }
    var helpWithRepeat: String { help + (repeatable ? " (repeatable)" : "") }
}

extension OptionDeclaration {
    /// The long spelling, for messages: `--format`.
    var name: String { spec.longName }

    /// How the option reads in a usage line: `[--format <text|json>]`, `[--disable <rule>]...`.
    var usage: String { "[\(name)\(spec.valuePlaceholder)]" + (spec.repeatable ? "..." : "") }
}

extension String {
    func padding(toWidth width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
