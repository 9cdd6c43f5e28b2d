/// Declarative description of a subcommand: what it accepts and how its help reads.
struct OptionSpec {
    /// Spellings, e.g. `["-p", "--parent"]`. The last one names the option in `ParsedArguments`.
    let names: [String]
    /// Placeholder for the value (`<id>`); nil for a flag.
    let valueName: String?
    let help: String
    var repeatable = false

    var key: String { String(names.last!.drop(while: { $0 == "-" })) }
    var takesValue: Bool { valueName != nil }

    static func flag(_ names: String..., help: String) -> OptionSpec {
        OptionSpec(names: names, valueName: nil, help: help)
    }

    static func value(_ names: String..., valueName: String, help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(names: names, valueName: valueName, help: help, repeatable: repeatable)
    }
}

struct ArgumentSpec {
    let name: String
    let help: String
}

struct CommandSpec {
    let name: String
    let abstract: String
    let usage: [String]
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    var examples: [(command: String, explanation: String)] = []
    var discussion: String?

    static let helpOption = OptionSpec.flag("-h", "--help", help: "Show help for this command.")

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
        lines += CommandSpec.columns(allOptions.map { option in
            var left = option.names.joined(separator: ", ")
            if let valueName = option.valueName { left += " <\(valueName)>" }
            return (left, option.help + (option.repeatable ? " (repeatable)" : ""))
        })
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

extension String {
    func padding(toWidth width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
