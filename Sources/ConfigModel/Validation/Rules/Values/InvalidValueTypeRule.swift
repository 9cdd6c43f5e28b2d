/// A value has the wrong JavaScript type for its key (found while decoding the typed models). Records'
/// values matter only in `config` mode, the only one that loads them (R-PIPE-14).
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

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard !config.runMode.loadsRecords else { return config.decodeDiagnostics }
        return config.decodeDiagnostics.filter { $0.objectClass.flatMap(ConfigClass.init(raw:))?.canonical != .record }
    }
}
