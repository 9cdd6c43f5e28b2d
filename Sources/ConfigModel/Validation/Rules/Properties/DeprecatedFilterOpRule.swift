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
        var found: [Diagnostic] = []
        // Each filter is read where it is: a list of (entry, filters) pairs and a copy of each filter retained their parts,
        // and so did a copy of the `Field` holding them.
        func inspect(_ entry: ConfigEntry, _ filters: [FilterConfig], kind: String, anchor: String) {
            for index in filters.indices {
                guard let replacement = filters[index].deprecatedOpReplacement, let op = filters[index].op else { continue }
                let old = op.value.rawValue
                found.append(diagnostic("filter op \"\(old)\" was renamed to \"\(replacement.rawValue)\"", on: entry,
                                        at: op.span,
                                        grouparoo: "\(kind) filter `\(old)` has been deprecated and replaced with "
                                            + "`\(replacement.rawValue)`. Read more at "
                                            + "https://www.grouparoo.com/docs/support/config-files#\(anchor)"))
            }
        }
        config.properties.forEachUnretained { property in
            inspect(property.entry, property.config.filters?.value ?? [], kind: "Property", anchor: "properties")
        }
        config.schedules.forEachUnretained { schedule in
            inspect(schedule.entry, schedule.config.filters?.value ?? [], kind: "Schedule", anchor: "sources")
        }
        return found
    }
}
