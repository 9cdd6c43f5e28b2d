import ConfigModel
import JSEmitter

/// What `init` was asked for.
struct InitRequest: Sendable, Equatable {
    /// Plugin for `--with-app` (already checked with `InitPlanner.checkedPlugin`), or nil.
    var appPlugin: String?
}

/// Decides, without touching the disk, every file of a new config repository. Config objects
/// come from `GeneratePlanner` (the same templates `generate` uses); the repository files come
/// from the `init-*` templates. Paths are relative to the repository root.
enum InitPlanner {
    static let configFolder = "config"
    static let modelId = GeneratorCatalog.defaultModelId

    /// What `--with-app` builds: an app, a table source with a high-water-mark schedule whose
    /// mapping points at a unique `user_id` property made from the same table, and an api key.
    enum Starter {
        static let appId = "data_warehouse"
        static let sourceId = "users_table"
        static let table = "users"
        static let keyColumn = "id"
        static let keyPropertyId = "user_id"
        static let highWaterMark = "updated_at"
        static let apiKeyId = "default_api_key"
        static let apiKeyVariable = "GROUPAROO_API_KEY"
    }

    /// Plugins `--with-app` accepts: those with both an `:app` and a `:table:source` template.
    static var appPlugins: [String] {
        GeneratorCatalog.all.map(\.name)
            .filter { $0.hasSuffix(":table:source") }
            .map { String($0.dropLast(":table:source".count)) }
            .filter { GeneratorCatalog.find($0 + ":app") != nil }
            .sorted()
    }

    /// The plugin name, lower-cased, or a usage error naming close matches.
    static func checkedPlugin(_ given: String) throws(UsageError) -> String {
        let plugin = given.lowercased()
        let supported = appPlugins
        if supported.contains(plugin) { return plugin }
        let list = "plugins with an app and a table source: \(supported.joined(separator: ", "))"
        if GeneratorCatalog.find(plugin + ":app") != nil {
            throw UsageError(message: "--with-app \(plugin): the plugin has no :table:source template; \(list)")
        }
        let close = ArgumentParser.closestMatches(to: plugin, in: supported, limit: 3)
        let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
        throw UsageError(message: "--with-app \(JSONOutput.quoted(given)): unknown plugin\(hint); \(list)")
    }

    static func plan(_ request: InitRequest, templates: TemplateStore) throws -> InitPlan {
        var notices: [String] = []
        var configFiles: [PlannedFile] = []
        for generateRequest in configRequests(request) {
            let plan = try GeneratePlanner.plan(generateRequest, templates: templates)
            notices += plan.notices
            configFiles += plan.files.map { PlannedFile(relativePath: configFolder + "/" + $0.relativePath, contents: $0.contents) }
        }

        var files = configFiles
        let readme = try templates.template("init-folder-readme.md.template")
        for guide in InitFolderGuide.all {
            files.append(PlannedFile(relativePath: "\(configFolder)/\(guide.folder)/README.md", contents: try readme.render(context(for: guide))))
        }
        let variables = EnvironmentVariableScan.variables(in: configFiles)
        let variableList = variables.map { variable -> TemplateContext in
            ["name": .text(variable.name), "files": .text(variable.files.joined(separator: ", "))]
        }
        files.append(PlannedFile(relativePath: ".env.example",
                                 contents: try templates.template("init-env-example.template").render(["variables": .list(variableList)])))
        files.append(PlannedFile(relativePath: ".gitignore", contents: try templates.template("init-gitignore.template").render([:])))
        files.append(PlannedFile(relativePath: ".pre-commit-config.yaml",
                                 contents: try templates.template("init-pre-commit-config.yaml.template").render([:])))
        files.append(PlannedFile(relativePath: ".github/workflows/grouparoo-validate.yml",
                                 contents: try templates.template("init-github-workflow.yml.template").render([:])))

        var seen = Set<String>()
        for file in files where !seen.insert(file.relativePath).inserted {
            throw GenerateError("init would write \(file.relativePath) twice")
        }
        return InitPlan(files: files, notices: notices, environmentVariables: variables.map(\.name))
    }

    /// The `generate` requests for the config objects, exactly as one would type them.
    static func configRequests(_ request: InitRequest) -> [GenerateRequest] {
        var requests = [GenerateRequest(templateName: "model", id: modelId)]
        guard let plugin = request.appPlugin else { return requests }
        requests.append(GenerateRequest(templateName: "\(plugin):app", id: Starter.appId))

        var source = GenerateRequest(templateName: "\(plugin):table:source", id: Starter.sourceId)
        source.parent = Starter.appId
        source.from = Starter.table
        source.mapping = "\(Starter.keyColumn)=\(Starter.keyPropertyId)"
        source.with = "\(Starter.keyColumn):integer"  // the mapped column becomes the unique user_id
        source.highWaterMark = Starter.highWaterMark
        requests.append(source)

        var apiKey = GenerateRequest(templateName: "apiKey", id: Starter.apiKeyId)
        apiKey.apiKeyEnvironmentVariable = Starter.apiKeyVariable
        apiKey.readAll = true  // read-only until someone decides otherwise
        requests.append(apiKey)
        return requests
    }

    private static func context(for guide: InitFolderGuide) -> TemplateContext {
        [
            "folder": .text(guide.folder),
            "purpose": .text(guide.purpose),
            "commands": .list(guide.examples.map { ["explanation": .text($0.explanation), "command": .text($0.command)] }),
            "notes": .text(guide.notes),
        ]
    }
}

/// Every file `init` would write (relative to the repository root), notices from planning, and
/// the environment variables the config reads.
struct InitPlan: Sendable, Equatable {
    var files: [PlannedFile]
    var notices: [String]
    var environmentVariables: [String]
}
