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
        // Rules with an op that cannot be reported are passed over without looking their property up.
        let candidates = Self.candidates(for: config.dialect)
        let isCandidate = { (op: GroupRuleOp?) -> Bool in
            guard let op else { return false }
            return candidates.contains(op)
        }
        return GroupRuleTypes.diagnostics(in: config, including: isCandidate) { use -> Diagnostic? in
            guard let type = use.type, let op = use.op?.value.knownValue,
                  op.isAccepted(for: type, dialect: .postgres), !op.isAccepted(for: type, dialect: config.dialect)
            else { return nil }
            return diagnostic("op \"\(op.rawValue)\" only exists on Postgres; Grouparoo on SQLite rejects it "
                              + "(validate with the postgres dialect if you deploy on Postgres)", on: use.group,
                              at: use.op?.span,
                              grouparoo: "invalid group rule operation \"\(op.rawValue)\" for property of type \(type.rawValue)")
        }
    }

    /// The ops some property type accepts on Postgres and not in `dialect` (`iLike`, …): only these can be reported.
    static func candidates(for dialect: SQLDialect) -> [GroupRuleOp] {
        GroupRuleOp.allCases.filter { op in
            PropertyType.allCases.contains { op.isAccepted(for: $0, dialect: .postgres) && !op.isAccepted(for: $0, dialect: dialect) }
        }
    }
}
