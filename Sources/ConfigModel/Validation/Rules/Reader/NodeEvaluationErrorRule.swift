/// With `--evaluator node`: Node failed, timed out or printed something that is not the file's objects.
struct NodeEvaluationErrorRule: ReaderPassThroughRule {
    let problem = ReaderProblem.nodeEvaluationError
    let description = RuleDescription(
        identifier: "node-evaluation-error", summary: "Node failed to evaluate a config file (Node evaluator only).",
        grouparooRules: ["R-LOAD-05"], severity: .error,
        triggeringExamples: [], nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
