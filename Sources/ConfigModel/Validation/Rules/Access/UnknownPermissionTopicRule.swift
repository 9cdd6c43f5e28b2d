/// Each `permissions` entry must name one of Grouparoo's 18 topics, spelled exactly.
struct UnknownPermissionTopicRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unknown-permission-topic", summary: "A permission names a topic Grouparoo does not have.",
        grouparooRules: ["R-KEY-05", "R-PERM-01", "R-PERM-03", "R-TEAM-03"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "k", class: "apiKey", name: "Key", options: { permissionAllRead: null, permissionAllWrite: null },
              permissions: [{ topic: ↓"apikey", read: true, write: false }, { topic: ↓"profile", read: true, write: true }] }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "k", class: "apiKey", name: "Key", options: { permissionAllRead: null, permissionAllWrite: null },
              permissions: [{ topic: "apiKey", read: true, write: false }, { topic: "setupStep", read: true, write: true }] }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        PermissionOwners.forEach(in: config) { entry, _, permissions in
            // Read in place by index: a permission is copied only when it is reported.
            guard let permissions = permissions?.value else { return }
            for index in permissions.indices {
                guard case .object = permissions[index].raw.value else { continue }
                if case .known? = permissions[index].topic?.value { continue }
                let permission = permissions[index]
                let raw = permission.topic?.value.rawValue
                var message = raw.map { "unknown permission topic \"\($0)\"" } ?? "`permissions[\(index)]` has no `topic`"
                if let raw, let close = PermissionTopic.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) {
                    message += "; did you mean \"\(close.rawValue)\"? (topics are case-sensitive)"
                } else {
                    message += " (topics: " + PermissionTopic.allCases.map(\.rawValue).joined(separator: ", ") + ")"
                }
                found.append(diagnostic(message, on: entry, at: permission.topic?.span ?? permission.raw.span,
                                        grouparoo: "Cannot find permission for topic \(raw ?? "undefined")"))
            }
        }
        return found
    }
}
