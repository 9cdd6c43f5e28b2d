/// A problem found while reading files (syntax, evaluation, environment). The reader reports these;
/// as rules they can be listed, documented and turned off like any other. Each such rule only passes
/// on the reader's diagnostics that carry its identifier.
protocol ReaderPassThroughRule: ValidationRule {}

extension ReaderPassThroughRule {
    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.read.diagnostics.filter { $0.ruleID == description.identifier }
    }
}
