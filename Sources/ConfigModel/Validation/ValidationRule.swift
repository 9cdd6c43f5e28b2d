/// One offline check, in the style of a SwiftLint rule: an identifier, a one-line
/// description, the Grouparoo rules it mirrors, a default severity, and examples
/// that the test suite runs automatically.
public protocol ValidationRule: Sendable {
    var description: RuleDescription { get }
    /// Every problem this rule finds in the whole config; never throws, never stops early.
    func check(_ config: ValidationInput) -> [Diagnostic]
}

/// What a rule is, for `grouparoo-gen rules`, SARIF `tool.driver.rules` and the tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, e.g. `duplicate-id`; used by `--disable` and in every diagnostic.
    public let identifier: String
    public let summary: String
    /// Grouparoo rule ids from grouparoo-rules.md this mirrors, e.g. `["R-PIPE-02"]`; empty when it goes beyond Grouparoo.
    public let grouparooRules: [String]
    public let severity: Severity
    /// Whether the rule runs unless enabled explicitly.
    public let enabledByDefault: Bool
    /// Config files (path → contents) that must produce at least one diagnostic from this rule.
    public let triggeringExamples: [RuleExample]
    /// Config files that must produce none.
    public let nonTriggeringExamples: [RuleExample]

    public init(identifier: String, summary: String, grouparooRules: [String], severity: Severity,
                enabledByDefault: Bool = true, triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]) {
        self.identifier = identifier
        self.summary = summary
        self.grouparooRules = grouparooRules
        self.severity = severity
        self.enabledByDefault = enabledByDefault
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A small config directory for a rule example: relative path → file contents.
public struct RuleExample: Sendable {
    public let files: [String: String]

    public init(_ files: [String: String]) {
        self.files = files
    }

    /// A one-file example, `config.js` holding `exports.default = [ … ]` with the given objects.
    public init(objects: String) {
        self.files = ["config.js": "exports.default = [\n\(objects)\n];\n"]
    }
}
