import ConfigModel

/// `grouparoo-gen rules`: the table of every rule `validate` can report, or one rule in full
/// with its triggering and non-triggering examples.
/// The output formats of `rules`.
enum RuleListFormat: String, CaseIterable {
    case text, json
}

enum RulesCommand: Command {
    struct Options: OptionGroup {
        let format = Option<RuleListFormat>("--format", help: "Output format (default: text).")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "rules",
        abstract: "List the rules validate checks, or show one rule with its examples.",
        usage: ["rules [RULE] \(option.format.usage)"],
        arguments: [ArgumentSpec(name: "RULE", help: "A rule id, e.g. duplicate-id: show its description and examples.", completion: .rules)],
        options: Options.specs,
        examples: [
            CommandExample("rules", "List every rule with its severity and whether it is on by default"),
            CommandExample("rules duplicate-id", "Show what duplicate-id checks, with examples"),
            CommandExample("rules --format json", "The rule list as JSON, for tools"),
        ],
        discussion: "Turn rules off or on with 'validate --disable RULE' / '--enable RULE', or in .grouparoo-gen.json.")

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            return usageError("expected at most one RULE, got \(arguments.positionals.count)", context: context)
        }
        let format = arguments[option.format] ?? .text
        guard let identifier = arguments.positionals.first else {
            context.write(format == .json ? RuleListing.json(KnownRules.all) : RuleListing.table(KnownRules.all))
            return ExitCode.success
        }
        guard let rule = KnownRules.description(identifier) else {
            return usageError(KnownRules.unknownRuleMessage(identifier, source: "the RULE argument"), context: context)
        }
        context.write(format == .json ? RuleListing.json([rule]) : RuleListing.detail(rule))
        return ExitCode.success
    }
}

/// The texts `rules` prints.
enum RuleListing {
    static func table(_ rules: [RuleDescription]) -> String {
        let header = ["RULE", "SEVERITY", "DEFAULT", "SUMMARY"]
        let rows = rules.map { [$0.identifier, $0.severity.rawValue, $0.enabledByDefault ? "on" : "off", $0.summary] }
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            (0..<3).map { row[$0].padding(toWidth: widths[$0] + 2) }.joined() + row[3]
        }
        let enabledCount = rules.count { $0.enabledByDefault }
        return lines.joined(separator: "\n")
            + "\n\n\(rules.count) rules, \(enabledCount) on by default. Run 'grouparoo-gen rules RULE' for one rule's examples.\n"
    }

    static func detail(_ rule: RuleDescription) -> String {
        var lines = [
            rule.identifier,
            "",
            "  \(rule.summary)",
            "",
            "  Severity:           \(rule.severity.rawValue)",
            "  On by default:      \(rule.enabledByDefault ? "yes" : "no (turn on with --enable \(rule.identifier))")",
            "  Grouparoo rules:    \(rule.grouparooRules.isEmpty ? "none (goes beyond Grouparoo's own checks)" : rule.grouparooRules.joined(separator: ", "))",
            "  Turn off:           --disable \(rule.identifier), or \"disable\": [\"\(rule.identifier)\"] in .grouparoo-gen.json",
        ]
        if rule.runModes != RunMode.allCases {
            let modes = RunMode.allCases.filter(rule.runModes.contains).map { "--mode \($0.rawValue)" }
            lines.insert("  Runs only with:     \(modes.joined(separator: ", "))", at: lines.count - 1)
        }
        lines += examples("Triggers on", rule.triggeringExamples)
        lines += examples("Does not trigger on", rule.nonTriggeringExamples)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func examples(_ title: String, _ examples: [RuleExample]) -> [String] {
        guard !examples.isEmpty else { return [] }
        var lines = ["", "\(title):"]
        for (number, example) in examples.enumerated() {
            lines.append("")
            lines.append("  Example \(number + 1):")
            for path in example.files.keys.sorted() {
                lines.append("  // \(path)")
                let body = example.files[path]!.split(separator: "\n", omittingEmptySubsequences: false)
                lines += body.dropLast(body.last == "" ? 1 : 0).map { "  \($0)" }
            }
        }
        return lines
    }

    static func json(_ rules: [RuleDescription]) -> String {
        OrderedJSON.array(rules.map { rule in
            .object([
                ("id", .string(rule.identifier)),
                ("severity", .string(rule.severity.rawValue)),
                ("enabled_by_default", .bool(rule.enabledByDefault)),
                ("summary", .string(rule.summary)),
                ("grouparoo_rules", .array(rule.grouparooRules.map { .string($0) })),
                ("triggering_examples", .array(rule.triggeringExamples.map(exampleJSON))),
                ("non_triggering_examples", .array(rule.nonTriggeringExamples.map(exampleJSON))),
            ])
        }).rendered() + "\n"
    }

    private static func exampleJSON(_ example: RuleExample) -> OrderedJSON {
        .object(example.files.keys.sorted().map { ($0, OrderedJSON.string(example.files[$0]!)) })
    }
}
