/// A value has the wrong JavaScript type for its key (found while decoding the typed models).
struct InvalidValueTypeRule: ReaderProblemRule {
    let problem = ReaderProblem.invalidValueType
    let description = RuleDescription(
        identifier: "invalid-value-type",
        summary: "A value has the wrong type, e.g. an object where a string is expected.",
        grouparooRules: ["R-SEQ-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"a\", class: \"app\", name: ↓[\"A\"], type: \"sqlite\" }"),
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: \"string\", sourceId: \"s\", unique: ↓\"yes\" }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: \"string\", sourceId: \"s\", unique: true }"),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] { config.decodeDiagnostics }
}
