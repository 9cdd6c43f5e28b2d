/// Recurring schedules and app refresh queries run at most once a minute: `recurringFrequency` is in
/// milliseconds and must be at least 60000. An app's `refresh` only counts when Grouparoo applies it
/// (a query of two or more characters, R-APP-09).
struct ScheduleFrequencyTooLowRule: ValidationRule {
    let description = RuleDescription(
        identifier: "schedule-frequency-too-low",
        summary: "A recurring schedule or app refresh runs more often than once a minute (or has no frequency).",
        grouparooRules: ["R-SCH-07", "R-APP-09", "R-APP-10"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"schedule\", name: \"S\", sourceId: \"src\", recurring: true, recurringFrequency: ↓900 }"),
            RuleExample(objects: "{ id: \"s\", class: \"schedule\", name: \"S\", sourceId: \"src\", recurring: ↓true }"),
            RuleExample(objects: """
                { id: "a", class: "app", name: "A", type: "sqlite", refresh: { query: "SELECT 1", recurringFrequency: ↓30 } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "s", class: "schedule", name: "S", sourceId: "src", recurring: true, recurringFrequency: 1000 * 60 * 15 },
                { id: "t", class: "schedule", name: "T", sourceId: "src2", recurring: false, recurringFrequency: 5 },
                { id: "a", class: "app", name: "A", type: "sqlite", refresh: { query: "SELECT 1", recurringFrequency: 0 } },
                { id: "b", class: "app", name: "B", type: "sqlite", refresh: { query: "x", recurringFrequency: 30 } }
                """),
        ])

    private static let message = "recurring frequency is required to be one minute or greater"

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.schedules.forEachUnretained { schedule in
            guard let recurring = schedule.entry.properties["recurring"], JavaScriptValues.isTruthy(recurring.value) else {
                return
            }
            let frequency = schedule.config.recurringFrequency
            guard (frequency?.value ?? 0) < 60_000 else { return }
            let text = frequency.map { "`recurringFrequency` is \(Self.format($0.value)) ms" + Self.unitHint($0.value) }
                ?? "a recurring schedule needs `recurringFrequency`"
            found.append(diagnostic(text + "; recurring schedules need at least 60000 ms (one minute)",
                                    on: schedule.entry, at: frequency?.span ?? recurring.span, grouparoo: Self.message))
        }
        config.apps.forEachUnretained { app in
            // Grouparoo applies `refresh` only when `refresh.query.length > 1` (R-APP-09); a shorter or
            // non-string query is ignored, and a missing one is `missing-required-field`.
            guard let refresh = app.config.refresh?.value, Self.isApplied(refresh),
                  let frequency = refresh.recurringFrequency, frequency.value != 0, frequency.value < 60_000 else { return }
            found.append(diagnostic("`refresh.recurringFrequency` is \(Self.format(frequency.value)) ms"
                                    + Self.unitHint(frequency.value) + "; it must be 0 (off) or at least 60000 ms",
                                    on: app.entry, at: frequency.span, grouparoo: Self.message))
        }
        return found
    }

    /// `refresh.query.length > 1`: only a string query of at least two UTF-16 units makes Grouparoo save the refresh.
    static func isApplied(_ refresh: AppRefresh) -> Bool {
        guard case .string(let query)? = refresh.object["query"]?.value else { return false }
        return query.utf16.count > 1
    }

    private static func format(_ value: Double) -> String { JSConversions.numberToString(value) }

    /// Values that would be valid in seconds are a common mistake.
    private static func unitHint(_ value: Double) -> String {
        value > 0 && value * 1000 >= 60_000 ? " (the value is in milliseconds, not seconds)" : ""
    }
}
