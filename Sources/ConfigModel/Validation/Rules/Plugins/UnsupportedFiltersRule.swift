/// Property and schedule `filters` need a source connection that offers filters.
struct UnsupportedFiltersRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unsupported-filters", summary: "A property or schedule has filters, but its source type has none.",
        grouparooRules: ["R-PROP-11", "R-SCH-10", "R-PIPE-13"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "S", type: "postgres-import-query", appId: "a", modelId: "m" },
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s", options: { query: "SELECT 1" },
              ↓filters: [{ key: "id", op: "gt", match: 1 }] }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "S", type: "postgres-import-table", appId: "a", modelId: "m" },
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s",
              options: { column: "x", aggregationMethod: "exact" }, filters: [{ key: "id", op: "gt", match: 1 }] }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        var found: [Diagnostic] = []
        // Most objects have no filters: those are passed over before anything about their source is looked up.
        func inspect(_ entry: ConfigEntry, _ sourceID: Field<String>?, _ filters: Field<[FilterConfig]>?) {
            guard let filters, let first = filters.value.first,
                  let (type, connection) = PluginOptionTarget.sourceConnection(sourceID, config, plugins),
                  !connection.features.contains(.filters) else { return }
            let key = first.key?.value ?? "undefined"
            found.append(diagnostic("sources of type `\(type)` do not support filters", on: entry,
                                    at: filters.keySpan ?? filters.span, grouparoo: "\(key) is not filterable"))
        }
        config.properties.forEachUnretained { property in
            guard property.config.filters != nil else { return }
            inspect(property.entry, property.config.sourceId, property.config.filters)
        }
        config.schedules.forEachUnretained { schedule in
            guard schedule.config.filters != nil else { return }
            inspect(schedule.entry, schedule.config.sourceId, schedule.config.filters)
        }
        return found
    }
}
