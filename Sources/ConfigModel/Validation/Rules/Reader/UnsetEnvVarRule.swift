/// `process.env.NAME` of a variable that is not set (and has no `||`/`??` fallback) reads `undefined`.
struct UnsetEnvVarRule: ReaderPassThroughRule {
    let problem = ReaderProblem.unsetEnvVar
    let description = RuleDescription(
        identifier: "unset-env-var", summary: "A config file reads an environment variable that is not set.",
        grouparooRules: [], severity: .warning,
        triggeringExamples: [RuleExample(objects: """
            { id: "m", class: "model", name: ↓process.env.GROUPAROO_GEN_SURELY_UNSET, type: "profile" }
            """)],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"m\", class: \"model\", name: \"M\", type: \"profile\" }")])
}
