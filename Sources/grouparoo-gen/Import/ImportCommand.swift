import ConfigModel
import Foundation

/// `grouparoo-gen import`: reads a live instance over its REST API and writes its objects as config.
enum ImportCommand: Command {
    struct Options: OptionGroup {
        let remote = RemoteOptionGroup()
        let configDir = Option<String>("--config-dir", valueName: "dir", help: "Where to write (default: $GROUPAROO_CONFIG_DIR, else ./config).",
                                       completion: .directories)
        let only = Option<[RemoteClass]>("--only", valueName: "class,…",
                                         help: "Import only these classes: \(RemoteClass.importable.map(\.rawValue).joined(separator: ", ")).",
                                         expected: "classes from \(RemoteClass.importable.map(\.rawValue).joined(separator: ", "))",
                                         completion: .choices(RemoteClass.importable.map(\.rawValue)), repeatable: true) { text in
            let names = text.split(separator: ",").map(String.init)
            let classes = names.compactMap(RemoteClass.named)
            return classes.count == names.count ? classes : nil
        }
        let includeLocked = Flag("--include-locked", help: "Also import objects locked by code config (locked \"config:code\").")
        let format = Option<ImportFormat>("--format", help: "js (default): commented JavaScript; json: Grouparoo's config-writer layout.")
        let dryRun = Flag("--dry-run", help: "Print what would be written; write nothing.")
        let overwrite = Flag("--overwrite", help: "Replace files of objects that already exist (when the file holds nothing else).")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "import",
        abstract: "Write the apps, sources, properties, groups … of a running Grouparoo into config files.",
        usage: ["import [--host URL] [--config-dir DIR] [--only CLASS,…] [--include-locked] [--format js|json] [--dry-run] [--overwrite] [--api-key-env NAME]"],
        options: Options.specs,
        examples: [
            CommandExample("import --host http://localhost:3000", "Import everything the API key may read into ./config", needsInstance: true),
            CommandExample("import --only app,source,property --dry-run", "See which files apps, sources and properties would become",
                           needsInstance: true),
        ],
        discussion: """
            The API key is read from $GROUPAROO_API_KEY (or the variable --api-key-env names) and sent
            as `Authorization: Bearer`. It needs read permission for the topics of the imported classes
            (model, app, source, property, group, destination, apiKey, team, system).

            Secrets never reach the files: secret app options (which Grouparoo shows as
            "__ObfuscatedOption"), password and token options, api key values and team member passwords
            become process.env.NAME references (NAME = <ID>_<KEY>, upper-cased), listed in
            .env.example next to the config directory. Objects that already exist in the config
            directory are left alone. The result is validated before anything is written.

            Exit codes: 0 imported; 1 the instance refused or failed, or the result would not
            validate (nothing is written); 2 usage error.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.isEmpty else {
            return usageError("import takes no arguments (got \(arguments.positionals.count)); use \(option.configDir.name) DIR", context: context)
        }
        let only = Set(arguments.all(option.only).flatMap { $0 })
        guard let host = RemoteOptions.host(arguments, option.remote, context: context) else {
            return usageError("no instance: pass \(option.remote.host.name) URL or set $GROUPAROO_HOST", context: context)
        }
        let client: GrouparooClient
        switch RemoteOptions.client(arguments, option.remote, host: host, context: context) {
        case .success(let made): client = made
        case .failure(let problem): return usageError(problem.message, context: context)
        }
        var directory = arguments[option.configDir] ?? ""
        if directory.isEmpty {
            do { directory = try ReaderSetup.defaultConfigDirectory(context) } catch { return usageError(error.message, context: context) }
        }
        directory = context.absolutePath(directory)

        let snapshot: InstanceSnapshot
        switch RemoteOptions.read(InstanceReader.listsNeeded(for: only), from: client, context: context) {
        case .success(let read): snapshot = read
        case .failure(let failure):
            context.writeError("error: \(failure.message)\nimport: nothing written\n")
            return ExitCode.failure
        }
        let converted = ImportConversion(options: .init(only: only, includeLocked: arguments[option.includeLocked])).convert(snapshot)
        let request = ImportWrite.Request(directory: directory, format: arguments[option.format] ?? .js,
                                          overwrite: arguments[option.overwrite], dryRun: arguments[option.dryRun])
        return ImportWrite.run(converted, request: request, context: context)
    }
}
