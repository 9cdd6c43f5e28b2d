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
        func collect(_ items: [(ConfigEntry, String?)], table: String, allowEmpty: Bool) {
            let named = allowEmpty ? items : items.filter { _, name in name?.isEmpty == false }
            for ((entry, name), first) in LaterDuplicates.find(named, entry: { $0.0 }, value: { $0.1?.lowercasedIfNeeded() }) {
                let name = name ?? ""
                let what = name.isEmpty ? "has no name, like another \(first.displayClass ?? "object")"
                    : "name \"\(name)\" is already used by another \(first.displayClass ?? "object") (names ignore case)"
                found.append(diagnostic(what, on: entry, at: entry.properties["name"]?.span,
                                        grouparoo: "name \"\(name)\" is already in use in table \(table)",
                                        notes: [.definedHere(first)]))
            }
        }
        collect(config.apps.map { ($0.entry, $0.config.effectiveName) }, table: "App", allowEmpty: true)
        collect(config.sources.map { ($0.entry, $0.config.effectiveName) }, table: "Source", allowEmpty: true)
        collect(config.destinations.map { ($0.entry, $0.config.effectiveName) }, table: "Destination", allowEmpty: true)
        collect(config.groups.map { ($0.entry, $0.config.effectiveName) }, table: "Group", allowEmpty: true)
        collect(config.models.map { ($0.entry, $0.config.name?.value) }, table: "GrouparooModel", allowEmpty: false)
        collect(config.apiKeys.map { ($0.entry, $0.config.name?.value) }, table: "ApiKey", allowEmpty: false)
        collect(config.teams.map { ($0.entry, $0.config.name?.value) }, table: "Team", allowEmpty: false)
        collect(config.schedules.map { schedule in
            let sourceName = schedule.config.sourceId.flatMap { config.source(id: $0.value) }?.config.effectiveName
            return (schedule.entry, sourceName.map { schedule.config.effectiveName(sourceName: $0) } ?? schedule.config.name?.value)
        }, table: "Schedule", allowEmpty: false)
        return found
    }
}
