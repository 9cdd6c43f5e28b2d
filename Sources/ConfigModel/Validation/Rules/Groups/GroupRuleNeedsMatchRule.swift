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
        config.groups.forEachUnretained { group in
            // Read in place by index: a copy of each rule retained its every field.
            let rules = group.config.rules?.value ?? []
            for index in rules.indices {
                guard case .object = rules[index].raw.value, let op = rules[index].op?.value.knownValue, op != .exists,
                      op != .notExists, rules[index].match == nil, rules[index].relativeMatchNumber == nil else { continue }
                found.append(diagnostic("`rules[\(index)]` (op \"\(op.rawValue)\") needs `match` or `relativeMatchNumber`",
                                        on: group.entry, at: rules[index].raw.span,
                                        grouparoo: "either match or relativeMatch is required"))
            }
        }
        return found
    }
}
