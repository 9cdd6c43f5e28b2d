/// Length limits of string columns: api key and team names need 3..191 characters; other names,
/// property keys and ids at most 191.
struct InvalidLengthRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-length", summary: "A name or key is too short or too long.",
        grouparooRules: ["R-SEQ-02", "R-KEY-02", "R-TEAM-02", "R-APP-03", "R-SRC-02", "R-PROP-03", "R-SCH-04",
                         "R-GRP-02", "R-DST-02"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"t\", class: \"team\", name: ↓\"QA\" }"),
            RuleExample(objects: "{ id: \"k\", class: \"apiKey\", name: ↓\"\", options: { permissionAllRead: true, permissionAllWrite: true } }"),
        ],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"t\", class: \"team\", name: \"QA team\" }")])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(_ entry: ConfigEntry, _ field: Field<String>?, key: String, minimum: Int) {
            guard let field else { return }
            let length = field.value.utf16.count
            let maximum = GrouparooLimits.maximumLength
            guard length < minimum || length > maximum else { return }
            let bound = length > maximum ? "at most \(maximum)" : "at least \(minimum)"
            found.append(diagnostic("`\(key)` is \(length) character\(length == 1 ? "" : "s") long; it must be \(bound)", on: entry,
                                    at: field.span, grouparoo: "Validation len on \(key) failed"))
        }
        let accessMinimum = GrouparooLimits.minimumAccessNameLength
        for key in config.apiKeys { check(key.entry, key.config.name, key: "name", minimum: accessMinimum) }
        for team in config.teams { check(team.entry, team.config.name, key: "name", minimum: accessMinimum) }
        for app in config.apps { check(app.entry, app.config.name, key: "name", minimum: 0) }
        for source in config.sources { check(source.entry, source.config.name, key: "name", minimum: 0) }
        for group in config.groups { check(group.entry, group.config.name, key: "name", minimum: 0) }
        for destination in config.destinations { check(destination.entry, destination.config.name, key: "name", minimum: 0) }
        for schedule in config.schedules { check(schedule.entry, schedule.config.name, key: "name", minimum: 0) }
        for property in config.properties {
            let field = property.config.key ?? property.config.name
            check(property.entry, field, key: "key", minimum: 0)
        }
        return found
    }
}
