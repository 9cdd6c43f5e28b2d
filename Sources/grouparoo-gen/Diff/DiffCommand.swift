import ConfigModel
import Foundation

/// `grouparoo-gen diff A [B]`: what changes from A to B, object by object and field by field.
enum DiffCommand: Command {
    struct Options: OptionGroup {
        let remote = RemoteOptionGroup()
        let format = Option<DiffFormat>("--format", help: "text (default) or json (see docs/diff-json.md).")
        let reader = ReaderOptionGroup()
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "diff",
        abstract: "Show what differs between two configs (directories, git revisions or a live instance).",
        usage: [
            "diff A [B] [--format text|json] [--env-file FILE]",
            "diff --host URL [B] [--format text|json]",
        ],
        arguments: [
            ArgumentSpec(name: "A", help: "The config before: a directory, git:REV or git:REV:PATH. With --host, the live instance."),
            ArgumentSpec(name: "B", help: "The config after (default: $GROUPAROO_CONFIG_DIR, else ./config)."),
        ],
        options: Options.specs,
        examples: [
            CommandExample("diff git:origin/main config", "In a pull request: what merging would change", exits: ExitCode.failure,
                           needsInstance: true),
            CommandExample("diff --host https://grouparoo.example.com config", "What `grouparoo apply` of ./config would change on the instance",
                           needsInstance: true),
            CommandExample("diff old-config new-config --format json", "Compare two directories, for tools", exits: ExitCode.failure,
                           needsInstance: true),
        ],
        discussion: """
            Objects are matched by class and id: + created, - deleted, ~ changed (with each changed
            field, nested keys and array positions), in the order Grouparoo applies them. Values are
            compared the way Grouparoo loads them (nulls dropped, defaults filled in, property options
            as strings, group rules in one form). Secret fields say "changed" without values; a secret
            read from the environment on one side is unknown and not a difference. With --host, the
            instance's objects locked by code config that B lacks are marked: `grouparoo apply` deletes them.

            Exit codes: 0 no differences; 1 differences; 2 error (usage, unreadable side, instance failure).
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let format = arguments[option.format] ?? .text
        let host = RemoteOptions.host(arguments, option.remote, context: context)
        let useHost = arguments[option.remote.host] != nil || (arguments.positionals.isEmpty && host != nil)
        let maximum = useHost ? 1 : 2
        guard arguments.positionals.count <= maximum, useHost || !arguments.positionals.isEmpty else {
            return usageError(useHost ? "with --host give at most one config (B)" : "give one or two configs to compare (A [B]), or --host", context: context)
        }
        let environment: [String: String]
        switch ReaderSetup.environment(envFile: arguments[option.reader.envFile], context: context) {
        case .success(let values): environment = values
        case .failure(let problem): return usageError(problem.message, context: context)
        }
        var defaultDirectory = "config"
        do { defaultDirectory = try ReaderSetup.defaultConfigDirectory(context) } catch {
            if arguments.positionals.count < maximum { return usageError(error.message, context: context) }
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("grouparoo-gen-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let loader = DiffLoader(context: context, options: ReaderOptions(environment: environment, evaluator: arguments[option.reader.evaluator] ?? .static),
                                scratch: scratch, defaultDirectory: defaultDirectory)

        let named = arguments.positionals.count == maximum ? arguments.positionals[maximum - 1] : defaultDirectory
        let afterName = named.isEmpty ? "." : named
        let readBefore: () -> Result<DiffSide, DiffLoader.Problem>
        if useHost {
            guard let host else { return usageError("no instance: pass \(option.remote.host.name) URL or set $GROUPAROO_HOST", context: context) }
            readBefore = { loader.live(arguments, option.remote, host: host) }
        } else {
            readBefore = { loader.side(arguments.positionals[0], index: 0) }
        }
        let (before, after): (DiffSide, DiffSide)
        switch BothSides.run(readBefore, { loader.side(afterName, index: 1) }) {
        case (.failure(let problem), _), (_, .failure(let problem)): return fail(problem, context: context)
        case (.success(let first), .success(let second)): (before, after) = (first, second)
        }
        for side in [before, after] where side.unreadableFiles > 0 {
            context.writeError("warning: \(DiagnosticPrinter.counted(side.unreadableFiles, "file")) of \(ControlCharacters.escaped(side.label)) "
                + "could not be read completely, so the diff may miss objects; run 'grouparoo-gen validate' for details\n")
        }
        let changes = ConfigDiff.compare(before.objects, after.objects, order: after.order + before.order)
        let paths = ReportPaths(workingDirectory: context.currentDirectory, configDirectory: context.currentDirectory)
        let text = format == .json
            ? DiffOutput.json(changes, before: before, after: after, paths: paths)
            : DiffOutput.text(changes, before: before, after: after, paths: paths, live: useHost)
        ChunkedOutput.write(text, in: ChunkedOutput.chunkSize, to: context.write)
        return changes.isEmpty ? ExitCode.success : ExitCode.failure
    }

    private static func fail(_ problem: DiffLoader.Problem, context: CommandContext) -> Int32 {
        context.writeError("error: \(problem.message)\n")
        return ExitCode.usage
    }
}

/// The output formats of `diff`.
enum DiffFormat: String, CaseIterable {
    case text, json
}

/// Reads each side: a directory, a git revision, or a live instance.
struct DiffLoader {
    struct Problem: Error {
        var message: String
    }

    let context: CommandContext
    let options: ReaderOptions
    let scratch: URL
    let defaultDirectory: String

    func side(_ argument: String, index: Int) -> Result<DiffSide, Problem> {
        if let revision = GitRevision(argument) {
            let folder = scratch.appendingPathComponent("side\(index)")
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                return .failure(Problem(message: "cannot create a temporary folder: \(FileErrorDescription.describe(error))"))
            }
            switch revision.extract(into: folder, defaultPath: context.absolutePath(defaultDirectory), workingDirectory: context.currentDirectory) {
            case .success(let extracted):
                guard FileManager.default.fileExists(atPath: extracted.directory) else {
                    return .failure(Problem(message: "\(argument): no such directory at that revision"))
                }
                return .success(.directory(extracted.directory, label: argument, options: options, shownAs: extracted.shownAs))
            case .failure(let problem):
                return .failure(Problem(message: problem.message))
            }
        }
        let path = context.absolutePath(argument)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(Problem(message: "\(ControlCharacters.escaped(argument)): not a config directory (nor git:REV[:PATH])"))
        }
        return .success(.directory(path, label: argument, options: options))
    }

    /// The instance, read through import's conversion (locked objects included: they are what apply manages).
    func live(_ arguments: ParsedArguments, _ option: RemoteOptionGroup, host: String) -> Result<DiffSide, Problem> {
        let client: GrouparooClient
        switch RemoteOptions.client(arguments, option, host: host, context: context) {
        case .success(let made): client = made
        case .failure(let problem): return .failure(Problem(message: problem.message))
        }
        return RemoteOptions.read(InstanceReader.listsNeeded(for: []), from: client, context: context)
            .map { snapshot in DiffSide.live(ImportConversion(options: .init(includeLocked: true)).convert(snapshot).objects, label: ControlCharacters.escaped(host)) }
            .mapError { Problem(message: $0.message) }
    }
}
