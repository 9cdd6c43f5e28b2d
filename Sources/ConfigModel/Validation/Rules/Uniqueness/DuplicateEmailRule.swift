/// Team member emails are lower-cased and must be unique (a database unique index).
struct DuplicateEmailRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-email", summary: "Two team members have the same email (ignoring case).",
        grouparooRules: ["R-UNIQ-04", "R-TM-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "teamMember", teamId: "t", email: "Ann@example.com", options: { firstName: "A", lastName: "A" } },
                { id: "b", class: "teamMember", teamId: "t", email: ↓"ann@example.com", options: { firstName: "B", lastName: "B" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "teamMember", teamId: "t", email: "ann@example.com", options: { firstName: "A", lastName: "A" } },
                { id: "b", class: "teamMember", teamId: "t", email: "bob@example.com", options: { firstName: "B", lastName: "B" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        LaterDuplicates.find(config.teamMembers, entry: \.entry, value: { $0.config.email?.value.lowercasedIfNeeded() }).map { member, first in
            diagnostic("email \"\(member.config.email?.value.lowercased() ?? "")\" is already used by another team member",
                       on: member.entry, at: member.config.email?.span, grouparoo: "email must be unique", notes: [.definedHere(first)])
        }
    }
}
