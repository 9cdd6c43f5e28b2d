/// A file that could not be read (or whose evaluation threw) had nothing in it checked, so no switch
/// may let it pass in silence: `--disable`, `.grouparoo-gen.json` and suppression comments cannot
/// turn these rules off. `needs-node` can be: accepting an unevaluated file is a documented choice
/// (`--allow-unevaluated`), and it stays named as such.
extension ReaderProblem {
    /// A list, not a set: see `ReaderProblem.ruleID`.
    public static let neverDisabled: [ReaderProblem] = [.syntaxError, .unreadableFile, .evaluationError, .nodeEvaluationError]
}

extension RuleSelection {
    /// The ids of the rules reporting `ReaderProblem.neverDisabled`.
    public static let neverDisabledRules: Set<String> = Set(ReaderProblem.neverDisabled.map(\.ruleID))
}
