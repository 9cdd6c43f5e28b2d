/// `profile` still loads as a record, with a deprecation warning.
struct DeprecatedClassRule: EntryRule {
    let description = RuleDescription(
        identifier: "deprecated-class", summary: "The class `profile` is deprecated; use `record`.",
        grouparooRules: ["R-CLASS-02"], severity: .warning,
        triggeringExamples: [RuleExample(objects: "{ id: \"p\", class: ↓\"profile\", modelId: \"m\" }")],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"p\", class: \"record\", modelId: \"m\" }")])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard entry.dispatchClass?.isDeprecated == true else { return }
        found.append(diagnostic("class `\(entry.rawClass ?? "profile")` is deprecated; use `record`", on: entry,
                                at: entry.span(of: "class"),
                                grouparoo: "[config] - deprecation warning: `Profile` has been changed to `Record` and will be "
                                    + "removed in a future release"))
    }
}
