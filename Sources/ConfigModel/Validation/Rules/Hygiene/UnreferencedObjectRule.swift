/// Objects that exist for others to use but nothing uses: an app no source or destination uses, a model
/// with no source, group or destination, a source with no properties or schedule, and a group no
/// destination exports. Off by default: a config split across repos or in progress has these legitimately.
struct UnreferencedObjectRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unreferenced-object",
        summary: "An app, model, source or group is not used by anything in the config.",
        grouparooRules: [], severity: .warning, enabledByDefault: false,
        triggeringExamples: [RuleExample(objects: """
            { id: ↓"unused", class: "app", name: "Unused", type: "sqlite" },
            { id: ↓"lonely", class: "group", name: "Lonely", modelId: "m" },
            { id: "m", class: "model", name: "M", type: "profile" }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "a", class: "app", name: "A", type: "sqlite" },
            { id: "m", class: "model", name: "M", type: "profile" },
            { id: "s", class: "source", name: "S", type: "sqlite-import-table", appId: "a", modelId: "m" },
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s" },
            { id: "g", class: "group", name: "G", modelId: "m" },
            { id: "d", class: "destination", name: "D", type: "sqlite-export-records", appId: "a", modelId: "m",
              collection: "group", groupId: "g" }
            """)])

    /// What each class is normally used by, for the message.
    private static let usedBy: [ConfigClass: String] = [
        .app: "no source or destination uses this app",
        .model: "no source, group or destination belongs to this model",
        .source: "this source has no properties or schedule",
        .group: "no destination exports this group",
    ]

    func check(_ config: ValidationInput) -> [Diagnostic] {
        // By the providing entry's position: objects sharing a node id are referenced together.
        var referenced = [Bool](repeating: false, count: config.entries.count)
        for references in config.references {
            for reference in references where [.idKey, .groupMembership].contains(reference.kind) {
                if let provider = reference.provider { referenced[provider] = true }
            }
        }
        return config.entries.compactMap { entry -> Diagnostic? in
            guard let configClass = entry.dispatchClass, let message = Self.usedBy[configClass], entry.id != nil,
                  !referenced[config.nodeProviders[entry.position]] else { return nil }
            return diagnostic(message, on: entry)
        }
    }
}
