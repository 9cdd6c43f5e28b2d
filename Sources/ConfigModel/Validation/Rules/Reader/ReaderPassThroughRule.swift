/// A rule for one kind of problem the reader (or the model decoder) finds: the reader reports the typed
/// problem, the rule gives it its id, description and examples.
protocol ReaderProblemRule: ValidationRule {
    var problem: ReaderProblem { get }
}

/// A problem found while reading files (syntax, evaluation, environment). As rules these can be listed,
/// documented and turned off like any other; each passes on the reader's diagnostics of its problem.
protocol ReaderPassThroughRule: ReaderProblemRule {}

extension ReaderPassThroughRule {
    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.read.diagnostics.filter { $0.readerProblem == problem }
    }
}

extension ReaderProblem {
    /// The id of the rule that reports this problem, e.g. `syntax-error`.
    public var ruleID: String { Self.ruleIDs[self]! }

    private static let ruleIDs: [ReaderProblem: String] = Dictionary(uniqueKeysWithValues: RuleCatalog.all.compactMap { rule in
        (rule as? any ReaderProblemRule).map { ($0.problem, $0.description.identifier) }
    })
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
