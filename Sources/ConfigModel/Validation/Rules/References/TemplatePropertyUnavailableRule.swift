/// `{{{key}}}` in a property option is rendered with the ready, non-array properties of the property's
/// own model; any other property (another model's, or an array) is a missing key.
struct TemplatePropertyUnavailableRule: ValidationRule {
    let description = RuleDescription(
        identifier: "template-property-unavailable",
        summary: "A {{{key}}} template names an array property or a property of another model.",
        grouparooRules: ["R-PROP-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
                { id: "tags", class: "property", key: "tags", type: "string", sourceId: "s", isArray: true },
                { id: "p", class: "property", key: "p", type: "string", sourceId: "s", options: { query: ↓"x {{{tags}}}" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
                { id: "tag", class: "property", key: "tag", type: "string", sourceId: "s" },
                { id: "p", class: "property", key: "p", type: "string", sourceId: "s", options: { query: "x {{{tag}}}" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Only properties with template variables are looked at (their model is found once, before the variables).
        config.properties.forEachUnretained { property in
            guard config.templateVariables[property.entry.position] != nil else { return }
            let modelID = config.modelID(ofProperty: property.config)
            for (variable, target) in config.resolvedTemplateVariables(of: property.entry) {
                guard let target, let targetID = target.id, let used = config.property(id: targetID) else { continue }
                let problem: String
                if used.config.effectiveIsArray {
                    problem = "is an array property"
                } else if let modelID, let otherModel = config.modelID(ofProperty: used.config), otherModel != modelID {
                    problem = "belongs to model `\(otherModel)`, not `\(modelID)`"
                } else {
                    continue
                }
                found.append(diagnostic("`{{{\(variable.name)}}}` in `options.\(variable.optionKey)` cannot be rendered: "
                                        + "property `\(variable.name)` \(problem)", on: property.entry, at: variable.span,
                                        grouparoo: "missing mustache key \"\(variable.name)\"",
                                        notes: [.definedHere(used.entry)]))
            }
        }
        return found
    }
}
