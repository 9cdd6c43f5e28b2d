/// A property cannot be both `unique` and `isArray`.
struct UniqueArrayPropertyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unique-array-property", summary: "A property is both `unique: true` and `isArray: true`.",
        grouparooRules: ["R-PROP-05"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s", unique: true, isArray: ↓true }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s", unique: false, isArray: true }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.properties.compactMap { property -> Diagnostic? in
            // A bootstrapped property gets the more specific `bootstrap-is-array` instead.
            guard property.config.effectiveUnique, property.config.effectiveIsArray, !config.isBootstrapped(property.entry)
            else { return nil }
            return diagnostic("a property cannot be both unique and an array", on: property.entry,
                              at: property.config.isArray?.span, grouparoo: "unique record properties cannot be arrays")
        }
    }
}
