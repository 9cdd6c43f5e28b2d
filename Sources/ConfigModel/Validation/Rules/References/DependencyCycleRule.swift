/// References must not form a cycle (e.g. two sources mapping to each other's properties, or property
/// templates referring to each other). Grouparoo recurses forever and reports a stack overflow.
struct DependencyCycleRule: ValidationRule {
    let description = RuleDescription(
        identifier: "dependency-cycle", summary: "Config objects depend on each other in a cycle.",
        grouparooRules: ["R-DEP-09", "R-DEP-12"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "property", key: "a", type: "string", sourceId: "s", options: { query: "{{{b}}} x" } },
                { id: "b", class: "property", key: "b", type: "string", sourceId: "s", options: { query: "{{{a}}} x" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "app", name: "A", type: "sqlite" },
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "s", class: "source", name: "S", type: "sqlite-import-table", appId: "a", modelId: "m",
                  options: { table: "users" }, mapping: { id: "user_id" } },
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "s", unique: true,
                  options: { column: "id" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        let graph = DependencyGraph(config)
        return graph.cycles().compactMap { component -> Diagnostic? in
            let steps = graph.cycle(from: component[0], within: Set(component))
            guard let first = steps.first else { return nil }
            let names = steps.map { config.entries[$0.from].nodeID } + [config.entries[first.from].nodeID]
            let notes = steps.map { step in
                DiagnosticNote("\(config.entries[step.from].label) depends on \(config.entries[step.edge.target].label) "
                               + "through `\(step.edge.path)`", span: step.edge.span)
            }
            let extra = component.count > steps.count ? " (\(component.count) objects are involved in all)" : ""
            return diagnostic("dependency cycle: \(names.joined(separator: " → "))\(extra)", on: config.entries[first.from],
                              grouparoo: "Maximum call stack size exceeded", notes: notes)
        }
    }
}
