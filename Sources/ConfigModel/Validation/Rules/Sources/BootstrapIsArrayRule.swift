/// The property a source maps to and owns (its auto-bootstrapped, primary-key property) cannot be an array.
struct BootstrapIsArrayRule: ValidationRule {
    let description = RuleDescription(
        identifier: "bootstrap-is-array", summary: "The property a source maps to (and owns) is an array.",
        grouparooRules: ["R-SRC-06", "R-EDGE-06"], severity: .error,
        triggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
              isArray: ↓true, options: { column: "id" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
              isArray: false, options: { column: "id" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        // Grouparoo checks uniqueness first, so a non-unique array property only gets that error.
        BootstrappedProperty.all(in: config).filter { $0.isTruthy("unique") && $0.isTruthy("isArray") }.map { pair in
            diagnostic("property `\(pair.propertyID)` is the mapping of its own source `\(pair.sourceID)`, so it cannot "
                       + "be an array", on: pair.property, at: pair.property.properties["isArray"]?.span,
                       grouparoo: "The property \"\(pair.propertyID)\" cannot be an array to be used as the "
                           + "mapping for the source \"\(pair.sourceID)\"", notes: [pair.mappingNote])
        }
    }
}
