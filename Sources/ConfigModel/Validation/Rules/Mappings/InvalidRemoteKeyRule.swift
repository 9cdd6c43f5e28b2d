/// Each mapping entry and group membership is saved as a row whose `remoteKey` needs 1..191 characters
/// (`Mapping`, `DestinationGroupMembership`), and a destination's mapping rows are unique per remote key
/// compared case-insensitively (`ensureUnique` on `Mapping.uniqueIdentifier`), which aborts loading.
struct InvalidRemoteKeyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-remote-key",
        summary: "A mapping or group-membership remote key is empty, longer than 191 characters, or repeats another one "
            + "ignoring case.",
        grouparooRules: ["R-DST-07", "R-DST-08", "R-SRC-07", "R-SEQ-02", "R-UNIQ-01"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m",
                  mapping: { Email: "email", ↓email: "email_2" } }
                """),
            RuleExample(objects: """
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { ↓"": "user_id" } },
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m",
                  destinationGroupMemberships: { ↓"": "vips" } }
                """),
        ],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id", "": null } },
            { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m",
              mapping: { email: "email", Email: null }, destinationGroupMemberships: { "": "vips", VIPs: "vips" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for source in config.sources {
            // Only the first non-null entry is saved (R-SRC-07).
            if let used = source.config.effectiveMapping { found += lengthProblem(used, on: source.entry) }
        }
        for destination in config.destinations {
            let saved = (destination.config.mapping?.value ?? []).filter { $0.target != nil }
            // Sized once, and one hash for a key not seen yet (nearly every one): the rare first one seen again is put back.
            var firstByLowercased = [String: KeyedReference](minimumCapacity: saved.count)
            for entry in saved {
                found += lengthProblem(entry, on: destination.entry)
                let folded = entry.key.lowercasedIfNeeded()
                guard let first = firstByLowercased.updateValue(entry, forKey: folded) else { continue }
                firstByLowercased[folded] = first
                let id = destination.entry.id ?? "undefined"
                found.append(diagnostic("mapping keys `\(first.key)` and `\(entry.key)` differ only in case; Grouparoo "
                                        + "treats them as the same remote key and stops loading", on: destination.entry,
                                        at: entry.keySpan,
                                        grouparoo: "ownerId \"\(id)\" is already in use, ownerType \"destination\" is already "
                                            + "in use, remoteKey \"\(entry.key)\" is already in use in table Mapping",
                                        notes: [DiagnosticNote("`\(first.key)` is mapped here", span: first.keySpan)]))
            }
            // Memberships are inverted to {groupId: remoteName}: for each group the last remote name is saved (R-DST-08).
            let memberships = destination.config.destinationGroupMemberships?.value ?? []
            var lastByGroup = [String: KeyedReference](minimumCapacity: memberships.count)
            var order: [String] = []
            for entry in memberships {
                guard let group = entry.target?.value else { continue }
                if lastByGroup.updateValue(entry, forKey: group) == nil { order.append(group) }
            }
            for group in order { found += lengthProblem(lastByGroup[group]!, on: destination.entry) }
        }
        return found
    }

    private func lengthProblem(_ entry: KeyedReference, on owner: ConfigEntry) -> [Diagnostic] {
        let length = entry.key.utf16.count, limit = GrouparooLimits.maximumLength
        guard length == 0 || length > limit else { return [] }
        let problem = length == 0 ? "is empty" : "is \(length) characters long (at most \(limit))"
        return [diagnostic("remote key `\(entry.key)` \(problem)", on: owner, at: entry.keySpan,
                           grouparoo: "Validation len on remoteKey failed")]
    }
}
