/// References must not form a cycle (e.g. two sources mapping to each other's properties, or property
/// templates referring to each other). Grouparoo recurses forever and reports a stack overflow.
struct DependencyCycleRule: ValidationRule {
    let description = RuleDescription(
        identifier: "dependency-cycle", summary: "Config objects depend on each other in a cycle.",
        grouparooRules: ["R-DEP-09", "R-DEP-12"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: ↓"a", class: "property", key: "a", type: "string", sourceId: "s", options: { query: "{{{b}}} x" } },
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
        let graph = ConfigGraph(config)
        let adjacency = graph.adjacency
        return GraphAlgorithms.cyclicComponents(adjacency).compactMap { component -> Diagnostic? in
            let cycle = GraphAlgorithms.shortestCycle(from: component[0], within: Set(component), adjacency: adjacency)
            guard let start = cycle.first, let startEntry = config.entry(nodeID: graph.nodes[start].id) else { return nil }
            let names = (cycle + [start]).map { graph.nodes[$0].id }
            let notes = zip(cycle, cycle.dropFirst() + [start]).compactMap { from, to -> DiagnosticNote? in
                guard let edgeIndex = graph.outgoing[from].first(where: { graph.edges[$0].to == to }),
                      let fromEntry = config.entry(nodeID: graph.nodes[from].id),
                      let toEntry = config.entry(nodeID: graph.nodes[to].id) else { return nil }
                let edge = graph.edges[edgeIndex]
                return DiagnosticNote("\(fromEntry.label) depends on \(toEntry.label) through `\(edge.via)`", span: edge.span)
            }
            let extra = component.count > cycle.count ? " (\(component.count) objects are involved in all)" : ""
            return diagnostic("dependency cycle: \(names.joined(separator: " → "))\(extra)", on: startEntry,
                              grouparoo: "Maximum call stack size exceeded", notes: notes)
        }
    }
}
