/// A schedule imports records by the property its source maps to, so that property must be unique
/// (`Schedule.ensureSourceCanUseSchedule` → `Source#scheduleAvailable`). A source's own bootstrapped
/// property is always saved as unique; one of another source must say `unique: true`.
struct ScheduleMappingNotUniqueRule: ValidationRule {
    let description = RuleDescription(
        identifier: "schedule-mapping-not-unique",
        summary: "A schedule belongs to a source whose mapping targets a property that is not unique.",
        grouparooRules: ["R-SCH-05"], severity: .error,
        triggeringExamples: [RuleExample(objects: Self.base + """
            { id: "purchases", class: "source", name: "Purchases", type: "t", appId: "a", modelId: "m", mapping: { user_email: "email" } },
            { id: "purchases_schedule", class: "schedule", name: "P", sourceId: ↓"purchases", recurring: false }
            """)],
        nonTriggeringExamples: [RuleExample(objects: Self.base + """
            { id: "users_schedule", class: "schedule", name: "U", sourceId: "users", recurring: false },
            { id: "purchases", class: "source", name: "Purchases", type: "t", appId: "a", modelId: "m", mapping: { user_id: "user_id" } },
            { id: "purchases_schedule", class: "schedule", name: "P", sourceId: "purchases", recurring: false }
            """)])

    private static let base = """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true, options: { column: "id" } },
        { id: "email", class: "property", key: "email", type: "email", sourceId: "users", options: { column: "email" } },

        """

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.schedules.compactMap { schedule -> Diagnostic? in
            guard let sourceID = schedule.config.sourceId, let source = config.source(id: sourceID.value),
                  let target = source.config.effectiveMapping?.target, let property = config.property(id: target.value),
                  !property.config.effectiveUnique, !config.isBootstrapped(property.entry),
                  // Other rules own a mapping into another model and a connection that cannot be scheduled.
                  config.modelID(ofProperty: property.config) == source.config.modelId?.value,
                  !cannotBeScheduled(source.config, config) else { return nil }
            let name = source.config.effectiveName
            return diagnostic("source `\(sourceID.value)` cannot have a schedule: its mapping uses property `\(target.value)`, "
                              + "which is not unique, so records cannot be imported by it", on: schedule.entry,
                              at: sourceID.span, grouparoo: "source \(name) (\(sourceID.value)) cannot have a schedule",
                              notes: [DiagnosticNote("property `\(target.value)` is not unique; add `unique: true` or map the "
                                                     + "source to a unique property", span: property.config.unique?.span ?? property.entry.anchor),
                                      DiagnosticNote("the source maps to it here", span: target.span)])
        }
    }

    /// `unsupported-schedule` already reports a connection without `importRecords`.
    private func cannotBeScheduled(_ source: SourceConfig, _ config: ValidationInput) -> Bool {
        guard let type = source.type?.value, let connection = config.plugins?.connections[type] else { return false }
        return !connection.features.contains(.schedules)
    }
}
