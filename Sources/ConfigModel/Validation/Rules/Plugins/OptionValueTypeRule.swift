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
        let owners = config.apps.map { ($0.entry, $0.config.options) } + config.sources.map { ($0.entry, $0.config.options) }
            + config.destinations.map { ($0.entry, $0.config.options) } + config.schedules.map { ($0.entry, $0.config.options) }
        var found: [Diagnostic] = []
        for (entry, options) in owners {
            for option in options?.value.properties ?? [] {
                switch option.value.value {
                case .object, .array, .function:
                    let type = JavaScriptValues.typeOf(option.value.value)
                    found.append(diagnostic("option `\(option.key)` must be a string, number or boolean, not \(type)",
                                            on: entry, at: option.value.span,
                                            grouparoo: "\(type) is not a valid type for an Option (only boolean, string, number allowed)"))
                default:
                    continue
                }
            }
        }
        return found
    }
}
