/// Grouparoo creates a source's auto-bootstrapped property from its `options`, and finds it by an id that
/// must differ from the source's.
struct BootstrapWithoutOptionsRule: ValidationRule {
    let description = RuleDescription(
        identifier: "bootstrap-without-options",
        summary: "The property a source maps to (and owns) has no `options`, or has the source's id.",
        grouparooRules: ["R-SRC-06b", "R-SRC-12", "R-EDGE-06"], severity: .error,
        triggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: ↓"user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true }
            """)],
        nonTriggeringExamples: [RuleExample(objects: BootstrappedProperty.exampleBase + """
            { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
              options: {} }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        BootstrappedProperty.all(in: config).compactMap { pair in
            let sameID = pair.propertyID == pair.sourceID
            guard sameID || !pair.isTruthy("options") else { return nil }
            let why = sameID ? "has the same id as its source, so Grouparoo cannot find it"
                : "has no `options`, which Grouparoo needs to create it from the source's mapping"
            return diagnostic("bootstrapped property `\(pair.propertyID)` \(why)", on: pair.property,
                              grouparoo: "cannot find Property with id \"\(pair.propertyID)\"", notes: [pair.mappingNote])
        }
    }
}
