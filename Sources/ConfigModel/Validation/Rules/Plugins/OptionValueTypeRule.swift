/// Option values of apps, sources, destinations and schedules are stored as strings, numbers or
/// booleans; objects and arrays are rejected. (Property options are stringified first, so they pass.)
struct OptionValueTypeRule: ValidationRule {
    let description = RuleDescription(
        identifier: "option-value-type", summary: "An option value is an object or array instead of a string, number or boolean.",
        grouparooRules: ["R-OPT-06"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "a", class: "app", name: "A", type: "postgres", options: { database: "x", ssl: ↓{ rejectUnauthorized: false } } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "a", class: "app", name: "A", type: "postgres", options: { database: "x", ssl: true, port: 5432 } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Each list is walked in place, each option read by index: only a reported option is copied.
        func inspect(_ entry: ConfigEntry, _ options: Field<JSObject>?) {
            guard let properties = options?.value.properties else { return }
            for index in properties.indices {
                switch properties[index].value.value {
                case .object, .array, .function:
                    let option = properties[index]
                    let type = JavaScriptValues.typeOf(option.value.value)
                    found.append(diagnostic("option `\(option.key)` must be a string, number or boolean, not \(type)",
                                            on: entry, at: option.value.span,
                                            grouparoo: "\(type) is not a valid type for an Option (only boolean, string, number allowed)"))
                default:
                    continue
                }
            }
        }
        for app in config.apps { inspect(app.entry, app.config.options) }
        for source in config.sources { inspect(source.entry, source.config.options) }
        for destination in config.destinations { inspect(destination.entry, destination.config.options) }
        for schedule in config.schedules { inspect(schedule.entry, schedule.config.options) }
        return found
    }
}
