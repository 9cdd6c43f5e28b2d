/// A problem found while reading files (syntax, evaluation, environment). The reader reports these;
/// as rules they can be listed, documented and turned off like any other.
struct ReaderDiagnosticRule: ValidationRule {
    let description: RuleDescription

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.read.diagnostics.filter { $0.ruleID == description.identifier }
    }

    static let all: [ReaderDiagnosticRule] = [
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "syntax-error", summary: "A config file is not valid JavaScript or JSON5.",
            grouparooRules: ["R-LOAD-04", "R-LOAD-05"], severity: .error,
            triggeringExamples: [RuleExample(objects: "{ id: \"a\", class: \"app\", ")],
            nonTriggeringExamples: [RuleExample(objects: "{ id: \"a\", class: \"model\", name: \"A\", type: \"profile\" }")])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "evaluation-error", summary: "Evaluating a config file throws, so Grouparoo cannot load any config.",
            grouparooRules: ["R-LOAD-05", "R-LOAD-06", "R-LOAD-07"], severity: .error,
            triggeringExamples: [RuleExample(["config.js": "module.exports = null;\n"])],
            nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "needs-node", summary: "A config file uses JavaScript the static reader cannot evaluate; "
                + "run with the Node evaluator to check it.",
            grouparooRules: [], severity: .warning,
            triggeringExamples: [RuleExample(["config.js": "module.exports = require(\"os\").hostname();\n"])],
            nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "unset-env-var", summary: "A config file reads an environment variable that is not set.",
            grouparooRules: [], severity: .warning,
            triggeringExamples: [RuleExample(objects: """
                { id: "m", class: "model", name: process.env.GROUPAROO_GEN_SURELY_UNSET, type: "profile" }
                """)],
            nonTriggeringExamples: [RuleExample(objects: "{ id: \"m\", class: \"model\", name: \"M\", type: \"profile\" }")])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "null-config-object",
            summary: "A config file returns null or undefined objects, which stops Grouparoo from loading anything.",
            grouparooRules: ["R-LOAD-09", "R-LOAD-10"], severity: .error,
            triggeringExamples: [RuleExample(["config.js": "exports.default = [null];\n"])],
            nonTriggeringExamples: [RuleExample(["config.js": "exports.default = [{}];\n"])])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "unreadable-file", summary: "A config file cannot be read or decoded.",
            grouparooRules: ["R-LOAD-01"], severity: .error,
            triggeringExamples: [], nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])),
        ReaderDiagnosticRule(description: RuleDescription(
            identifier: "node-evaluation-error", summary: "Node failed to evaluate a config file (Node evaluator only).",
            grouparooRules: ["R-LOAD-05"], severity: .error,
            triggeringExamples: [], nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])),
    ]
}
