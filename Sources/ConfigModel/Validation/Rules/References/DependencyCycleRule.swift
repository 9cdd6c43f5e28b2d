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
        // Nodes are entry positions: the graph's nodes without building it (`ConfigGraph` spells out every
        // node and edge, which only the few cycles found here need).
        var (starts, providers) = ([0], [Int]())
        starts.reserveCapacity(config.entries.count + 1)
        config.entries.withUnsafeBufferPointer { entries in
            for position in entries.indices {
                entries.withUnretained(at: position) { config.appendPrerequisiteProviders(of: $0, to: &providers) }
                starts.append(providers.count)
            }
        }
        guard let adjacency = CycleCandidates.adjacency(starts: starts, targets: providers) else { return [] }
        return GraphAlgorithms.cyclicComponents(adjacency).compactMap { component -> Diagnostic? in
            let cycle = GraphAlgorithms.shortestCycle(from: component[0], within: Set(component), adjacency: adjacency)
            guard let start = cycle.first else { return nil }
            let names = (cycle + [start]).map { config.entries[$0].nodeID }
            let notes = zip(cycle, cycle.dropFirst() + [start]).compactMap { from, to -> DiagnosticNote? in
                let (fromEntry, toEntry) = (config.entries[from], config.entries[to])
                let edge = config.prerequisites(of: fromEntry).filter { config.nodes.provider(nodeID: $0.nodeID) == to }
                guard let first = edge.first else { return nil }
                let via = edge.map(\.path).joined(separator: ", ")
                return DiagnosticNote("\(fromEntry.label) depends on \(toEntry.label) through `\(via)`", span: first.span)
            }
            let extra = component.count > cycle.count ? " (\(component.count) objects are involved in all)" : ""
            return diagnostic("dependency cycle: \(names.joined(separator: " → "))\(extra)", on: config.entries[start],
                              grouparoo: "Maximum call stack size exceeded", notes: notes)
        }
    }
}
