/// With a `.env.example` (beside the config dir, or `--env-example`), every variable the config reads
/// should be declared there, so whoever sets up an environment knows to set it.
struct EnvVarNotInExampleRule: ReaderPassThroughRule {
    let problem = ReaderProblem.envVarNotInExample
    let description = RuleDescription(
        identifier: "env-var-not-in-example",
        summary: "A config file reads an environment variable that .env.example does not declare.",
        grouparooRules: [], severity: .warning,
        // Needs an example file beside the config dir, which rule examples do not have; ValidateEnvExampleTests covers it.
        triggeringExamples: [],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"m\", class: \"model\", name: \"M\", type: \"profile\" }")])
}
