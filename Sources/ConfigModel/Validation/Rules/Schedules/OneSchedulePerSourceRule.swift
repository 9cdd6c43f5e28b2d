/// A source can have at most one schedule.
struct OneSchedulePerSourceRule: ValidationRule {
    let description = RuleDescription(
        identifier: "one-schedule-per-source", summary: "Two schedules belong to the same source.",
        grouparooRules: ["R-SCH-05"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "a", class: "schedule", name: "A", sourceId: "users" },
            { id: "b", class: "schedule", name: "B", sourceId: ↓"users" }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "a", class: "schedule", name: "A", sourceId: "users" },
            { id: "b", class: "schedule", name: "B", sourceId: "purchases" }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var firstBySource: [String: ConfigEntry] = [:]
        var found: [Diagnostic] = []
        config.schedules.forEachUnretained { schedule in
            guard let sourceID = schedule.config.sourceId else { return }
            guard let first = firstBySource[sourceID.value] else {
                firstBySource[sourceID.value] = schedule.entry
                return
            }
            if first.id == schedule.entry.id { return }
            found.append(diagnostic("source `\(sourceID.value)` already has a schedule; a source can have only one",
                                    on: schedule.entry, at: sourceID.span,
                                    grouparoo: "source \(sourceID.value) already has a schedule",
                                    notes: [.definedHere(first, "the other schedule is defined here")]))
        }
        return found
    }
}
