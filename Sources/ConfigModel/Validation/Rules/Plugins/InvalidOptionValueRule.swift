/// Options with a fixed list of values (e.g. `aggregationMethod`) must use one of them.
struct InvalidOptionValueRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-option-value", summary: "An option's value is not in the plugin's list of values.",
        grouparooRules: ["R-OPT-04", "R-FLT-04"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "log", class: "app", name: "Log", type: "logger", options: { filename: "out.log", stdout: ↓"yes" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "log", class: "app", name: "Log", type: "logger", options: { filename: "out.log", stdout: true } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A few definitions per object: a linear search (the first with a key wins) beats building a dictionary.
        for target in config.pluginOptionTargets where target.applicableDefinitions.contains(where: { !$0.allowedValues.isEmpty }) {
            for option in target.providedOptions {
                guard let allowed = target.applicableDefinitions.first(where: { $0.key == option.key })?.allowedValues,
                      !allowed.isEmpty else { continue }
                let value = JavaScriptValues.string(option.value.value)
                guard !allowed.contains(value) else { continue }
                found.append(diagnostic("\"\(value)\" is not a valid value for option `\(option.key)` (values: "
                                        + allowed.joined(separator: ", ") + ")", on: target.entry, at: option.value.span,
                                        grouparoo: "\"\(value)\" is not a valid value for \(target.type) "
                                            + "\(target.modelName) option \"\(option.key)\""))
            }
        }
        return found
    }
}
