/// Two destinations with the same app, type and options may not track the same group (or model).
struct DuplicateDestinationRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-destination",
        summary: "Two destinations share app, type and options and track the same group or model.",
        grouparooRules: ["R-DST-06"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "d1", class: "destination", name: "D1", type: "t", appId: "a", modelId: "m", collection: "model", options: { table: "x" } },
            { id: ↓"d2", class: "destination", name: "D2", type: "t", appId: "a", modelId: "m", collection: "model", options: { table: "x" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "d1", class: "destination", name: "D1", type: "t", appId: "a", modelId: "m", collection: "model", options: { table: "x" } },
            { id: "d2", class: "destination", name: "D2", type: "t", appId: "a", modelId: "m", collection: "model", options: { table: "y" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var seen: [String: Decoded<DestinationConfig>] = [:]
        var found: [Diagnostic] = []
        for destination in config.destinations {
            let settings = destination.config
            guard let appID = settings.appId?.value, let type = settings.type?.value else { continue }
            let tracked: String
            switch settings.effectiveCollection {
            case .known(.group): guard let group = settings.groupId?.value else { continue }; tracked = "group:\(group)"
            case .known(.model): guard let model = settings.modelId?.value else { continue }; tracked = "model:\(model)"
            default: continue
            }
            // Grouparoo compares JSON.stringify(Object.entries(options)): same keys, order and values.
            let options = JSONOutput.stringify(.object(settings.options?.value ?? JSObject())) ?? ""
            let key = [appID, type, tracked, options].joined(separator: "\u{1}")
            guard let other = seen[key] else {
                seen[key] = destination
                continue
            }
            if other.entry.id == destination.entry.id { continue }
            let otherID = other.entry.id ?? "undefined"
            found.append(diagnostic("destination `\(otherID)` already exports to the same app with the same type, "
                                    + "options and \(tracked.hasPrefix("group") ? "group" : "model")", on: destination.entry,
                                    grouparoo: "destination \"\(other.config.effectiveName)\" (\(otherID)) is already "
                                        + "using this app with the same options and group",
                                    notes: [.definedHere(other.entry)]))
        }
        return found
    }
}
