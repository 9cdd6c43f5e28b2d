/// `grouparoo-gen completion bash|zsh|fish`: prints a shell completion script for the commands,
/// options, template names and rule ids this binary knows.
/// The shells `completion` writes scripts for.
enum Shell: String, CaseIterable {
    case bash, zsh, fish

    static var names: [String] { allCases.map(\.rawValue) }
}

enum CompletionCommand: Command {
    static let spec = CommandSpec(
        name: "completion",
        abstract: "Print a completion script for bash, zsh or fish (commands, options, templates, rules).",
        usage: ["completion \(Shell.names.joined(separator: "|"))"],
        arguments: [ArgumentSpec(name: "SHELL", help: "bash, zsh or fish.", completion: .choices(Shell.names))],
        examples: [
            CommandExample("completion bash > ~/.local/share/bash-completion/completions/grouparoo-gen",
                           "Install for bash (or: source <(grouparoo-gen completion bash))"),
            CommandExample("completion zsh > \"${fpath[1]}/_grouparoo-gen\"", "Install for zsh"),
            CommandExample("completion fish > ~/.config/fish/completions/grouparoo-gen.fish", "Install for fish"),
        ],
        discussion: """
            The script completes subcommands, each command's options, the values of options with a
            fixed set of choices (--format, --evaluator, ...), rule ids after --disable, --enable and
            'rules', template names after 'generate', and file names where a path is expected.
            It is generated from this binary, so print it again after upgrading.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count == 1, let name = arguments.positionals.first else {
            return usageError("expected one SHELL: bash, zsh or fish", context: context)
        }
        guard let shell = Shell(rawValue: name) else {
            return usageError("unknown shell '\(name)'; use bash, zsh or fish", context: context)
        }
        let model = CompletionModel.current()
        switch shell {
        case .bash: context.write(BashCompletion.script(model))
        case .zsh: context.write(ZshCompletion.script(model))
        case .fish: context.write(FishCompletion.script(model))
        }
        return ExitCode.success
    }
}
