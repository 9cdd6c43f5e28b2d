/// Filter ops spelled the old way (`greater than`, `equals`, …) are rejected with a pointer to the new name.
struct DeprecatedFilterOpRule: ValidationRule {
    let description = RuleDescription(
        identifier: "deprecated-filter-op", summary: "A property or schedule filter uses a removed op name.",
        grouparooRules: ["R-PROP-11", "R-SCH-10", "R-FLT-01"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s",
                  filters: [{ key: "userId", op: ↓"greater than", match: 5 }] }
                """),
            RuleExample(objects: """
                { id: "sch", class: "schedule", name: "S", sourceId: "s", filters: [{ key: "id", op: ↓"equals", match: 5 }] }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s",
                  filters: [{ key: "userId", op: "gt", match: 5 }] }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        // Only objects with filters are listed (most have none).
        let lists = config.properties.compactMap { property in property.config.filters.map { (property.entry, $0, "Property", "properties") } }
            + config.schedules.compactMap { schedule in schedule.config.filters.map { (schedule.entry, $0, "Schedule", "sources") } }
        var found: [Diagnostic] = []
        for (entry, filters, kind, anchor) in lists {
            for filter in filters.value {
                guard let replacement = filter.deprecatedOpReplacement, let op = filter.op else { continue }
                let old = op.value.rawValue
                found.append(diagnostic("filter op \"\(old)\" was renamed to \"\(replacement.rawValue)\"", on: entry,
                                        at: op.span,
                                        grouparoo: "\(kind) filter `\(old)` has been deprecated and replaced with "
                                            + "`\(replacement.rawValue)`. Read more at "
                                            + "https://www.grouparoo.com/docs/support/config-files#\(anchor)"))
            }
        }
        return found
    }
}
