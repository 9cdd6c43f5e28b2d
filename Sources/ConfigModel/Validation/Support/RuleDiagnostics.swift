extension ValidationRule {
    /// A diagnostic from this rule about `entry`, at the rule's severity unless overridden.
    func diagnostic(_ message: String, on entry: ConfigEntry?, at span: SourceSpan? = nil, grouparoo: String? = nil,
                    notes: [DiagnosticNote] = [], severity: Severity? = nil) -> Diagnostic {
        Diagnostic(severity: severity ?? description.severity, ruleID: description.identifier, message: message,
                   span: span ?? entry?.anchor, grouparooMessage: grouparoo, objectClass: entry?.displayClass,
                   objectID: entry?.id, notes: notes)
    }
}

extension DiagnosticNote {
    /// "defined here" pointing at another object.
    static func definedHere(_ entry: ConfigEntry, _ text: String? = nil) -> DiagnosticNote {
        DiagnosticNote(text ?? "\(entry.label) is defined here", span: entry.anchor)
    }
}
