/// Applies the `// grouparoo-gen-disable-next-line` and `// grouparoo-gen-disable-file` comments: a
/// diagnostic located in a file with a matching file-wide comment, or on the line after a matching
/// next-line comment, is dropped. A comment (or one rule it names) that drops nothing is reported as
/// `unused-suppression`, so stale suppressions do not pile up and hide the next real problem.
enum InlineSuppressions {
    static func apply(_ diagnostics: [Diagnostic], comments: [SuppressionComment], activeRules: Set<String>,
                      knownRules: Set<String>, reportUnused: Bool) -> [Diagnostic] {
        guard !comments.isEmpty else { return diagnostics }
        let byFile = Dictionary(grouping: comments.indices, by: { comments[$0].span.file })
        // (comment index, rule id or "" for every rule) that suppressed something.
        var used: Set<UsedRule> = []
        let kept = diagnostics.filter { diagnostic in
            guard let span = diagnostic.span, let candidates = byFile[span.file],
                  !RuleSelection.neverDisabledRules.contains(diagnostic.ruleID) else { return true }
            for index in candidates {
                let comment = comments[index]
                if comment.scope == .nextLine, comment.span.start.line + 1 != span.start.line { continue }
                if comment.rules.isEmpty {
                    used.insert(UsedRule(comment: index, rule: ""))
                    return false
                }
                if comment.rules.contains(diagnostic.ruleID) {
                    used.insert(UsedRule(comment: index, rule: diagnostic.ruleID))
                    return false
                }
            }
            return true
        }
        guard reportUnused else { return kept }
        var unused: [Diagnostic] = []
        for (index, comment) in comments.enumerated() {
            let directive = "`// \(comment.scope.rawValue)`"
            func naming(_ rule: String) -> String { "`// \(comment.scope.rawValue) \(rule)`" }
            let place = comment.scope == .nextLine ? "on the next line" : "in this file"
            if comment.rules.isEmpty, !used.contains(UsedRule(comment: index, rule: "")) {
                unused.append(unusedDiagnostic("\(directive) suppresses nothing: there is no problem \(place); remove it",
                                               at: comment.span))
            }
            for rule in comment.rules where !used.contains(UsedRule(comment: index, rule: rule)) {
                if RuleSelection.neverDisabledRules.contains(rule) {
                    unused.append(unusedDiagnostic("\(naming(rule)) cannot suppress `\(rule)`: a file it reports could not be "
                                                   + "read, so nothing in it was checked; fix the file instead", at: comment.span))
                } else if !knownRules.contains(rule) {
                    unused.append(unusedDiagnostic("\(directive) names `\(rule)`, which is not a rule; "
                                                   + "run 'grouparoo-gen rules' to list them", at: comment.span))
                } else if activeRules.contains(rule) {
                    unused.append(unusedDiagnostic("\(naming(rule)) suppresses nothing: there is no `\(rule)` problem "
                                                   + "\(place); remove it", at: comment.span))
                }
            }
        }
        return kept + unused
    }

    private struct UsedRule: Hashable {
        let comment: Int
        let rule: String
    }

    private static func unusedDiagnostic(_ message: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(severity: .warning, ruleID: UnusedSuppressionRule.identifier, message: message, span: span)
    }
}
