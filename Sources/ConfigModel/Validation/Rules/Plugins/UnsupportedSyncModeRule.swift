/// A destination's `syncMode` must be one its connection supports, and is required when the
/// connection supports several and has no default.
struct UnsupportedSyncModeRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unsupported-sync-mode",
        summary: "A destination's syncMode is missing (and required) or not supported by its connection.",
        grouparooRules: ["R-DST-05"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "onesignal-export-users", appId: "a", modelId: "m", syncMode: ↓"sync" }
                """),
            RuleExample(objects: """
                { id: ↓"d", class: "destination", name: "D", type: "salesforce-export-contacts", appId: "a", modelId: "m" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "onesignal-export-users", appId: "a", modelId: "m" },
                { id: "e", class: "destination", name: "E", type: "salesforce-export-contacts", appId: "a", modelId: "m", syncMode: "enrich" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        var found: [Diagnostic] = []
        config.destinations.forEachUnretained { destination in
            guard let type = destination.config.type?.value, let connection = plugins.connections[type],
                  !connection.syncModes.isEmpty else { return }
            let name = destination.config.effectiveName
            let modes = connection.syncModes.joined(separator: ", ")
            if let mode = destination.config.syncMode {
                guard case .known = mode.value, !connection.syncModes.contains(mode.value.rawValue) else { return }
                found.append(diagnostic("`\(type)` does not support sync mode \"\(mode.value.rawValue)\" (supported: "
                                        + "\(modes))", on: destination.entry, at: mode.span,
                                        grouparoo: "\(name) does not support sync mode \"\(mode.value.rawValue)\""))
            } else if connection.syncModes.count > 1, connection.defaultSyncMode == nil {
                found.append(diagnostic("`\(type)` has no default sync mode; set `syncMode` (one of: \(modes))",
                                        on: destination.entry, grouparoo: "Sync mode is required for destination \(name)"))
            }
        }
        return found
    }
}
