/// Option keys the plugin does not define are rejected.
struct UnknownOptionRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unknown-option", summary: "An option key is not one the plugin defines.",
        grouparooRules: ["R-OPT-03", "R-SCH-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: { database: \"crm\", ↓db: \"x\" } }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "crm", port: 5432, password: "" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // By index, each list read where it is: a target or option is copied only when it is reported, and a copy of
        // a list retained it (the definitions are the catalog's, which the other core's rules read too).
        config.pluginOptionTargets.withUnsafeBufferPointer { targets in
            for index in targets.indices {
                // A few definitions per object: a linear search beats building a set.
                for optionIndex in targets[index].providedOptions.indices where !targets[index].applicableDefinitions.contains(
                    where: { $0.key == targets[index].providedOptions[optionIndex].key }) {
                    let (target, option) = (targets[index], targets[index].providedOptions[optionIndex])
                    let id = target.entry.id ?? "undefined"
                    let allowed = target.applicableDefinitions.map(\.key)
                    let hint = allowed.isEmpty ? "it takes no options" : "options: \(allowed.joined(separator: ", "))"
                    found.append(diagnostic("`\(option.key)` is not an option of \(target.modelName) type `\(target.type)` "
                                            + "(\(hint))", on: target.entry, at: option.keySpan,
                                            grouparoo: "\(option.key) is not an option for a \(target.type) "
                                                + "\(target.modelName) (\(target.label), \(id))"))
                }
            }
        }
        return found
    }
}
