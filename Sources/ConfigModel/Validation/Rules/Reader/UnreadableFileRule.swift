/// A file that cannot be opened (invalid UTF-8 is read as Node reads it: `invalid-utf8`).
struct UnreadableFileRule: ReaderPassThroughRule {
    let problem = ReaderProblem.unreadableFile
    let description = RuleDescription(
        identifier: "unreadable-file", summary: "A config file cannot be read or decoded.",
        grouparooRules: ["R-LOAD-01"], severity: .error,
        triggeringExamples: [], nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
