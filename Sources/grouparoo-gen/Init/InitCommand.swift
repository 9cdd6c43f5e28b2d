import ConfigModel
import Foundation

/// `grouparoo-gen init [DIR]`: starts a config repository offline — the config folders with a
/// README each, the default model, optionally a working app/source/property/api key, and the
/// files that run `validate` before each commit and in CI. Existing files are never touched.
enum InitCommand: Command {
    struct Options: OptionGroup {
        let withApp = Option<String>(
            "--with-app", valueName: "plugin",
            help: "Also write an app, a table source with a schedule, its unique user_id property and an api key "
                + "(plugins with an app and a table source: \(InitPlanner.appPlugins.joined(separator: ", "))).",
            completion: .choices(InitPlanner.appPlugins))
        let dryRun = Flag("--dry-run", help: "List what would be written or skipped, and write nothing.")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "init",
        abstract: "Start a config repository: config folders, a model, .env.example, pre-commit and CI files.",
        usage: ["init [DIR] \(option.withApp.usage) \(option.dryRun.usage)"],
        arguments: [
            ArgumentSpec(name: "DIR", help: "Repository folder to set up (default: the current folder); created if missing."),
        ],
        options: Options.specs,
        examples: [
            CommandExample("init", "Set up the current folder"),
            CommandExample("init analytics-config --with-app postgres", "A new repository reading a Postgres users table"),
            CommandExample("init --dry-run --with-app snowflake", "See which files would be written"),
        ],
        discussion: """
            Writes config/ (models, apps, sources, properties, groups, destinations, apiKeys, teams,
            each with a README saying what goes there and which `generate` command makes it), the
            model mod_profiles, .env.example listing the variables the config reads, a .gitignore
            for .env, a .pre-commit-config.yaml running `grouparoo-gen validate`, and the GitHub
            workflow .github/workflows/grouparoo-validate.yml.

            A file that already exists is never changed: it is reported as skipped and the rest
            is written, so running init again changes nothing. A config file is also skipped when
            the existing config already defines one of its objects (same class and id, or name)
            in another file. If a write fails, the files written before it are listed; run init
            again once the problem is fixed. The result validates with 0 errors;
            the app's "..." placeholders are warnings until you fill them in.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            return usageError("expected at most one DIR, got \(arguments.positionals.count)", context: context)
        }
        let root = context.absolutePath(arguments.positionals.first ?? ".")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
            return usageError("\(root) exists and is not a directory", context: context)
        }
        var request = InitRequest()
        do {
            request.appPlugin = try arguments[option.withApp].map { (plugin) throws(UsageError) in try InitPlanner.checkedPlugin(plugin) }
        } catch {
            return usageError(error.message, context: context)
        }

        let plan: InitPlan
        do {
            plan = try InitPlanner.plan(request, templates: .embedded)
        } catch {
            context.writeError("error: \(FileErrorDescription.describe(error))\n")
            return ExitCode.failure
        }
        for notice in plan.notices { context.writeError("notice: \(notice)\n") }

        let existing = InitExistingConfig(configDirectory: URL(fileURLWithPath: root).appendingPathComponent(InitPlanner.configFolder).path,
                                          environment: context.environment)
        let applier = InitFileApplier(root: root, existing: existing)
        let dryRun = arguments[option.dryRun]
        let outcomes: [InitFileApplier.Outcome]
        do {
            outcomes = dryRun ? applier.preview(plan.files) : try applier.apply(plan.files)
        } catch let failure as WriteFailure {
            reportFailure(failure, root: root, context: context)
            return ExitCode.failure
        } catch {
            context.writeError("error: \(FileErrorDescription.describe(error))\nnothing was written\n")
            return ExitCode.failure
        }
        report(outcomes, root: root, dryRun: dryRun, plan: plan, request: request, context: context)
        return ExitCode.success
    }

    /// A write failed midway: the files written before it stay (running init again skips them
    /// and writes the rest), so name each of them, then the error.
    private static func reportFailure(_ failure: WriteFailure, root: String, context: CommandContext) {
        let written = failure.kept.map { displayPath($0.path, root: root, context) }
        for path in written { context.write("wrote \(path)\n") }
        var text = "error: \(failure.message { displayPath($0, root: root, context) })\n"
        if written.isEmpty {
            text += "nothing was written\n"
        } else {
            text += "\(DiagnosticPrinter.counted(written.count, "file")) written before the failure (listed above); "
                + "fix the problem and run init again: existing files are skipped\n"
        }
        context.writeError(text)
    }

    private static func report(_ outcomes: [InitFileApplier.Outcome], root: String, dryRun: Bool, plan: InitPlan,
                               request: InitRequest, context: CommandContext) {
        var written = 0
        var writtenPaths = Set<String>()
        for outcome in outcomes {
            switch outcome {
            case .written(let path):
                written += 1
                writtenPaths.insert(path)
                context.write("\(dryRun ? "would write" : "wrote") \(displayPath(path, root: root, context))\n")
            case .skipped(let path):
                context.write("skipped \(displayPath(path, root: root, context)) (exists)\n")
            case .alreadyDefined(let path, let definition):
                context.write("skipped \(displayPath(path, root: root, context)) (\(ControlCharacters.escaped(definition.what)) is already "
                    + "defined in \(displayPath(definition.file, root: root, context)))\n")
            }
        }
        let skipped = outcomes.count - written
        let place = displayPath(".", root: root, context)
        if dryRun {
            context.write("dry run: \(written) to write, \(skipped) skipped in \(place); nothing was written\n")
            return
        }
        context.write("\(written) written, \(skipped) skipped in \(place)\n")
        guard written > 0 else { return }
        var steps: [String] = place == "." ? [] : ["cd \(place)"]
        // Only a file this run wrote has placeholders to fill in (a skipped one is the user's own), and
        // only when its template left some (mongo's app has working defaults).
        let appFile = "\(InitPlanner.configFolder)/\(ConfigClass.app.configFolder ?? "apps")/\(InitPlanner.Starter.appId).js"
        let appHasPlaceholders = plan.files.first { $0.relativePath == appFile }.map(hasPlaceholders) ?? false
        if request.appPlugin != nil, writtenPaths.contains(appFile), appHasPlaceholders {
            steps.append("fill in the \"...\" values of \(appFile)")
        }
        if !plan.environmentVariables.isEmpty {
            steps.append("cp .env.example .env   # then set \(plan.environmentVariables.joined(separator: ", "))")
        }
        steps += ["grouparoo-gen validate config", "pre-commit install   # optional: validate before every commit"]
        context.write("\nNext:\n" + steps.map { "  \($0)\n" }.joined())
    }

    /// Whether a planned file still holds `"..."` values (found by the rule `validate` reports them with).
    private static func hasPlaceholders(_ file: PlannedFile) -> Bool {
        let read = ConfigReader(options: ReaderOptions(environment: [:])).read(contents: Array(file.contents.utf8), path: file.relativePath)
        let rules = RuleCatalog.all.filter { $0.description.identifier == "template-placeholder" }
        return !Validator(rules: rules, plugins: nil).validate(ConfigReadResult.of([read], directory: ".")).diagnostics.isEmpty
    }

    /// `relativePath` inside `root` (or an absolute path), shown relative to the working directory
    /// when it is inside it, control characters escaped.
    private static func displayPath(_ relativePath: String, root: String, _ context: CommandContext) -> String {
        let absolute = relativePath == "." ? root
            : relativePath.hasPrefix("/") ? relativePath : URL(fileURLWithPath: root).appendingPathComponent(relativePath).path
        let base = context.absolutePath(".")
        if absolute == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return ControlCharacters.escaped(absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute)
    }
}
