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

/// Everything the completion scripts offer, read from the registered commands' specs (their option
/// and argument declarations), the generator catalog and the rule catalog, so a new command,
/// option, template or rule is completed without touching the scripts.
struct CompletionModel {
    let commands: [CommandCompletion]
    let templates: [String]
    let rules: [String]

    static func current() -> CompletionModel {
        CompletionModel(
            commands: CommandRouter.commands.map { command(from: $0.spec) },
            templates: GeneratorCatalog.all.map(\.name).filter(isShellSafe),
            rules: KnownRules.all.map(\.identifier).filter(isShellSafe))
    }

    static func command(from spec: CommandSpec) -> CommandCompletion {
        let options = spec.allOptions.map { option in
            OptionCompletion(names: option.names, value: option.takesValue ? option.completion : nil,
                             help: option.help, repeatable: option.repeatable)
        }
        // Arguments that are all config paths take any number of paths; otherwise each has its place
        // (free text at the end needs no place: nothing is offered there anyway).
        var kinds = spec.arguments.map(\.completion)
        while kinds.last == CompletionValue.none { kinds.removeLast() }
        let (positionals, later): ([CompletionValue], CompletionValue) =
            kinds.allSatisfy { $0 == .paths } ? ([], .paths) : (kinds, .none)
        return CommandCompletion(name: spec.name, abstract: spec.abstract, options: options,
                                 positionals: positionals, laterPositionals: later)
    }

    /// Names are pasted into shell scripts as words; anything but plain name characters is left out
    /// rather than risk quoting mistakes (every current template and rule name passes).
    static func isShellSafe(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ":._-".unicodeScalars.contains(scalar))
        }
    }
}
