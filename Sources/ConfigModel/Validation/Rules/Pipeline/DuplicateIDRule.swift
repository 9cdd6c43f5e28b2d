/// Ids must be unique within a class; class spellings that differ only in case or surrounding
/// whitespace are the same class. The same id in different classes is fine.
struct DuplicateIDRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-id", summary: "Two config objects of the same class share an id.",
        grouparooRules: ["R-PIPE-02", "R-PIPE-03", "R-EDGE-01", "R-ID-06"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "A", type: "sqlite" },
                { id: "dw", class: "App", name: "B", type: "sqlite" }
                """),
            RuleExample([
                "a.js": "module.exports = { id: \"t\", class: \"team\", name: \"Team A\" };",
                "b.js": "module.exports = { id: \"t\", class: \" TEAM \", name: \"Team B\" };",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "mailchimp", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: "x" } },
                { id: "mailchimp", class: "model", name: "Mailchimp", type: "profile" }
                """),
            RuleExample(objects: """
                { id: "dw", class: "app", name: "A", type: "sqlite" },
                { id: "DW", class: "app", name: "B", type: "sqlite" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var firstByNode: [String: ConfigEntry] = [:]
        firstByNode.reserveCapacity(config.entries.count)
        var found: [Diagnostic] = []
        for entry in config.entries {
            guard entry.id != nil else { continue }  // missing ids are reported by `missing-id`
            guard let first = firstByNode[entry.nodeID] else {
                firstByNode[entry.nodeID] = entry
                continue
            }
            let className = entry.cleanClass ?? "undefined"
            found.append(diagnostic(
                "duplicate id `\(entry.id!)`: another \(className) already uses it", on: entry,
                grouparoo: "Duplicate ID values found for \(entry.id!) of class \(className)",
                notes: [.definedHere(first, "the first \(className) with this id is defined here")]))
        }
        return found
    }
}
