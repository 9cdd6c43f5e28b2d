/// What a value can be completed with, independent of the shell.
enum CompletionValue: Equatable {
    /// Free text (an id, a column, …): nothing to offer.
    case none
    case choices([String])
    case files
    case directories
    /// A file or a directory (config paths).
    case paths
    case rules
    case templates
    case shells
}

struct OptionCompletion {
    /// Every spelling, e.g. `["-p", "--parent"]`.
    let names: [String]
    /// What follows the option; nil for a flag.
    let value: CompletionValue?
    let help: String
    let repeatable: Bool

    var longNames: [String] { names.filter { $0.hasPrefix("--") } }
    var shortNames: [String] { names.filter { !$0.hasPrefix("--") } }
}

struct CommandCompletion {
    let name: String
    let abstract: String
    let options: [OptionCompletion]
    /// What the first, second, … positional argument is.
    let positionals: [CompletionValue]
    /// What any later positional argument is.
    let laterPositionals: CompletionValue

    func positional(at index: Int) -> CompletionValue {
        index < positionals.count ? positionals[index] : laterPositionals
    }

    var valueOptions: [OptionCompletion] { options.filter { $0.value != nil } }
}

/// Everything the completion scripts offer, read from the registered commands' specs, the generator
/// catalog and the rule catalog, so a new command, option, template or rule is completed without
/// touching the scripts.
struct CompletionModel {
    let commands: [CommandCompletion]
    let templates: [String]
    let rules: [String]
    static let shells = ["bash", "zsh", "fish"]

    static func current() -> CompletionModel {
        CompletionModel(
            commands: CommandRouter.commands.map { command(from: $0.spec) },
            templates: GeneratorCatalog.all.map(\.name).filter(isShellSafe),
            rules: KnownRules.all.map(\.identifier).filter(isShellSafe))
    }

    static func command(from spec: CommandSpec) -> CommandCompletion {
        let options = spec.allOptions.map { option in
            OptionCompletion(names: option.names, value: option.valueName.map { valueKind(key: option.key, valueName: $0) },
                             help: option.help, repeatable: option.repeatable)
        }
        let (positionals, later) = positionalKinds(spec.name)
        return CommandCompletion(name: spec.name, abstract: spec.abstract, options: options,
                                 positionals: positionals, laterPositionals: later)
    }

    /// Option values by what the option is for; a value placeholder like `text|json` lists its choices.
    static func valueKind(key: String, valueName: String) -> CompletionValue {
        if let known = knownValues[key] { return known }
        if valueName.contains("|"), !valueName.contains(":") {
            return .choices(valueName.split(separator: "|").map(String.init))
        }
        switch valueName {
        case "file": return .files
        case "dir", "directory": return .directories
        default: return .none
        }
    }

    /// Options whose values the placeholder does not spell out.
    private static let knownValues: [String: CompletionValue] = [
        "disable": .rules,
        "enable": .rules,
        "sync-mode": .choices(["sync", "additive", "enrich"]),
        "plugin-name": .choices(["core", "interface", "telemetry"]),
    ]

    /// Commands whose arguments are not config paths; any other command (including new ones) gets paths.
    private static func positionalKinds(_ command: String) -> ([CompletionValue], CompletionValue) {
        switch command {
        case "generate": return ([.templates], .none)
        case "rules": return ([.rules], .none)
        case "completion": return ([.shells], .none)
        default: return ([], .paths)
        }
    }

    /// Names are pasted into shell scripts as words; anything but plain name characters is left out
    /// rather than risk quoting mistakes (every current template and rule name passes).
    static func isShellSafe(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ":._-".unicodeScalars.contains(scalar))
        }
    }
}
