extension ReadError {
    /// The diagnostic a reader error becomes. Unsupported constructs are warnings:
    /// the file is valid JavaScript, it just needs Node to evaluate.
    func diagnostic(file: String) -> Diagnostic {
        let span = SourceSpan(file: self.file ?? file, start: position, end: position)
        switch kind {
        case .syntax:
            return Diagnostic(severity: .error, problem: .syntaxError, message: message, span: span)
        case .runtime:
            return Diagnostic(severity: .error, problem: .evaluationError,
                              message: "evaluating this file fails: \(message)", span: span)
        case .unsupported:
            return Diagnostic(severity: .warning, problem: .needsNode,
                              message: "cannot evaluate \(message) statically; run with --evaluator node to execute this file",
                              span: span)
        }
    }
}
