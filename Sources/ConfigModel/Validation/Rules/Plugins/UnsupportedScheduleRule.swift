/// Schedules only work on sources that import records, and `incremental` only where the connection supports it.
struct UnsupportedScheduleRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unsupported-schedule",
        summary: "A schedule belongs to a source that cannot be scheduled, or asks for unsupported incremental runs.",
        grouparooRules: ["R-SCH-05", "R-SCH-06"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "Calc", type: "calculated-property-import", appId: "a", modelId: "m" },
            { id: "sch", class: "schedule", name: "S", sourceId: ↓"s" },
            { id: "q", class: "source", name: "Q", type: "postgres-import-query", appId: "a", modelId: "m" },
            { id: "qs", class: "schedule", name: "QS", sourceId: "q", incremental: ↓true }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "S", type: "postgres-import-table", appId: "a", modelId: "m" },
            { id: "sch", class: "schedule", name: "Sch", sourceId: "s", incremental: true }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        var found: [Diagnostic] = []
        config.schedules.forEachUnretained { schedule in
            guard let sourceID = schedule.config.sourceId, let source = config.source(id: sourceID.value),
                  let type = source.config.type?.value, let connection = plugins.connections[type] else { return }
            if !connection.features.contains(.schedules) {
                found.append(diagnostic("sources of type `\(type)` cannot have a schedule", on: schedule.entry,
                                        at: sourceID.span,
                                        grouparoo: "source \(source.config.effectiveName) (\(sourceID.value)) cannot have a schedule"))
            } else if schedule.config.incremental?.value == true, !connection.features.contains(.incrementalSchedules) {
                found.append(diagnostic("sources of type `\(type)` do not support incremental schedules",
                                        on: schedule.entry, at: schedule.config.incremental?.span,
                                        grouparoo: "\(type) does not support incremental schedules"))
            }
        }
        return found
    }
}
