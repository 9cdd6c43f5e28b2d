/// Property option templates must parse as Mustache; Grouparoo parses them while sorting dependencies.
struct TemplateSyntaxRule: ValidationRule {
    let description = RuleDescription(
        identifier: "template-syntax", summary: "A property option has a malformed {{…}} template.",
        grouparooRules: ["R-DEP-05", "R-PROP-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "p", class: "property", key: "p", type: "string", sourceId: "s", options: { query: ↓"SELECT {{{userId}} x" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "p", class: "property", key: "p", type: "string", sourceId: "s", options: { query: "SELECT {{#a}}{{b}}{{/a}}" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.templateProblems.sorted { $0.key < $1.key }.flatMap { position, problems in
            problems.map { problem in
                diagnostic("`options.\(problem.optionKey)` is not a valid Mustache template: \(problem.message)",
                           on: config.entries[position], at: problem.span, grouparoo: problem.message)
            }
        }
    }
}
