/// A file the JavaScript or JSON5 parser rejects; Grouparoo cannot `require` it.
struct SyntaxErrorRule: ReaderPassThroughRule {
    let problem = ReaderProblem.syntaxError
    let description = RuleDescription(
        identifier: "syntax-error", summary: "A config file is not valid JavaScript or JSON5.",
        grouparooRules: ["R-LOAD-04", "R-LOAD-05"], severity: .error,
        triggeringExamples: [RuleExample(["config.js": "exports.default = [\n{ id: \"a\", class: \"app\",\n↓];\n"])],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"a\", class: \"model\", name: \"A\", type: \"profile\" }")])
}
