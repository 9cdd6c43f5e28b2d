import ConfigModel

/// A `generate` option that fills one field of `GenerateRequest`; templates that do not take it
/// refuse it, by the option's name (`GenerateRequest.givenInputs`).
protocol RequestInput: OptionDeclaration {
    func fill(_ request: inout GenerateRequest, from arguments: ParsedArguments)
    func isGiven(in request: GenerateRequest) -> Bool
}

/// An option bound to the request field it fills.
struct TemplateInput<Declaration: OptionDeclaration>: RequestInput {
    let declaration: Declaration
    private let fillField: @Sendable (inout GenerateRequest, ParsedArguments) -> Void
    private let isGivenIn: @Sendable (GenerateRequest) -> Bool

    var spec: OptionSpec { declaration.spec }
    func fill(_ request: inout GenerateRequest, from arguments: ParsedArguments) { fillField(&request, arguments) }
    func isGiven(in request: GenerateRequest) -> Bool { isGivenIn(request) }

    /// An option whose value the command reads itself (e.g. a file's text into another field).
    init(_ declaration: Declaration, isGiven: @escaping @Sendable (GenerateRequest) -> Bool) {
        self.declaration = declaration
        fillField = { _, _ in }
        isGivenIn = isGiven
        RequestInputRecorder.record(self)
    }
}

extension TemplateInput where Declaration == Option<String> {
    init(_ option: Option<String>, into field: WritableKeyPath<GenerateRequest, String?> & Sendable) {
        declaration = option
        fillField = { request, arguments in request[keyPath: field] = arguments[option] }
        isGivenIn = { $0[keyPath: field] != nil }
        RequestInputRecorder.record(self)
    }

    /// A repeatable option: every value, in order.
    init(_ option: Option<String>, into field: WritableKeyPath<GenerateRequest, [String]> & Sendable) {
        declaration = option
        fillField = { request, arguments in request[keyPath: field] = arguments.all(option) }
        isGivenIn = { !$0[keyPath: field].isEmpty }
        RequestInputRecorder.record(self)
    }
}

extension TemplateInput where Declaration == Flag {
    init(_ flag: Flag, into field: WritableKeyPath<GenerateRequest, Bool> & Sendable) {
        declaration = flag
        fillField = { request, arguments in request[keyPath: field] = arguments[flag] }
        isGivenIn = { $0[keyPath: field] }
        RequestInputRecorder.record(self)
    }
}

extension GenerateCommand {
    /// Every option of `generate`. A template input is declared with the request field it fills.
    struct Options: OptionGroup {
        let list = Flag("-l", "--list", help: "List the templates; a first argument filters them by name.")
        let describe = Flag("-d", "--describe", help: "Show a template's arguments, options and defaults.")
        let parent = TemplateInput(Option("-p", "--parent", valueName: "id", help: "Id of the parent object (app, source or team)."),
                                   into: \.parent)
        let from = TemplateInput(Option("-f", "--from", valueName: "table", help: "Table read by a :table:source."), into: \.from)
        let with = TemplateInput(Option("-w", "--with", valueName: "columns",
                                        help: "Columns to create properties for: \"id,email,first_name\" (optionally col:type)."),
                                 into: \.with)
        /// Read by the command into `csvText`, so planning needs no file access.
        let fromCSV = TemplateInput(Option("--from-csv", valueName: "file", help: "Take the columns, and guess their types, from a CSV file.",
                                           completion: .files),
                                    isGiven: { $0.csvText != nil })
        let mapping = TemplateInput(Option("-m", "--mapping", valueName: "col=propertyId", help: "Mapping of a table source, e.g. \"id=user_id\"."),
                                    into: \.mapping)
        let highWaterMark = TemplateInput(Option("-H", "--high-water-mark", valueName: "column",
                                                 help: "Column for a table source's schedule, e.g. updated_at."),
                                          into: \.highWaterMark)
        let syncMode = TemplateInput(Option("-s", "--sync-mode", valueName: "mode", help: "Destination sync mode: sync, additive or enrich.",
                                            completion: .choices(SyncMode.allCases.map(\.rawValue))),
                                     into: \.syncMode)
        let model = TemplateInput(Option("--model", valueName: "id",
                                         help: "Model of a group, source or destination (default: the config dir's only model, else mod_profiles)."),
                                  into: \.model)
        let email = TemplateInput(Option("--email", valueName: "address", help: "team:member: the person's login email."), into: \.email)
        let pluginName = TemplateInput(Option("--plugin-name", valueName: "name",
                                              help: "setting: plugin owning the setting (core, interface, telemetry).",
                                              completion: .choices(RegisteredSetting.pluginNames)),
                                       into: \.pluginName)
        let key = TemplateInput(Option("--key", valueName: "key", help: "setting: the setting's key."), into: \.key)
        let value = TemplateInput(Option("--value", valueName: "value", help: "setting: the new value."), into: \.value)
        let apiKey = TemplateInput(Option("--api-key", valueName: "secret", help: "apiKey: the key's secret."), into: \.apiKey)
        let apiKeyEnv = TemplateInput(Option("--api-key-env", valueName: "NAME", help: "apiKey: read the secret from process.env.NAME."),
                                      into: \.apiKeyEnvironmentVariable)
        let readAll = TemplateInput(Flag("--read-all", help: "apiKey: read access to every topic."), into: \.readAll)
        let writeAll = TemplateInput(Flag("--write-all", help: "apiKey: write access to every topic."), into: \.writeAll)
        let permission = TemplateInput(Option("--permission", valueName: "topic:r|w|rw", help: "apiKey: access to one topic.", repeatable: true),
                                       into: \.permissions)
        let overwrite = Flag("-o", "--overwrite", help: "Replace files that already exist.")
        let force = Flag("--force", help: "Write even when another file already defines the id, or the source already has a schedule.")
        let dryRun = Flag("--dry-run", help: "Print the files instead of writing them.")
        let configDir = Option<String>("--config-dir", valueName: "dir", help: "Config directory (default: $GROUPAROO_CONFIG_DIR, else ./config).",
                                       completion: .directories)
        let templates = Option<String>(
            "--templates", valueName: "dir",
            help: "Use NAME.template files in this directory instead of the built-in ones (names compared case-insensitively; "
                + "a file matching no template is ignored with a warning).",
            completion: .directories)

        /// The options that fill the request, in declaration order: each `TemplateInput` made while
        /// the group is made records itself (as options record their specs for `OptionGroup.specs`).
        static let requestInputs: [any RequestInput] = {
            let recorder = RequestInputRecorder()
            RequestInputRecorder.$current.withValue(recorder) { _ = Options() }
            return recorder.inputs
        }()
    }
}

/// Collects the template inputs made while `requestInputs` makes the options.
private final class RequestInputRecorder: @unchecked Sendable {
    @TaskLocal static var current: RequestInputRecorder?
    /// Appended to only by the thread making the options.
    private(set) var inputs: [any RequestInput] = []

    static func record(_ input: any RequestInput) { current?.inputs.append(input) }
}

extension RegisteredSetting {
    /// The plugins that register settings, in registration order.
    static var pluginNames: [String] {
        all.map(\.pluginName).reduce(into: []) { names, name in if !names.contains(name) { names.append(name) } }
    }
}
