/// A group may have at most 10 rules.
struct TooManyGroupRulesRule: ValidationRule {
    let description = RuleDescription(
        identifier: "too-many-group-rules", summary: "A group has more than 10 rules.",
        grouparooRules: ["R-GRP-04"], severity: .error,
        triggeringExamples: [RuleExample(objects: GroupRuleExamples.rules(
            Array(repeating: "{ propertyId: \"email\", op: \"exists\" }", count: 11).joined(separator: ",\n"), marker: "↓"))],
        nonTriggeringExamples: [RuleExample(objects: GroupRuleExamples.rules(
            Array(repeating: "{ propertyId: \"email\", op: \"exists\" }", count: 10).joined(separator: ",\n")))])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.groups.compactMap { group -> Diagnostic? in
            guard let rules = group.config.rules, rules.value.count > 10 else { return nil }
            return diagnostic("group has \(rules.value.count) rules; at most 10 are allowed", on: group.entry,
                              at: rules.keySpan ?? rules.span, grouparoo: "too many group rules")
        }
    }
}
