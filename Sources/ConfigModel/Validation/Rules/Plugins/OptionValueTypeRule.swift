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
        // An object's options are passed as their list: a copy of the `Field` holding them retained its every part.
        func inspect(_ entry: ConfigEntry, _ properties: [JSProperty]) {
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
        config.apps.forEachUnretained { app in inspect(app.entry, app.config.options?.value.properties ?? []) }
        config.sources.forEachUnretained { source in inspect(source.entry, source.config.options?.value.properties ?? []) }
        config.destinations.forEachUnretained { destination in
            inspect(destination.entry, destination.config.options?.value.properties ?? [])
        }
        config.schedules.forEachUnretained { schedule in inspect(schedule.entry, schedule.config.options?.value.properties ?? []) }
        return found
    }
}
