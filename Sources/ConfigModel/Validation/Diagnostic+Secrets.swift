extension Diagnostic {
    /// Rules whose span is a secret value itself. Their messages never quote it, and a printer that
    /// shows source text must not show the text under these spans either. A list: comparing two names
    /// costs less than hashing one, and the printer asks for every diagnostic.
    public static let rulesPointingAtSecrets = ["hardcoded-secret", "duplicate-api-key"]

    public var pointsAtSecret: Bool { Self.rulesPointingAtSecrets.contains(ruleID) }

    /// Problems that keep the rules from seeing a file's values, so `hardcoded-secret` cannot point at
    /// its secrets: a printer showing that file's lines has to find them by their keys.
    private static let problemsLeavingFileUnchecked: [ReaderProblem] = [.syntaxError, .evaluationError, .needsNode,
                                                                        .nodeEvaluationError]

    public var leavesFileUnchecked: Bool { readerProblem.map(Self.problemsLeavingFileUnchecked.contains) ?? false }

    /// Whether an option or property named `key` holds a secret (password, token, apiKey, …).
    public static func isSecretKey(_ key: String) -> Bool { HardcodedSecretRule.isSecretKey(key) }
}
