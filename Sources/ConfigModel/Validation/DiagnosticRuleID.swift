/// Rule ids live with the rules: a reader problem is named by the `ReaderProblemRule` that reports it.
extension ReaderProblem {
    /// The id of the rule that reports this problem, e.g. `syntax-error`.
    public var ruleID: String { Self.ruleIDs.first { $0.problem == self }!.id }

    /// A list, not a dictionary: the first hash of a `ReaderProblem` looks its `Hashable` conformance up
    /// at run time, a scan of every conformance in the binary (~0.3 M instructions at start-up).
    private static let ruleIDs: [(problem: ReaderProblem, id: String)] = RuleCatalog.all.compactMap { rule in
        rule.namedReaderProblem.map { ($0, rule.description.identifier) }
    }
}

extension Diagnostic {
    /// The id `--disable` takes and every report prints: the rule's, or that of the rule for the reader's problem.
    public var ruleID: String {
        switch origin {
        case .reader(let problem): return problem.ruleID
        case .rule(let identifier): return identifier
        }
    }
}
