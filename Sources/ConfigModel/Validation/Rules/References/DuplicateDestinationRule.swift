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
        // Options are compared only among destinations that share app, type and target: writing them out costs most.
        let targets = config.destinations.map(Self.target)
        var sharing: [String: Int] = [:]
        for case let target? in targets { sharing[target.key, default: 0] += 1 }
        var seen: [String: Decoded<DestinationConfig>] = [:]
        var found: [Diagnostic] = []
        for (destination, target) in zip(config.destinations, targets) {
            guard let (tracked, targetKey) = target, sharing[targetKey, default: 0] > 1 else { continue }
            // Grouparoo compares JSON.stringify(Object.entries(options)): same keys, order and values. (JSON escapes
            // U+0001, so the options cannot blur the separator.)
            let options = JSONOutput.stringify(.object(destination.config.options?.value ?? JSObject())) ?? ""
            let key = targetKey + "\u{1}" + options
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

    /// What a destination exports to (`group:…` or `model:…`), and that with its app and type as one key.
    private static func target(_ destination: Decoded<DestinationConfig>) -> (tracked: String, key: String)? {
        // The fields are read where they are: a copy of the model retained every one of them.
        guard let appID = destination.config.appId?.value, let type = destination.config.type?.value else { return nil }
        let tracked: String
        switch destination.config.effectiveCollection {
        case .known(.group): guard let group = destination.config.groupId?.value else { return nil }; tracked = "group:\(group)"
        case .known(.model): guard let model = destination.config.modelId?.value else { return nil }; tracked = "model:\(model)"
        default: return nil
        }
        return (tracked, [appID, type, tracked].joined(separator: "\u{1}"))
    }
}
