/// Every group rule except exists/notExists needs a `match` or a `relativeMatchNumber`.
struct GroupRuleNeedsMatchRule: ValidationRule {
    let description = RuleDescription(
        identifier: "group-rule-needs-match", summary: "A group rule has neither `match` nor `relativeMatchNumber`.",
        grouparooRules: ["R-RULE-03", "R-RULE-07"], severity: .error,
        triggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("↓{ propertyId: \"email\", op: \"eq\" }"))],
        nonTriggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("""
            { propertyId: "email", op: "notExists" },
            { propertyId: "email", op: "eq", match: "a@b.co" },
            { propertyId: "grouparooCreatedAt", op: "relative_gt", relativeMatchNumber: "8", relativeMatchUnit: "days" }
            """))])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for group in config.groups {
            for (index, rule) in (group.config.rules?.value ?? []).enumerated() {
                guard case .object = rule.raw.value, let op = rule.op?.value.knownValue,
                      op != .exists, op != .notExists, rule.match == nil, rule.relativeMatchNumber == nil else { continue }
                found.append(diagnostic("`rules[\(index)]` (op \"\(op.rawValue)\") needs `match` or `relativeMatchNumber`",
                                        on: group.entry, at: rule.raw.span,
                                        grouparoo: "either match or relativeMatch is required"))
            }
        }
        return found
    }
}
