/// A config file with bytes that are not UTF-8: Node decodes them to U+FFFD and loads the file anyway,
/// so the config works, but a value holding "�" is rarely what was meant.
struct InvalidUtf8Rule: ReaderPassThroughRule {
    let problem = ReaderProblem.invalidUTF8
    let description = RuleDescription(
        identifier: "invalid-utf8", summary: "A config file is not valid UTF-8; Node reads the bad bytes as U+FFFD.",
        grouparooRules: ["R-LOAD-01"], severity: .warning,
        // Rule examples are Swift strings, which are always valid UTF-8; ConfigFileFinderTests covers it.
        triggeringExamples: [],
        nonTriggeringExamples: [RuleExample(["config.js": "module.exports = [];\n"])])
}
