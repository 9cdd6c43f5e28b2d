/// A group rule's op must exist for the property's type once convenience ops are converted
/// (`relative_gt` → `gt`, so it works for dates and numbers only). Ops that only Postgres has are
/// reported by `postgres-only-group-rule-op` instead.
struct InvalidGroupRuleOpRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-group-rule-op", summary: "A group rule's op is not valid for the property's type.",
        grouparooRules: ["R-RULE-04", "R-RULE-05", "R-OPS-01", "R-OPS-02", "R-OPS-03", "R-OPS-04", "R-OPS-05",
                         "R-TLGR-01"],
        severity: .error,
        triggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("""
            { propertyId: "email", op: ↓"relative_gt", relativeMatchNumber: 3, relativeMatchUnit: "days" },
            { propertyId: "email", op: ↓"contains", match: "x" }
            """))],
        nonTriggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("""
            { propertyId: "email", op: "like", match: "%@%" },
            { propertyId: "grouparooCreatedAt", op: "relative_lt", relativeMatchNumber: 1, relativeMatchUnit: "days" },
            { propertyId: "grouparooId", op: "exists" },
            { propertyId: "email", op: "iLike", match: "%@%" }
            """))])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        GroupRuleTypes.diagnostics(in: config) { use -> Diagnostic? in
            guard let type = use.type else { return nil }
            if let op = use.op?.value.knownValue, op.isAccepted(for: type, dialect: .postgres) { return nil }
            let opText = use.op?.value.rawValue ?? "undefined"
            let allowed = GroupRuleTypes.configOps(for: type, dialect: config.dialect).map(\.rawValue)
            let subject = use.topLevel ? "top-level rule `\(use.label)`" : "property `\(use.label)`"
            let grouparoo = use.topLevel ? "Cannot read properties of null (reading 'type')"
                : "invalid group rule operation \"\(opText)\" for property of type \(type.rawValue)"
            var message = "op \"\(opText)\" cannot be used on \(subject) of type \(type.rawValue) (allowed: "
                + allowed.joined(separator: ", ") + ")"
            if use.op == nil, case .object(let operation)? = use.object["operation"]?.value, operation["op"] != nil {
                // Older Grouparoo examples nest the op; 0.9 reads only the top-level `op`.
                message = "the rule has no `op`: write `op: ...` directly, Grouparoo 0.9 ignores `operation: { op }`"
            }
            return diagnostic(message, on: use.group,
                              at: use.op?.span ?? use.span, grouparoo: grouparoo)
        }
    }
}
