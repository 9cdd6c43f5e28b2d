import ConfigModel

/// One input a generator accepts, as `--describe` shows it.
struct GeneratorInput: Sendable, Equatable {
    var name: String
    var required: Bool
    var description: String
    /// Used when the option is not given (shown as `(default: "…")`).
    var defaultValue: String?
}

/// What a generator produces; decides how `GeneratePlanner` fills its template.
enum GeneratorKind: Sendable {
    case apiKey, group, model, setting, team, teamMember, schedule
    case app(AppTemplate)
    case destination(DestinationTemplate)
    case tableSource(AppTemplate)
    case tableProperty(AppTemplate)
    case querySource(AppTemplate)
    case queryProperty(AppTemplate)
    case singleSource(SingleSourceTemplate)
    case singleProperty(SingleSourceTemplate)
}

/// A `generate` template as users name it (`postgres:table:source`), with the template file(s)
/// it renders and where the output goes.
struct Generator: Sendable {
    var name: String
    var description: String
    var kind: GeneratorKind
    var inputs: [GeneratorInput]
    /// The file in `Templates/` (or `--templates DIR`) rendered for the main object.
    var templateFile: String
    /// The class of the main object; its `configFolder` receives the main file.
    var configClass: ConfigClass
    /// The key `--parent` fills (`appId`, `sourceId`, `teamId`), if the template needs a parent.
    var parentKey: String?
    /// What the parent is, for error messages ("app", "source", "team").
    var parentNoun: String?

    /// Folder inside the config dir that receives the main file.
    var directory: String { configClass.configFolder ?? configClass.rawValue }
}

private let idInput = GeneratorInput(
    name: "id", required: true,
    description: "Id of the new object; lower-cased, with other characters than a-z 0-9 - _ turned into \"_\"", defaultValue: nil)

private func parentInput(_ noun: String, example: String) -> GeneratorInput {
    GeneratorInput(name: "parent", required: true, description: "Id of the \(noun) it belongs to, e.g. `--parent \(example)`", defaultValue: nil)
}

/// `--model`: the model a group, source or destination belongs to.
let modelInput = GeneratorInput(
    name: "model", required: false,
    description: "Id of the model its records belong to (default: the config dir's only model, else \"\(GeneratorCatalog.defaultModelId)\")",
    defaultValue: nil)

enum GeneratorCatalog {
    /// The model `init` creates, used when the config dir does not name exactly one model.
    static let defaultModelId = "mod_profiles"

    /// Every generator (Grouparoo's templates plus `schedule`), sorted by name as Grouparoo sorted them.
    static let all: [Generator] = (coreGenerators + pluginGenerators).sorted { $0.name < $1.name }

    /// The generator called `name`, compared case-insensitively (`apiKey` finds `apikey`). Core
    /// names are looked up first: finding one builds no plugin generator (those are made from the
    /// plugin catalog, which costs more than the rest of a `generate apiKey x` run's start).
    static func find(_ name: String) -> Generator? {
        let wanted = name.lowercased()
        return coreGenerators.first { $0.name.lowercased() == wanted } ?? all.first { $0.name.lowercased() == wanted }
    }

    /// Up to five generator names close to `name`, closest first.
    static func closeMatches(to name: String) -> [String] {
        ArgumentParser.closestMatches(to: name, in: all.map(\.name), limit: 5)
    }

    private static let coreGenerators: [Generator] = [
        Generator(name: "apikey", description: "An API key for Grouparoo's HTTP API, with its permissions", kind: .apiKey,
                  inputs: [idInput,
                           GeneratorInput(name: "api-key", required: false, description: "The secret itself (default: Grouparoo generates one)", defaultValue: nil),
                           GeneratorInput(name: "api-key-env", required: false, description: "Read the secret from this environment variable: writes `apiKey: process.env.NAME`", defaultValue: nil),
                           GeneratorInput(name: "read-all", required: false, description: "Grant read access to every topic", defaultValue: nil),
                           GeneratorInput(name: "write-all", required: false, description: "Grant write access to every topic", defaultValue: nil),
                           GeneratorInput(name: "permission", required: false, description: "Grant one topic, e.g. `--permission app:rw` (r, w or rw; repeatable); sets permissionAllRead/Write to null", defaultValue: nil)],
                  templateFile: "apiKey.js.template", configClass: .apiKey),
        Generator(name: "group", description: "A group of records chosen by rules", kind: .group,
                  inputs: [idInput, modelInput],
                  templateFile: "group.js.template", configClass: .group),
        Generator(name: "model", description: "A model: a kind of record (profiles, accounts, ...)", kind: .model,
                  inputs: [idInput, GeneratorInput(name: "type", required: false, description: "profile, account, event or custom", defaultValue: "profile")],
                  templateFile: "model.js.template", configClass: .model),
        Generator(name: "schedule", description: "A schedule re-importing an existing source", kind: .schedule,
                  inputs: [idInput, parentInput("source", example: "users_table"),
                           GeneratorInput(name: "high-water-mark", required: false, description: "Column that grows when a row changes, e.g. `--high-water-mark updated_at` (table sources). "
                                          + "Without it, the options the parent source's type requires are written as \"...\" placeholders when "
                                          + "the source is found in the config dir (column for table sources, query and propertyId for query "
                                          + "sources), else `options: {}`", defaultValue: nil)],
                  templateFile: "schedule.js.template", configClass: .schedule, parentKey: "sourceId", parentNoun: "source"),
        Generator(name: "setting", description: "A new value for one registered Grouparoo setting", kind: .setting,
                  inputs: [idInput,
                           GeneratorInput(name: "plugin-name", required: true, description: "Plugin owning the setting: core, interface or telemetry", defaultValue: nil),
                           GeneratorInput(name: "key", required: true, description: "The setting's key, e.g. cluster-name", defaultValue: nil),
                           GeneratorInput(name: "value", required: true, description: "The new value (a number or true/false for settings of those types)", defaultValue: nil)],
                  templateFile: "setting.js.template", configClass: .setting),
        Generator(name: "team", description: "A team of Grouparoo users (read everything, write nothing)", kind: .team,
                  inputs: [idInput], templateFile: "team.js.template", configClass: .team),
        Generator(name: "team:member", description: "A person who logs in to Grouparoo as part of a team", kind: .teamMember,
                  inputs: [idInput, parentInput("team", example: "admin_team"),
                           GeneratorInput(name: "email", required: true, description: "The person's login email address, e.g. `--email ada@example.com`", defaultValue: nil)],
                  templateFile: "teamMember.js.template", configClass: .teamMember, parentKey: "teamId", parentNoun: "team"),
    ]

    private static var pluginGenerators: [Generator] {
        var generators: [Generator] = []
        for app in PluginTemplates.apps {
            generators.append(Generator(
                name: "\(app.type):app", description: "A \(app.displayName) app (connection settings)", kind: .app(app),
                inputs: [idInput], templateFile: "app.js.template", configClass: .app))
        }
        for destination in PluginTemplates.destinations {
            var inputs = [idInput, parentInput("\(destination.displayName) app", example: "data_warehouse"), modelInput]
            if !destination.syncModes.isEmpty {
                let modes = destination.syncModes.joined(separator: ", ")
                inputs.append(GeneratorInput(
                    name: "sync-mode", required: destination.needsSyncModeChoice,
                    description: destination.needsSyncModeChoice
                        ? "How records sync: \(modes); the destination has no default, so choose one, e.g. `--sync-mode additive`"
                        : "How records sync: \(modes), e.g. `--sync-mode additive`",
                    defaultValue: destination.defaultSyncMode))
            }
            generators.append(Generator(
                name: "\(destination.name):destination", description: "A \(destination.displayName) destination (\(destination.type))",
                kind: .destination(destination), inputs: inputs, templateFile: "destination.js.template",
                configClass: .destination, parentKey: "appId", parentNoun: "app"))
        }
        for app in PluginTemplates.tableQueryApps {
            generators += tableQueryGenerators(app)
        }
        for plugin in PluginTemplates.singleSources {
            let example = plugin.plugin.replacingOccurrences(of: "-", with: "_")
            generators.append(Generator(
                name: "\(plugin.plugin):source", description: "A \(plugin.displayName) source", kind: .singleSource(plugin),
                inputs: [idInput, parentInput("\(plugin.displayName) app", example: "\(example)_app"), modelInput],
                templateFile: "source.js.template", configClass: .source, parentKey: "appId", parentNoun: "app"))
            generators.append(Generator(
                name: "\(plugin.plugin):property", description: "A property of a \(plugin.displayName) source", kind: .singleProperty(plugin),
                inputs: [idInput, parentInput("\(plugin.displayName) source", example: "\(example)_source")],
                templateFile: plugin.propertyTemplate, configClass: .property, parentKey: "sourceId", parentNoun: "source"))
        }
        return generators
    }

    private static func tableQueryGenerators(_ plugin: AppTemplate) -> [Generator] {
        let name = plugin.type, display = plugin.displayName
        let mongo = plugin.queryLanguage == .mongoPipeline
        let tableInputs = [
            idInput, parentInput("\(display) app", example: "data_warehouse"),
            GeneratorInput(name: "from", required: false, description: "The table to read, e.g. `--from users`", defaultValue: nil),
            GeneratorInput(name: "mapping", required: false, description: "Column matched to a unique property, e.g. `--mapping \"id=user_id\"`", defaultValue: nil),
            GeneratorInput(name: "with", required: false, description: "Columns to create properties for, e.g. `--with \"id,email,first_name\"` (optionally `col:type`)", defaultValue: nil),
            GeneratorInput(name: "from-csv", required: false, description: "Take the columns (and guess their types) from a CSV file's header and first rows", defaultValue: nil),
            GeneratorInput(name: "high-water-mark", required: false, description: "Column for the source's schedule, e.g. `--high-water-mark updated_at`", defaultValue: nil),
            modelInput,
        ]
        return [
            Generator(name: "\(name):table:source", description: "A \(display) source reading one table, plus properties for chosen columns",
                      kind: .tableSource(plugin), inputs: tableInputs, templateFile: "table-source.js.template",
                      configClass: .source, parentKey: "appId", parentNoun: "app"),
            Generator(name: "\(name):table:property", description: "A property read from a column of a \(display) table source",
                      kind: .tableProperty(plugin), inputs: [idInput, parentInput("\(display) source", example: "users_table")],
                      templateFile: "table-property.js.template", configClass: .property, parentKey: "sourceId", parentNoun: "source"),
            Generator(name: "\(name):query:source", description: "A \(display) source whose properties are queries",
                      kind: .querySource(plugin), inputs: [idInput, parentInput("\(display) app", example: "data_warehouse"), modelInput],
                      templateFile: mongo ? "mongo-query-source.js.template" : "query-source.js.template",
                      configClass: .source, parentKey: "appId", parentNoun: "app"),
            Generator(name: "\(name):query:property", description: "A property computed by a query of a \(display) query source",
                      kind: .queryProperty(plugin), inputs: [idInput, parentInput("\(display) source", example: "query_source")],
                      templateFile: mongo ? "mongo-query-property.js.template" : "query-property.js.template",
                      configClass: .property, parentKey: "sourceId", parentNoun: "source"),
        ]
    }
}
