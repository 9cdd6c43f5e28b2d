/// A file that uses JavaScript outside what the static reader evaluates; its objects are unknown offline.
struct NeedsNodeRule: ReaderPassThroughRule {
    let problem = ReaderProblem.needsNode
    let description = RuleDescription(
        identifier: "needs-node", summary: "A config file uses JavaScript the static reader cannot evaluate; "
            + "run with the Node evaluator to check it.",
        grouparooRules: [], severity: .warning,
        triggeringExamples: [RuleExample(["config.js": "module.exports = ↓require(\"os\").hostname();\n"])],
        nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
