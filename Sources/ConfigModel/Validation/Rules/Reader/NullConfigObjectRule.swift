/// `null` or `undefined` entries in a file's list stop Grouparoo before it loads anything.
struct NullConfigObjectRule: ReaderPassThroughRule {
    let problem = ReaderProblem.nullConfigObject
    let description = RuleDescription(
        identifier: "null-config-object",
        summary: "A config file returns null or undefined objects, which stops Grouparoo from loading anything.",
        grouparooRules: ["R-LOAD-09", "R-LOAD-10"], severity: .error,
        triggeringExamples: [RuleExample(["config.js": "exports.default = ↓[null];\n"])],
        nonTriggeringExamples: [RuleExample(["config.js": "exports.default = [{}];\n"])])
}
