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
        var seen: [String: ConfigEntry] = [:]
        var found: [Diagnostic] = []
        for member in config.teamMembers {
            guard let email = member.config.email else { continue }
            let folded = email.value.lowercased()
            guard let first = seen[folded] else {
                seen[folded] = member.entry
                continue
            }
            if first.id == member.entry.id { continue }
            found.append(diagnostic("email \"\(folded)\" is already used by another team member", on: member.entry,
                                    at: email.span, grouparoo: "email must be unique", notes: [.definedHere(first)]))
        }
        return found
    }
}
