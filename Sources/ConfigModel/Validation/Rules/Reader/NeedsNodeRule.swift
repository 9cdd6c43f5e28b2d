/// A file that uses JavaScript outside what the static reader evaluates; its objects are unknown offline, so it fails the run
/// unless accepted explicitly (`--allow-unevaluated`, a suppression comment, or `--disable needs-node`).
struct NeedsNodeRule: ReaderPassThroughRule {
    let problem = ReaderProblem.needsNode
    let description = RuleDescription(
        identifier: "needs-node", summary: "A config file uses JavaScript the static reader cannot evaluate, so "
            + "nothing in it was checked; run with the Node evaluator to check it, or accept it with --allow-unevaluated.",
        grouparooRules: [], severity: .error,
        triggeringExamples: [RuleExample(["config.js": "module.exports = ↓require(\"os\").hostname();\n"])],
        nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
