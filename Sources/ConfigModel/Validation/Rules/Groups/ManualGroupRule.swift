/// Manual groups were removed in Grouparoo v0.8.
struct ManualGroupRule: ValidationRule {
    let description = RuleDescription(
        identifier: "manual-group", summary: "A group has `type: \"manual\"`, which Grouparoo no longer supports.",
        grouparooRules: ["R-GRP-06", "R-EDGE-11"], severity: .error,
        triggeringExamples: [RuleExample(objects: "{ id: \"g\", class: \"group\", name: \"G\", modelId: \"m\", type: ↓\"manual\" }")],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"g\", class: \"group\", name: \"G\", modelId: \"m\", rules: [] }")])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.groups.compactMap { group -> Diagnostic? in
            guard let type = group.config.type, type.value == "manual" else { return nil }
            return diagnostic("manual groups are no longer supported; define the group with `rules`", on: group.entry,
                              at: type.span,
                              grouparoo: "There are manual Groups. Grouparoo v0.8 removes support for Manual Groups.  "
                                  + "Please remove them and try again.")
        }
    }
}
