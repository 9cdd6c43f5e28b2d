import ConfigModel
import Foundation

/// The output formats of `validate`.
enum ReportFormat: String, CaseIterable {
    case text, json, github, sarif
}

/// Everything `validate` needs to know, after the command line, `.grouparoo-gen.json` and the
/// environment have been combined. Command-line flags override the settings file.
struct ValidateOptions {
    var configDirectory: String
    /// Absolute paths to report on; empty means every file in the config dir.
    var files: [String] = []
    var format: ReportFormat = .text
    var strict = false
    var selection = RuleSelection()
    var dialect: SQLDialect = .sqlite
    var evaluator: EvaluatorKind = .static
    var runMode: RunMode = .default
    var envFile: String?
    /// `--env-example FILE`, else `.env.example` beside the config dir when there is one.
    var envExample: String?
    /// `--allow-unevaluated`: files the static reader cannot evaluate are warnings, not errors.
    var allowUnevaluated = false
    /// `--fix`: apply the safe quick fixes; with `dryRun`, only print them as a diff.
    var fix = false
    var dryRun = false
    /// The settings file that was applied, if any.
    var settingsPath: String?
    /// Its `"ignore"` globs.
    var ignore: [IgnoredPaths.Pattern] = []
    /// Its `"plugins"`: the project's own plugin types.
    var customPlugins: PluginCatalog?

    static func resolve(_ arguments: ParsedArguments, context: CommandContext) throws(UsageError) -> ValidateOptions {
        let (directory, positionalFiles) = try splitPaths(arguments.positionals, context: context)
        let configDirectory: String
        if let directory {
            configDirectory = directory
        } else {
            configDirectory = context.absolutePath(try ReaderSetup.defaultConfigDirectory(context))
        }
        var options = ValidateOptions(configDirectory: configDirectory)
        try options.checkConfigDirectory(explicit: directory != nil, filesFromPositionals: positionalFiles, context: context)
        let option = ValidateCommand.option
        options.files = arguments.all(option.files).map { context.absolutePath($0) } + positionalFiles
        for path in options.files where !isRegularFile(path) {
            throw UsageError(message: "\(option.files.name) \(ControlCharacters.escaped(path)): no such file")
        }
        options.format = arguments[option.format] ?? .text
        options.evaluator = arguments[option.reader.evaluator] ?? .static
        options.envFile = arguments[option.reader.envFile]
        options.allowUnevaluated = arguments[option.allowUnevaluated]
        options.fix = arguments[option.fix]
        options.dryRun = arguments[option.dryRun]
        if options.dryRun, !options.fix {
            throw UsageError(message: "\(option.dryRun.name) only works with \(option.fix.name)")
        }
        options.envExample = try envExample(arguments[option.envExample], configDirectory: options.configDirectory, context: context)

        var settings = ProjectSettings()
        if let path = ProjectSettings.find(startingAt: options.configDirectory) {
            settings = try ProjectSettings.load(from: path)
        }
        options.settingsPath = settings.path
        options.ignore = settings.ignore
        options.customPlugins = settings.customPlugins
        options.dialect = arguments[option.dialect] ?? settings.dialect ?? .sqlite
        options.runMode = arguments[option.mode] ?? settings.mode ?? .default
        if arguments[option.strict], arguments[option.noStrict] {
            throw UsageError(message: "\(option.strict.name) and \(option.noStrict.name) cannot be used together")
        }
        options.strict = arguments[option.strict] || (settings.strict ?? false) && !arguments[option.noStrict]
        options.selection = try selection(arguments: arguments, settings: settings)
        return options
    }

    /// Positional paths: a directory is the config dir (at most one), files are added to `--files`.
    /// So `validate config --files a.js`, `validate --files a.js b.js` and `validate -- a.js b.js` all work.
    private static func splitPaths(_ positionals: [String], context: CommandContext) throws(UsageError) -> (String?, [String]) {
        var directory: String?
        var files: [String] = []
        for argument in positionals {
            let path = context.absolutePath(argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError(message: "\(ControlCharacters.escaped(path)): no such file or directory")
            }
            if !isDirectory.boolValue {
                files.append(path)
            } else if let directory {
                throw UsageError(message: "expected one CONFIG_DIR, got \(directory) and \(path)")
            } else {
                directory = path
            }
        }
        return (directory, files)
    }

    /// A positional file is taken as `--files FILE`; when the default config dir is then missing,
    /// say so, since the user most likely meant that file's directory as the config dir.
    private func checkConfigDirectory(explicit: Bool, filesFromPositionals: [String], context: CommandContext) throws(UsageError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            var how = explicit ? "" : "; pass CONFIG_DIR or set GROUPAROO_CONFIG_DIR"
            if !explicit, let file = filesFromPositionals.first {
                let workingDirectory = context.absolutePath(".")
                let shown = { (path: String) in ControlCharacters.escaped(Self.relativePath(path, from: workingDirectory)) }
                let files = ValidateCommand.option.files.name
                how = ". \(shown(file)) is a file, so it was taken as \(files) \(shown(file)) (report only on that file of "
                    + "the config directory); pass the config directory too, e.g. "
                    + "`grouparoo-gen validate \(shown(Self.likelyConfigDirectory(of: file))) \(files) \(shown(file))`, "
                    + "or set GROUPAROO_CONFIG_DIR"
            }
            throw UsageError(message: "config directory \(ControlCharacters.escaped(configDirectory)) does not exist\(how)")
        }
    }

    /// The config dir a file most likely belongs to: the nearest folder named like one
    /// (`config`, `config-prod`), else the file's own folder.
    static func likelyConfigDirectory(of file: String) -> String {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if folder.lastPathComponent.hasPrefix(ReaderSetup.defaultFolder) { return folder.path }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: file).deletingLastPathComponent().path
    }

    /// `path` as typed from `directory`: `.`, `..`, `../..`, a path inside it, or the absolute path.
    static func relativePath(_ path: String, from directory: String) -> String {
        if path == directory { return "." }
        if path.hasPrefix(directory + "/") { return String(path.dropFirst(directory.count + 1)) }
        var ups = 0
        var ancestor = URL(fileURLWithPath: directory)
        while ancestor.path != "/", ups < 3 {
            ancestor.deleteLastPathComponent()
            ups += 1
            let up = Array(repeating: "..", count: ups).joined(separator: "/")
            if ancestor.path == path { return up }
            if path.hasPrefix(ancestor.path + "/") { return up + "/" + String(path.dropFirst(ancestor.path.count + 1)) }
        }
        return path
    }

    /// The variables file to compare the config's environment reads with: the one given, which must
    /// exist, else `.env.example` in the directory that holds the config dir.
    private static func envExample(_ given: String?, configDirectory: String, context: CommandContext) throws(UsageError) -> String? {
        if let given {
            let path = context.absolutePath(given)
            guard isRegularFile(path) else { throw UsageError(message: "--env-example \(ControlCharacters.escaped(given)): no such file") }
            return path
        }
        let beside = URL(fileURLWithPath: configDirectory).deletingLastPathComponent().appendingPathComponent(".env.example").path
        return isRegularFile(beside) ? beside : nil
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The settings file's lists, then the command line on top: an id the command line enables is
    /// no longer disabled, and the other way round. Every id must name a known rule.
    private static func selection(arguments: ParsedArguments, settings: ProjectSettings) throws(UsageError) -> RuleSelection {
        let option = ValidateCommand.option
        let cliDisabled = commaSeparated(arguments.all(option.disable))
        let cliEnabled = commaSeparated(arguments.all(option.enable))
        let settingsSource = settings.path.map { "\"disable\"/\"enable\" of \($0)" } ?? ""
        for (ids, source) in [(cliDisabled, option.disable.name), (cliEnabled, option.enable.name),
                              (settings.disable + settings.enable, settingsSource)] {
            for id in ids where KnownRules.description(id) == nil {
                throw UsageError(message: KnownRules.unknownRuleMessage(id, source: source))
            }
        }
        for (ids, source) in [(cliDisabled, option.disable.name), (settings.disable, settingsSource)] {
            if let id = ids.first(where: RuleSelection.neverDisabledRules.contains) {
                throw UsageError(message: "rule '\(id)' cannot be turned off (\(source)): a file it reports could not be read, "
                                 + "so nothing in it was checked; fix the file, or move it out of the config directory")
            }
        }
        if let both = cliDisabled.first(where: cliEnabled.contains) {
            throw UsageError(message: "rule '\(both)' is given to both \(option.disable.name) and \(option.enable.name)")
        }
        var disabled = Set(settings.disable).union(cliDisabled)
        var enabled = Set(settings.enable).union(cliEnabled)
        disabled.subtract(cliEnabled)
        enabled.subtract(cliDisabled)
        return RuleSelection(disabled: disabled, enabled: enabled)
    }

    /// `--disable a,b` is the same as `--disable a --disable b`.
    private static func commaSeparated(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
