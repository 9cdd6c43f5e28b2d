/// With a package.json that lists `grouparoo.plugins`, an app, source or destination type whose plugin
/// is not listed does not exist when Grouparoo runs ("Cannot find a … app available within the installed
/// plugins"): the error names the package to add.
struct PluginNotInstalledRule: ValidationRule {
    let description = RuleDescription(
        identifier: "plugin-not-installed",
        summary: "An app, source or destination type comes from a plugin the project's package.json does not load.",
        grouparooRules: ["R-OPT-01", "R-APP-04", "R-SRC-03", "R-DST-03"], severity: .error,
        // Needs a package.json beside the config dir, which rule examples do not have; ValidatePluginInstallationTests covers it.
        triggeringExamples: [],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: { database: \"x\" } }")])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins, let installation = config.installation else { return [] }
        var found: [Diagnostic] = []
        func check(_ type: Field<String>?, kind: String, plugin: String?, on entry: ConfigEntry) {
            guard let type, let plugin, !installation.listed.contains(plugin) else { return }
            let how = installation.dependencies.contains(plugin)
                ? "it is a dependency, but package.json's grouparoo.plugins does not list it: add \"\(plugin)\" there"
                : "add it with `grouparoo install \(plugin)` (it is neither a dependency nor in grouparoo.plugins)"
            found.append(diagnostic("\(kind) type `\(type.value)` comes from \(plugin), which this project does not load; \(how)",
                                    on: entry, at: type.span,
                                    grouparoo: "Cannot find a \"\(type.value)\" \(kind) available within the installed plugins."))
        }
        config.apps.forEachUnretained { app in
            check(app.config.type, kind: "app", plugin: app.config.type.flatMap { plugins.apps[$0.value]?.plugin }, on: app.entry)
        }
        let connections = config.sources.map { ($0.entry, $0.config.type) } + config.destinations.map { ($0.entry, $0.config.type) }
        for (entry, type) in connections {
            check(type, kind: "connection", plugin: type.flatMap { plugins.connections[$0.value]?.plugin }, on: entry)
        }
        return found
    }
}
