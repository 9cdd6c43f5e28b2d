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
        for app in config.apps {
            guard let type = app.config.type, plugins.apps[type.value] == nil else { continue }
            found.append(problem(type, expected: "app", on: app.entry, plugins))
        }
        let connections = config.sources.map { ($0.entry, $0.config.type) } + config.destinations.map { ($0.entry, $0.config.type) }
        for (entry, type) in connections {
            guard let type, plugins.connections[type.value] == nil else { continue }
            found.append(problem(type, expected: "connection", on: entry, plugins))
        }
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
