/// An app's `type` must be a plugin app; a source's or destination's a plugin connection.
struct UnknownPluginTypeRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unknown-plugin-type", summary: "An app, source or destination type is not provided by any plugin.",
        grouparooRules: ["R-OPT-01", "R-APP-04", "R-SRC-03", "R-DST-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: ↓\"foo\" }"),
            RuleExample(objects: "{ id: \"s\", class: \"source\", name: \"S\", type: ↓\"postgres-table-import\", appId: \"a\", modelId: \"m\" }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "x" } },
                { id: "s", class: "source", name: "S", type: "postgres-import-table", appId: "dw", modelId: "m" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        var found: [Diagnostic] = []
        // Types are looked up by key alone (taking a plugin out copied all its lists), for each object where it is
        // (a combined list of pairs copied each type field).
        config.apps.forEachUnretained { app in
            guard let type = app.config.type, plugins.apps.index(forKey: type.value) == nil else { return }
            found.append(problem(type, expected: "app", on: app.entry, plugins))
        }
        func inspect(_ entry: ConfigEntry, _ type: Field<String>?) {
            guard let type, plugins.connections.index(forKey: type.value) == nil else { return }
            found.append(problem(type, expected: "connection", on: entry, plugins))
        }
        config.sources.forEachUnretained { source in inspect(source.entry, source.config.type) }
        config.destinations.forEachUnretained { destination in inspect(destination.entry, destination.config.type) }
        return found
    }

    private func problem(_ type: Field<String>, expected: String, on entry: ConfigEntry, _ plugins: PluginCatalog) -> Diagnostic {
        let names = expected == "app" ? plugins.appTypeNames : plugins.connectionTypeNames
        var message = "no installed plugin provides \(expected) type `\(type.value)`"
        if let close = Self.closest(to: type.value, in: names) { message += "; did you mean `\(close)`?" }
        // Grouparoo names the kind from the spelling: a `-` or `:` means "connection" (R-OPT-01).
        let kind = type.value.contains("-") || type.value.contains(":") ? "connection" : "app"
        let listed = kind == "app" ? plugins.appTypeNames : plugins.connectionTypeNames
        return diagnostic(message, on: entry, at: type.span,
                          grouparoo: "Cannot find a \"\(type.value)\" \(kind) available within the installed plugins. "
                              + "Current \(kind)s installed are: \(listed.joined(separator: ", ")). "
                              + "Use `grouparoo install` to add new plugins if necessary.")
    }

    /// A catalog name made of the same words in another order or case, e.g. `postgres-table-import`.
    static func closest(to type: String, in names: [String]) -> String? {
        let words = Set(type.lowercased().split(whereSeparator: { "-_: ".contains($0) }))
        return names.first { Set($0.lowercased().split(separator: "-")) == words }
    }
}
