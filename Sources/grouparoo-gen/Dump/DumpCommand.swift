import ConfigModel
import Foundation

/// `grouparoo-gen dump`: prints what each config file evaluates to, as JSON, so our reading
/// can be diffed against Node's.
enum DumpCommand: Command {
    static let spec = CommandSpec(
        name: "dump",
        abstract: "Print the config objects a config directory (or file) evaluates to, as JSON.",
        usage: ["dump [PATH] [--env-file FILE] [--evaluator static|node] [--by-file]"],
        arguments: [ArgumentSpec(name: "PATH", help: "A config directory or one file (default: $GROUPAROO_CONFIG_DIR, else ./config).")],
        options: [
            .value("--env-file", valueName: "file", help: "Read environment variables from a dotenv file (they override the real environment)."),
            .value("--evaluator", valueName: "static|node", help: "static (default) never runs code; node runs files we cannot evaluate statically in Node."),
            .flag("--by-file", help: "Group the objects by file: [{\"file\": …, \"objects\": […]}]."),
        ],
        examples: [
            ("dump examples/postgres-mailchimp/config", "Print every object in a config directory"),
            ("dump config/apps/warehouse.js --env-file .env", "Read one file with variables from .env"),
            ("dump config --evaluator node", "Let Node evaluate files that call unknown code"),
        ],
        discussion: "The output is each file's top-level list as Node's require plus Grouparoo's unwrap/call/wrap give it, "
            + "before empty and null entries are dropped (JSON.stringify of it; one list for all files). "
            + "Problems are printed to standard error as file:line:col: severity: message.")

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            return usageError("expected at most one PATH, got \(arguments.positionals.count)", context: context)
        }
        let evaluatorName = arguments.value("evaluator") ?? "static"
        guard let evaluator = EvaluatorKind(rawValue: evaluatorName) else {
            return usageError("unknown evaluator '\(evaluatorName)'; use 'static' or 'node'", context: context)
        }
        let environment: [String: String]
        switch ReaderSetup.environment(envFile: arguments.value("env-file"), context: context) {
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
        context.write(render(files, byFile: arguments.flag("by-file"), root: root) + "\n")
        let diagnostics = files.flatMap(\.diagnostics)
        let printer = DiagnosticPrinter(context: context, relativeTo: context.currentDirectory)
        printer.print(diagnostics)
        return diagnostics.contains { $0.severity == .error } ? ExitCode.failure : ExitCode.success
    }

    private static func render(_ files: [FileReadResult], byFile: Bool, root: String) -> String {
        let span = SourceSpan.wholeFile("")
        guard byFile else {
            return JSONOutput.stringify(.array(files.flatMap(\.evaluated)), indent: 2) ?? "[]"
        }
        let entries = files.map { file -> LocatedValue in
            var entry = JSObject()
            let relative = file.path.hasPrefix(root + "/") ? String(file.path.dropFirst(root.count + 1)) : file.path
            entry.set("file", LocatedValue(.string(relative), span: span))
            entry.set("objects", LocatedValue(.array(file.evaluated), span: span))
            return LocatedValue(.object(entry), span: span)
        }
        return JSONOutput.stringify(.array(entries), indent: 2) ?? "[]"
    }
}
