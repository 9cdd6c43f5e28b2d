/// A property's key (`key`, else `name`) must be unique across all properties of all models, ignoring case.
struct DuplicateKeyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-key", summary: "Two properties have the same key (ignoring case), in any model.",
        grouparooRules: ["R-UNIQ-03", "R-PROP-03", "R-PROP-07", "R-EDGE-13"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
                { id: "email2", class: "property", name: ↓"Email", type: "email", sourceId: "t" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
                { id: "email_2", class: "property", key: "email_2", type: "email", sourceId: "s" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        LaterDuplicates.find(config.properties, entry: \.entry, value: { $0.config.effectiveKey.lowercasedIfNeeded() }).map { property, first in
            let key = property.config.effectiveKey
            let span = property.config.key?.span ?? property.config.name?.span
            let what = key.isEmpty ? "property has no `key` (or `name`), like another property"
                : "property key \"\(key)\" is already used by another property (keys ignore case and model)"
            return diagnostic(what, on: property.entry, at: span, grouparoo: "key \"\(key)\" is already in use in table Property",
                              notes: [.definedHere(first)])
        }
    }
}
