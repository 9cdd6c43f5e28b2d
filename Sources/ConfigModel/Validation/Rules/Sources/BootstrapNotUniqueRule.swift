/// The property a source maps to and owns (its auto-bootstrapped, primary-key property) must be `unique: true`.
struct BootstrapNotUniqueRule: ValidationRule {
    let description = RuleDescription(
        identifier: "bootstrap-not-unique",
        summary: "The property a source maps to (and owns) is not `unique: true`.",
        grouparooRules: ["R-SRC-05", "R-EDGE-06", "R-PROP-08"], severity: .error,
        triggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: ↓"user_id", class: "property", key: "userId", type: "integer", sourceId: "users", options: { column: "id" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
              options: { column: "id" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        BootstrappedProperty.all(in: config).filter { !$0.isTruthy("unique") }.map { pair in
            diagnostic("property `\(pair.propertyID)` is the mapping of its own source `\(pair.sourceID)`, so it must "
                       + "be `unique: true`", on: pair.property, at: pair.property.properties["unique"]?.span,
                       grouparoo: "The property \"\(pair.propertyID)\" needs to be set as \"unique: true\" to be "
                           + "used as the mapping for the source \"\(pair.sourceID)\"", notes: [pair.mappingNote])
        }
    }
}
