/// Team member emails must look like an address (Sequelize `isEmail`, after lower-casing).
struct InvalidEmailRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-email", summary: "A team member's email is not a valid address.",
        grouparooRules: ["R-SEQ-02", "R-TM-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: ↓"not an email", options: { firstName: "A", lastName: "B" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: "First.Last+tag@Example.co.uk", options: { firstName: "A", lastName: "B" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.teamMembers.compactMap { member -> Diagnostic? in
            guard let email = member.config.email, !Self.looksLikeEmail(email.value.lowercased()) else { return nil }
            return diagnostic("\"\(email.value)\" is not a valid email address", on: member.entry, at: email.span,
                              grouparoo: "Validation isEmail on email failed")
        }
    }

    /// A set, not a string: `String.contains(Character)` walks the string's characters for every one tested.
    private static let forbiddenInLocalPart = Set("(),:;<>[]\\\"")

    /// A pragmatic version of validator.js `isEmail`: one `@`, a non-empty local part without
    /// spaces, and a dotted domain of letters, digits and hyphens ending in a 2+ letter label.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.contains(where: { $0.isWhitespace || forbiddenInLocalPart.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        let top = labels.last!
        return top.count >= 2 && top.allSatisfy { $0.isLetter }
    }
}
