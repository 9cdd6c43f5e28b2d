/// Per-topic `permissions` only take effect when `options.permissionAllRead` / `permissionAllWrite` are
/// explicitly `null`; `true`/`false` override every topic, and leaving them out is unreliable.
struct IneffectivePermissionsRule: ValidationRule {
    let description = RuleDescription(
        identifier: "ineffective-permissions",
        summary: "Per-topic permissions are overridden by permissionAllRead/Write (they must be null to apply).",
        grouparooRules: ["R-PERM-02", "R-PERM-03", "R-PERM-04", "R-PERM-05", "R-KEY-04"], severity: .warning,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "k", class: "apiKey", name: "Key", options: { permissionAllRead: ↓true, permissionAllWrite: ↓false },
                  permissions: [{ topic: "app", read: true, write: true }] }
                """),
            RuleExample(objects: """
                { id: "t", class: "team", name: "Team", ↓permissions: [{ topic: "app", read: true, write: true }] }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "k", class: "apiKey", name: "Key", options: { permissionAllRead: null, permissionAllWrite: null },
                  permissions: [{ topic: "app", read: true, write: true }] },
                { id: "t", class: "team", name: "Team", options: { permissionAllRead: true, permissionAllWrite: false } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        PermissionOwners.forEach(in: config) { entry, options, permissions in
            guard let permissions, !permissions.value.isEmpty else { return }
            guard let options else {
                found.append(diagnostic("`permissions` only apply when `options.permissionAllRead` and "
                                        + "`options.permissionAllWrite` are set to null; without `options` the result "
                                        + "is unpredictable", on: entry, at: permissions.keySpan,
                                        severity: .error))
                return
            }
            for (name, field) in [("permissionAllRead", options.value.permissionAllRead),
                                  ("permissionAllWrite", options.value.permissionAllWrite)] {
                let access = name == "permissionAllRead" ? "read" : "write"
                guard let field else {
                    found.append(diagnostic("`options.\(name)` is missing; set it to null so the per-topic `\(access)` "
                                            + "values apply", on: entry, at: options.span, severity: .error))
                    continue
                }
                guard let value = field.value else { continue }
                found.append(diagnostic("`options.\(name)` is \(value), which overrides every per-topic `\(access)` "
                                        + "value in `permissions`; set it to null to use them", on: entry,
                                        at: field.span))
            }
        }
        return found
    }
}
