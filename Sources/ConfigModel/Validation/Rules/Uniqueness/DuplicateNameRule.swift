/// Names must be unique per class, ignoring case (checked against an empty database: within the config).
/// A schedule without a name gets `<source name> schedule`, which takes part too.
struct DuplicateNameRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-name", summary: "Two objects of the same class have the same name (ignoring case).",
        grouparooRules: ["R-UNIQ-01", "R-UNIQ-02", "R-UNIQ-03", "R-UNIQ-04", "R-SCH-04", "R-PIPE-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "app", name: "Data Warehouse", type: "sqlite" },
                { id: "b", class: "app", name: ↓"data warehouse", type: "sqlite" }
                """),
            RuleExample(objects: """
                { id: "s", class: "source", name: "Users", appId: "a", modelId: "m", type: "sqlite-import-table" },
                { id: "s1", class: "schedule", sourceId: "s" },
                { id: "s2", class: "schedule", name: ↓"users schedule", sourceId: "s" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "app", name: "Data", type: "sqlite" },
                { id: "m", class: "model", name: "Data", type: "profile" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Each object's name is read where it is (a list of (entry, name) pairs per class cost a copy of each) and
        // again only for a duplicate. An empty name takes part only where `allowEmpty`.
        func collect<Model>(_ items: [Decoded<Model>], table: String, allowEmpty: Bool, name: (Decoded<Model>) -> String?) {
            let value = { (item: Decoded<Model>) in name(item).flatMap { allowEmpty || !$0.isEmpty ? $0.lowercasedIfNeeded() : nil } }
            for (item, first) in LaterDuplicates.find(items, entry: \.entry, value: value) {
                let (entry, name) = (item.entry, name(item) ?? "")
                let what = name.isEmpty ? "has no name, like another \(first.displayClass ?? "object")"
                    : "name \"\(name)\" is already used by another \(first.displayClass ?? "object") (names ignore case)"
                found.append(diagnostic(what, on: entry, at: entry.properties["name"]?.span,
                                        grouparoo: "name \"\(name)\" is already in use in table \(table)",
                                        notes: [.definedHere(first)]))
            }
        }
        collect(config.apps, table: "App", allowEmpty: true) { $0.config.effectiveName }
        collect(config.sources, table: "Source", allowEmpty: true) { $0.config.effectiveName }
        collect(config.destinations, table: "Destination", allowEmpty: true) { $0.config.effectiveName }
        collect(config.groups, table: "Group", allowEmpty: true) { $0.config.effectiveName }
        collect(config.models, table: "GrouparooModel", allowEmpty: false) { $0.config.name?.value }
        collect(config.apiKeys, table: "ApiKey", allowEmpty: false) { $0.config.name?.value }
        collect(config.teams, table: "Team", allowEmpty: false) { $0.config.name?.value }
        collect(config.schedules, table: "Schedule", allowEmpty: false) { schedule in
            let sourceName = schedule.config.sourceId.flatMap { config.source(id: $0.value) }?.config.effectiveName
            return sourceName.map { schedule.config.effectiveName(sourceName: $0) } ?? schedule.config.name?.value
        }
        return found
    }
}
