extension ReadError {
    /// The diagnostic a reader error becomes. Unsupported constructs are errors too: the file is valid
    /// JavaScript, but nothing in it was checked, and a validator must never pass what it did not check.
    func diagnostic(file: String) -> Diagnostic {
        let span = SourceSpan(file: self.file ?? file, start: position, end: position)
        switch kind {
        case .syntax:
            return Diagnostic(severity: .error, problem: .syntaxError, message: message, span: span)
        case .runtime:
            return Diagnostic(severity: .error, problem: .evaluationError,
                              message: "evaluating this file fails: \(message)", span: span)
        case .unsupported:
            return Diagnostic(severity: .error, problem: .needsNode,
                              message: "cannot evaluate \(message) statically, so nothing in this file was checked; "
                                  + Self.needsNodeAdvice,
                              span: span)
        }
    }

    /// How to check an unevaluated file, or accept it unchecked on purpose.
    static let needsNodeAdvice = "check it with `--evaluator node`, or accept it unchecked with `--allow-unevaluated` "
        + "or a `// grouparoo-gen-disable-file needs-node` comment in the file"
}
