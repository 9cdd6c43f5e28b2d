import ConfigModel
import Foundation

/// `grouparoo-gen validate`: reads a config dir statically and reports every problem the
/// offline rules find, in one run, as text, JSON, GitHub annotations or SARIF.
enum ValidateCommand: Command {
    struct Options: OptionGroup {
        let format = Option<ReportFormat>("--format", help: "Output format (default: text).")
        let strict = Flag("--strict", help: "Warnings fail the run too (exit code 1).")
        let noStrict = Flag("--no-strict", help: "Warnings do not fail the run, even if .grouparoo-gen.json sets \"strict\".")
        let disable = Option<String>("--disable", valueName: "rule", help: "Turn a rule off; a comma-separated list works too.",
                                     completion: .rules, repeatable: true)
        let enable = Option<String>("--enable", valueName: "rule", help: "Turn on a rule that is off by default.",
                                    completion: .rules, repeatable: true)
        let files = Option<String>(
            "--files", valueName: "file",
            help: "Report only diagnostics in this file (or with a note pointing into it, or with no file); references still resolve across the whole dir.",
            completion: .files, repeatable: true)
        let dialect = Option<SQLDialect>("--dialect", help: "SQL dialect that decides the allowed group-rule ops (default: sqlite).")
        let mode = Option<RunMode>("--mode",
                                   help: "Which Grouparoo command to check for: validate (default; also apply) skips records, config also checks them.")
        let reader = ReaderOptionGroup()
        let envExample = Option<String>("--env-example", valueName: "file",
                                        help: "Variables declared in this dotenv file are provided where the config runs (default: .env.example beside the config dir).",
                                        completion: .files)
        let allowUnevaluated = Flag("--allow-unevaluated",
                                    help: "Files the static reader cannot evaluate (needs-node) are warnings instead of errors: accept them unchecked.")
        let fix = Flag("--fix", help: "Apply the safe quick fixes (the language server's) to the files, then report what remains.")
        let dryRun = Flag("--dry-run", help: "With --fix: print the fixes as a unified diff and write nothing.")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check a config directory offline: ids, references, keys, options, permissions and more.",
        usage: [
            "validate [CONFIG_DIR] \(option.format.usage) \(option.strict.usage) \(option.disable.usage) \(option.enable.usage)",
            "validate [CONFIG_DIR] \(option.files.name) <file> [<file>...]",
        ],
        arguments: [
            ArgumentSpec(name: "CONFIG_DIR", help: "The config directory (default: $GROUPAROO_CONFIG_DIR, else ./config)."),
            ArgumentSpec(name: "FILE", help: "Any path that is a file, not a directory, is treated like --files FILE."),
        ],
        options: Options.specs,
        examples: [
            CommandExample("validate", "Check ./config (or $GROUPAROO_CONFIG_DIR)"),
            CommandExample("validate config --strict --disable template-placeholder", "Fail on warnings, but skip one rule"),
            CommandExample("validate config --files config/apps/data_warehouse.js config/sources/users_table.js",
                           "Report only on the files a pre-commit hook passes"),
            CommandExample("validate config --format sarif > grouparoo.sarif", "Write a SARIF log for code scanning"),
            CommandExample("validate config --format github", "Annotate a pull request from a GitHub Actions step"),
            CommandExample("validate config --fix --dry-run", "Show the safe fixes as a diff without writing them"),
            CommandExample("validate config --mode config", "Also check sample records, which only `grouparoo config` loads"),
        ],
        discussion: """
            Every problem is reported in one run. The text format prints compiler-style diagnostics
            to standard error (colours only on a terminal, never with NO_COLOR) and a summary line;
            json, github and sarif write to standard output (JSON: docs/validate-json-schema.md).

            Positional paths: a directory is CONFIG_DIR, a file is the same as --files FILE, so a
            pre-commit hook can pass file names as trailing arguments (also after '--').

            .grouparoo-gen.json in the config dir or a parent, up to the repository root, sets
            defaults: {"disable": [...], "enable": [...], "strict": true, "dialect": "postgres",
            "mode": "config", "ignore": ["legacy/**"]}. Command-line flags win. "ignore" globs
            (relative to that file) name files whose problems are not reported; the files are still read.
            "plugins" declares the project's own plugins: {"apps": [{"type": "crm", "plugin": "pkg",
            "options": ["apiKey", "region?"]}], "connections": [{"type": "crm-import", "direction":
            "import", "apps": ["crm"], "options": ["list"]}]} ("?" marks an optional option).

            Installed plugins: when package.json beside the config dir lists grouparoo.plugins, a
            type from a plugin it does not list is an error naming the package (plugin-not-installed).

            Suppressions in a .js or .json (JSON5) file: `// grouparoo-gen-disable-next-line RULE[, RULE]`
            above a line, `// grouparoo-gen-disable-file RULE` anywhere in it (no RULE: every rule), or
            the same in a one-line /* */ comment. One that suppresses nothing is reported
            (unused-suppression). A file that could not be read (syntax-error, unreadable-file,
            evaluation-error, node-evaluation-error) never passes: those rules cannot be turned off.

            --mode: Grouparoo loads sample records (class record or profile) only in
            `grouparoo config`; `grouparoo validate` and `apply` skip them. The default mode
            does the same; --mode config also checks the records' keys, ids and properties.

            --fix applies the fixes the language server offers as quick fixes (renamed filter ops,
            `operation: { op }`, near-miss keys, id characters, required options as "" placeholders)
            to the reported problems, each file replaced atomically, then reports what remains. Edits
            that overlap another are left for the next run. --fix --dry-run prints a unified diff.

            Exit codes: 0 valid (warnings allowed unless --strict), 1 invalid, 2 usage error or
            unreadable path. A file the static reader cannot evaluate (needs-node) is an error,
            since nothing in it was checked: check it with --evaluator node, or accept it with
            --allow-unevaluated or a `// grouparoo-gen-disable-file needs-node` comment.

            Environment: a required option written as process.env.NAME counts as provided even when
            NAME is unset here (unset-env-var warns). Variables declared in .env.example beside the
            config dir (or --env-example FILE) count as provided; a variable the config reads that
            it does not declare is a warning (env-var-not-in-example).
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let options: ValidateOptions
        do {
            options = try ValidateOptions.resolve(arguments, context: context)
        } catch {
            return usageError(error.message, context: context)
        }
        let environment: [String: String]
        switch ReaderSetup.environment(envFile: options.envFile, context: context) {
        case .success(let values): environment = values
        case .failure(let problem): return usageError(problem.message, context: context)
        }
        var readerOptions = ReaderOptions(environment: environment, evaluator: options.evaluator)
        if let example = options.envExample {
            switch ReaderSetup.readEnvFile(example, context: context) {
            case .success(let values): readerOptions.exampleVariables = Set(values.keys)
            case .failure(let problem): return usageError(problem.message, context: context)
            }
            readerOptions.exampleName = URL(fileURLWithPath: example).lastPathComponent
        }
        warnAboutFilesOutsideConfig(options, context: context)

        let installation = installedPlugins(configDirectory: options.configDirectory, context: context)
        var (outcome, input) = check(options, readerOptions: readerOptions, installation: installation)
        if options.fix {
            switch ValidateFix.apply(outcome, input: input, options: options, context: context) {
            case .finished(let status): return status
            case .written: (outcome, _) = check(options, readerOptions: readerOptions, installation: installation)
            case .nothingWritten: break
            }
        }
        let paths = ReportPaths(workingDirectory: context.absolutePath("."), configDirectory: options.configDirectory)
        write(outcome, format: options.format, paths: paths, context: context)
        KeptUntilExit.keep((outcome, input))
        return outcome.isValid ? ExitCode.success : ExitCode.failure
    }

    /// Reads the config dir and runs the rules; the input is kept for `--fix`. Every stage runs on one large-stack
    /// thread, which takes part in each stage's work: a small config starts no other thread.
    static func check(_ options: ValidateOptions, readerOptions: ReaderOptions,
                      installation: PluginInstallation?) -> (ValidationOutcome, ValidationInput) {
        LargeStack.run { checkHere(options, readerOptions: readerOptions, installation: installation) }
    }

    private static func checkHere(_ options: ValidateOptions, readerOptions: ReaderOptions,
                                  installation: PluginInstallation?) -> (ValidationOutcome, ValidationInput) {
        let read = ConfigReader(options: readerOptions).readDirectory(at: options.configDirectory)
        let plugins = options.customPlugins.map { PluginCatalog.bundled.merging($0) } ?? .bundled
        var validator = Validator(selection: options.selection, dialect: options.dialect, plugins: plugins, runMode: options.runMode)
        validator.installation = installation
        var input = ValidationInput(read: read, dialect: options.dialect, plugins: plugins, runMode: options.runMode)
        input.installation = installation
        var report = validator.validate(input)
        if options.allowUnevaluated { report.diagnostics = report.diagnostics.map(acceptingUnevaluated) }
        if let settingsPath = options.settingsPath {
            let ignored = IgnoredPaths(options.ignore, settingsDirectory: URL(fileURLWithPath: settingsPath).deletingLastPathComponent().path)
            report.diagnostics = ignored.apply(to: report.diagnostics, read: read,
                                               reportUnused: options.selection.isActive(RuleCatalog.rule("unused-suppression")!.description))
        }
        return (ValidationOutcome(report: report, read: read, onlyFiles: options.files, strict: options.strict), input)
    }

    static func write(_ outcome: ValidationOutcome, format: ReportFormat, paths: ReportPaths, context: CommandContext) {
        switch format {
        case .text:
            let printer = DiagnosticPrinter(context: context, relativeTo: paths.workingDirectory)
            var summary = DiagnosticPrinter.summaryLine(errors: outcome.errorCount, warnings: outcome.warningCount,
                                                        files: outcome.fileCount, objects: outcome.objectCount)
            if outcome.strict, outcome.errorCount == 0, outcome.warningCount > 0 { summary += "; \(option.strict.name) makes warnings fail" }
            printer.print(outcome.diagnostics, summary: summary)
        case .json, .sarif:
            let document = format == .json ? JSONReport.document(outcome, paths: paths) : SARIFReport.log(outcome, paths: paths)
            var output = ChunkedOutput(context.write)
            document.write { output.append($0) }
            output.append("\n")
            output.flush()
        case .github:
            var output = ChunkedOutput(context.write)
            GitHubReport.write(outcome, paths: paths) { output.append($0) }
            output.flush()
        }
    }

    /// The package.json of the project the config dir belongs to (Grouparoo's parent path holds
    /// `config/`), when it lists `grouparoo.plugins`.
    /// A package.json that does not parse is named, since its plugins then go unchecked (and Grouparoo
    /// itself cannot start with it).
    private static func installedPlugins(configDirectory: String, context: CommandContext) -> PluginInstallation? {
        let path = URL(fileURLWithPath: configDirectory).deletingLastPathComponent().appendingPathComponent("package.json").path
        // Read without Foundation: its first file read sets up more than this whole run of a small config costs.
        guard let data = FileBytes.contents(of: path) else { return nil }
        let parsed = JSON5.parse(data, file: path)
        if parsed.value == nil, let problem = parsed.diagnostics.first {
            let place = problem.span.map { ":\($0.start.line):\($0.start.column)" } ?? ""
            let shown = DiagnosticPrinter(context: context, relativeTo: context.currentDirectory).displayPath(path)
            context.writeError("warning: \(shown)\(place): "
                + "\(ControlCharacters.escaped(problem.message)); the installed plugins are not checked\n")
        }
        return PluginInstallation.read(packageJSON: data, path: path)
    }

    /// `--allow-unevaluated`: an unevaluated file is reported, but does not fail the run unless `--strict`.
    private static func acceptingUnevaluated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.ruleID == "needs-node", diagnostic.severity == .error else { return diagnostic }
        var accepted = diagnostic
        accepted.severity = .warning
        return accepted
    }

    /// Files outside the config dir have nothing to report; say so rather than pass silently.
    private static func warnAboutFilesOutsideConfig(_ options: ValidateOptions, context: CommandContext) {
        let roots = [options.configDirectory, URL(fileURLWithPath: options.configDirectory).resolvingSymlinksInPath().path]
            .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for file in options.files {
            let spellings = [file, URL(fileURLWithPath: file).resolvingSymlinksInPath().path]
            guard !spellings.contains(where: { spelling in roots.contains { spelling.hasPrefix($0) } }) else { continue }
            context.writeError("note: \(ControlCharacters.escaped(file)) is not inside the config directory "
                + "\(ControlCharacters.escaped(options.configDirectory)); nothing to check there\n")
        }
    }
}
