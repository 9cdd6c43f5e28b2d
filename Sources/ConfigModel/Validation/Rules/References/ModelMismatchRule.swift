/// Mappings and group rules may only use properties of the same model as the source, destination or group.
struct ModelMismatchRule: ValidationRule {
    let description = RuleDescription(
        identifier: "model-mismatch",
        summary: "A mapping or group rule uses a property that belongs to a different model.",
        grouparooRules: ["R-SRC-08", "R-DST-07", "R-RULE-06"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "people", class: "model", name: "People", type: "profile" },
                { id: "accounts", class: "model", name: "Accounts", type: "account" },
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "accounts" },
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
                { id: "g", class: "group", name: "G", modelId: "people", rules: [{ propertyId: ↓"email", op: "exists" }] }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "people", class: "model", name: "People", type: "profile" },
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "people" },
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
                { id: "g", class: "group", name: "G", modelId: "people", rules: [{ key: "email", op: "exists" }] }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Read in place by index: a copy of each reference, or of the `Field` holding them, retained its every part.
        func mappings(_ entry: ConfigEntry, _ modelID: String?, _ references: [KeyedReference]) {
            guard let modelID else { return }
            for index in references.indices {
                guard let target = references[index].target, let property = config.property(id: target.value),
                      let sourceID = property.config.sourceId?.value, let source = config.source(id: sourceID),
                      let otherModel = source.config.modelId?.value, otherModel != modelID else { continue }
                found.append(diagnostic(
                    "`mapping.\(references[index].key)` uses property `\(target.value)` of model `\(otherModel)`, "
                        + "but this \(entry.displayClass ?? "object") belongs to model `\(modelID)`",
                    on: entry, at: target.span,
                    grouparoo: "cannot map a \(modelID) model to a \(otherModel) property (\(source.config.effectiveName))",
                    notes: [.definedHere(property.entry)]))
            }
        }
        config.sources.forEachUnretained { source in
            mappings(source.entry, source.config.modelId?.value, source.config.mapping?.value ?? [])
        }
        config.destinations.forEachUnretained { destination in
            mappings(destination.entry, destination.config.modelId?.value, destination.config.mapping?.value ?? [])
        }
        config.groups.forEachUnretained { group in
            guard let modelID = group.config.modelId?.value else { return }
            let rules = group.config.rules?.value ?? []
            for index in rules.indices {
                let property: Decoded<PropertyConfig>?
                if let id = rules[index].propertyId?.value {
                    property = config.property(id: id)
                } else if let key = rules[index].key?.value, let entry = config.propertyEntry(key: key), let id = entry.id {
                    property = config.property(id: id)
                } else {
                    property = nil
                }
                guard let property, let otherModel = config.modelID(ofProperty: property.config), otherModel != modelID
                else { continue }
                let key = property.config.effectiveKey
                found.append(diagnostic("group rule uses property `\(key)` of model `\(otherModel)`, but the group "
                                        + "belongs to model `\(modelID)`", on: group.entry,
                                        at: (rules[index].propertyId ?? rules[index].key)?.span,
                                        grouparoo: "\(key) does not belong to the \(modelID) model",
                                        notes: [.definedHere(property.entry)]))
            }
        }
        return found
    }
}
