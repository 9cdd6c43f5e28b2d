import ConfigModel
import Foundation

/// `grouparoo-gen dump`: prints what each config file evaluates to, as JSON, so our reading
/// can be diffed against Node's.
enum DumpCommand: Command {
    struct Options: OptionGroup {
        let reader = ReaderOptionGroup()
        let byFile = Flag("--by-file", help: "Group the objects by file: [{\"file\": …, \"objects\": […]}].")
        let showSecrets = Flag("--show-secrets", help: "Print secret values (password, token, apiKey, … options) as they are; "
            + "by default each of their characters is printed as *.")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "dump",
        abstract: "Print the config objects a config directory (or file) evaluates to, as JSON.",
        usage: ["dump [PATH] \(option.reader.envFile.usage) \(option.reader.evaluator.usage) \(option.byFile.usage) \(option.showSecrets.usage)"],
        arguments: [ArgumentSpec(name: "PATH", help: "A config directory or one file (default: $GROUPAROO_CONFIG_DIR, else ./config).")],
        options: Options.specs,
        examples: [
            CommandExample("dump examples/postgres-mailchimp/config", "Print every object in a config directory"),
            CommandExample("dump config/apps/data_warehouse.js --env-file .env", "Read one file with variables from .env"),
            CommandExample("dump config --evaluator node", "Let Node evaluate files that call unknown code"),
        ],
        discussion: "The output is each file's top-level list as Node's require plus Grouparoo's unwrap/call/wrap give it, "
            + "before empty and null entries are dropped (JSON.stringify of it; one list for all files). "
            + "Secrets (strings under keys such as password, token or apiKey) are masked with * unless --show-secrets. "
            + "Problems are printed to standard error as file:line:col: severity: message.")

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            return usageError("expected at most one PATH, got \(arguments.positionals.count)", context: context)
        }
        let evaluator = arguments[option.reader.evaluator] ?? .static
        let environment: [String: String]
        switch ReaderSetup.environment(envFile: arguments[option.reader.envFile], context: context) {
        case .success(let values): environment = values
        case .failure(let message):
            context.writeError("error: \(message)\n")
            return ExitCode.usage
        }
        let path: String
        do {
            path = context.absolutePath(try arguments.positionals.first ?? ReaderSetup.defaultConfigDirectory(context))
        } catch {
            return usageError(FileErrorDescription.describe(error), context: context)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            context.writeError("error: \(ControlCharacters.escaped(path)): no such file or directory\n")
            return ExitCode.usage
        }
        let reader = ConfigReader(options: ReaderOptions(environment: environment, evaluator: evaluator))
        let files = isDirectory.boolValue ? reader.readDirectory(at: path).files : [reader.readFile(at: path)]
        let root = isDirectory.boolValue ? path : URL(fileURLWithPath: path).deletingLastPathComponent().path
        var output = ChunkedOutput(context.write)
        stream(files, byFile: arguments[option.byFile], showSecrets: arguments[option.showSecrets], root: root) { output.append($0) }
        output.append("\n")
        output.flush()
        let diagnostics = files.flatMap(\.diagnostics)
        let printer = DiagnosticPrinter(context: context, relativeTo: context.currentDirectory)
        printer.print(diagnostics)
        return diagnostics.contains { $0.severity == .error } ? ExitCode.failure : ExitCode.success
    }

    /// Writes the JSON file by file, so output never waits for (or holds) one big string.
    private static func stream(_ files: [FileReadResult], byFile: Bool, showSecrets: Bool, root: String, to sink: (String) -> Void) {
        func shown(_ value: LocatedValue) -> LocatedValue { showSecrets ? value : SecretValues.masked(value) }
        guard byFile else {
            return JSONOutput.streamArray(files.flatMap { $0.evaluated.map { shown($0).value } }, indent: 2, to: sink)
        }
        let span = SourceSpan.wholeFile("")
        let entries = files.map { file -> JSValue in
            var entry = JSObject()
            let relative = file.path.hasPrefix(root + "/") ? String(file.path.dropFirst(root.count + 1)) : file.path
            entry.set("file", LocatedValue(.string(relative), span: span))
            entry.set("objects", LocatedValue(.array(file.evaluated.map(shown)), span: span))
            return .object(entry)
        }
        JSONOutput.streamArray(entries, indent: 2, to: sink)
    }
}
