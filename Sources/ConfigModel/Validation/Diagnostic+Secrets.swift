extension Diagnostic {
    /// Rules whose span is a secret value itself. Their messages never quote it, and a printer that
    /// shows source text must not show the text under these spans either.
    public static let rulesPointingAtSecrets: Set<String> = ["hardcoded-secret", "duplicate-api-key"]

    public var pointsAtSecret: Bool { Self.rulesPointingAtSecrets.contains(ruleID) }
}
