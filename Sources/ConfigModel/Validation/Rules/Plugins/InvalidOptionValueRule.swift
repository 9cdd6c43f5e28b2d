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
        let targets = config.pluginOptionTargets
        // By index: a target or option is copied only when it is reported.
        for index in targets.indices where targets[index].applicableDefinitions.contains(where: { !$0.allowedValues.isEmpty }) {
            let (provided, definitions) = (targets[index].providedOptions, targets[index].applicableDefinitions)
            for optionIndex in provided.indices {
                guard let definition = definitions.firstIndex(where: { $0.key == provided[optionIndex].key }),
                      case let allowed = definitions[definition].allowedValues, !allowed.isEmpty else { continue }
                let value = JavaScriptValues.string(provided[optionIndex].value.value)
                guard !allowed.contains(value) else { continue }
                let (target, option) = (targets[index], provided[optionIndex])
                found.append(diagnostic("\"\(value)\" is not a valid value for option `\(option.key)` (values: "
                                        + allowed.joined(separator: ", ") + ")", on: target.entry, at: option.value.span,
                                        grouparoo: "\"\(value)\" is not a valid value for \(target.type) "
                                            + "\(target.modelName) option \"\(option.key)\""))
            }
        }
        return found
    }
}
