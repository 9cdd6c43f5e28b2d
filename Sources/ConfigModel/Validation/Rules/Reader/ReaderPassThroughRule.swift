/// A rule for one kind of problem the reader (or the model decoder) finds: the reader reports the typed
/// problem, the rule gives it its id, description and examples.
protocol ReaderProblemRule: ValidationRule {
    var problem: ReaderProblem { get }
}

extension ReaderProblemRule {
    var namedReaderProblem: ReaderProblem? { problem }
}

/// A problem found while reading files (syntax, evaluation, environment). As rules these can be listed,
/// documented and turned off like any other; each passes on the reader's diagnostics of its problem.
protocol ReaderPassThroughRule: ReaderProblemRule {}

extension ReaderPassThroughRule {
    var passedOnReaderProblem: ReaderProblem? { problem }

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.readerDiagnostics.filter { $0.readerProblem == problem }
    }
}
