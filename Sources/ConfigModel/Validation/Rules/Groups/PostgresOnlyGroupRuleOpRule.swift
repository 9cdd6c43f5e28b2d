/// `iLike` and `notILike` exist only when Grouparoo runs on Postgres. With the default SQLite dialect
/// they are a warning (pass the Postgres dialect to accept them, or the SQLite one and keep the warning).
struct PostgresOnlyGroupRuleOpRule: ValidationRule {
    let description = RuleDescription(
        identifier: "postgres-only-group-rule-op",
        summary: "A group rule uses iLike/notILike, which only exist when Grouparoo runs on Postgres.",
        grouparooRules: ["R-OPS-03", "R-RULE-05"], severity: .warning,
        triggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("{ propertyId: \"email\", op: ↓\"iLike\", match: \"%@%\" }"))],
        nonTriggeringExamples: [RuleExample(objects: GroupRuleExamples.rules("{ propertyId: \"email\", op: \"like\", match: \"%@%\" }"))])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard config.dialect != .postgres else { return [] }
        return GroupRuleTypes.diagnostics(in: config) { use -> Diagnostic? in
            guard let type = use.type, let op = use.rule.op?.value.knownValue,
                  op.isAccepted(for: type, dialect: .postgres), !op.isAccepted(for: type, dialect: config.dialect)
            else { return nil }
            return diagnostic("op \"\(op.rawValue)\" only exists on Postgres; Grouparoo on SQLite rejects it "
                              + "(validate with the postgres dialect if you deploy on Postgres)", on: use.group,
                              at: use.rule.op?.span,
                              grouparoo: "invalid group rule operation \"\(op.rawValue)\" for property of type \(type.rawValue)")
        }
    }
}
