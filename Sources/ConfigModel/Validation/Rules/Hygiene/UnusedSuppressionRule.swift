/// A suppression comment that suppresses nothing. The check needs every other rule's findings, so the
/// `Validator` runs it after them (`InlineSuppressions`); this rule gives it an id, a summary and examples,
/// and turning it off (`--disable unused-suppression`) stops the report.
struct UnusedSuppressionRule: ValidationRule {
    static let identifier = "unused-suppression"

    let description = RuleDescription(
        identifier: identifier, summary: "A grouparoo-gen-disable comment suppresses nothing (or names no rule).",
        grouparooRules: [], severity: .warning,
        triggeringExamples: [RuleExample(["config.js": """
            // ↓grouparoo-gen-disable-next-line duplicate-id
            module.exports = [{ id: "m", class: "model", name: "M", type: "profile" }];
            """])],
        nonTriggeringExamples: [RuleExample(["config.js": """
            module.exports = [
              { id: "m", class: "model", name: "M", type: "profile" },
              // grouparoo-gen-disable-next-line duplicate-id
              { id: "m", class: "model", name: "M2", type: "profile" },
            ];
            """])])

    func check(_ config: ValidationInput) -> [Diagnostic] { [] }
}
