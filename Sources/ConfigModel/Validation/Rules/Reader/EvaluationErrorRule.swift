/// A file whose evaluation throws (e.g. exporting `null`, or reading a property of `undefined`).
struct EvaluationErrorRule: ReaderPassThroughRule {
    let problem = ReaderProblem.evaluationError
    let description = RuleDescription(
        identifier: "evaluation-error", summary: "Evaluating a config file throws, so Grouparoo cannot load any config.",
        grouparooRules: ["R-LOAD-05", "R-LOAD-06", "R-LOAD-07"], severity: .error,
        triggeringExamples: [RuleExample(["config.js": "module.exports = ↓null;\n"])],
        nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
