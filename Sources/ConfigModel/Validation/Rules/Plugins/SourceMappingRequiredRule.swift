/// Table-like sources (those with a preview that do not skip mapping) need a `mapping`.
struct SourceMappingRequiredRule: ValidationRule {
    let description = RuleDescription(
        identifier: "source-mapping-required", summary: "A source whose type needs a mapping has none.",
        grouparooRules: ["R-SRC-10"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: ↓"s", class: "source", name: "S", type: "postgres-import-table", appId: "a", modelId: "m", options: { table: "t" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "S", type: "postgres-import-query", appId: "a", modelId: "m" },
            { id: "t", class: "source", name: "T", type: "postgres-import-table", appId: "a", modelId: "m",
              options: { table: "t" }, mapping: { id: "user_id" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        return config.sources.compactMap { source -> Diagnostic? in
            guard let type = source.config.type?.value, let connection = plugins.connections[type],
                  connection.features.contains(.requiresMapping), source.config.effectiveMapping == nil else { return nil }
            return diagnostic("source type `\(type)` needs a `mapping` from a remote column to a property id",
                              on: source.entry, at: source.config.mapping?.span, grouparoo: "mapping not set")
        }
    }
}
