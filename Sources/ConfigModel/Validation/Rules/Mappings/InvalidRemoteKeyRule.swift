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
        config.sources.forEachUnretained { source in
            // Only the first non-null entry is saved (R-SRC-07).
            if let used = source.config.effectiveMapping { found += lengthProblem(used.key, at: used.keySpan, on: source.entry) }
        }
        config.destinations.forEachUnretained { destination in
            // Read in place by index: a filtered copy of the saved rows, a copy of each row and two dictionaries cost
            // most of the rule.
            let mapping = destination.config.mapping?.value ?? []
            var firsts = [Int?](repeating: nil, count: mapping.count)
            LaterDuplicates.forEachRepeat(of: mapping.map { $0.target == nil ? nil : $0.key.lowercasedIfNeeded() }) { firsts[$0] = $1 }
            for index in mapping.indices where mapping[index].target != nil {
                found += lengthProblem(mapping[index].key, at: mapping[index].keySpan, on: destination.entry)
                guard let firstIndex = firsts[index] else { continue }
                let (first, entry) = (mapping[firstIndex], mapping[index])
                let id = destination.entry.id ?? "undefined"
                found.append(diagnostic("mapping keys `\(first.key)` and `\(entry.key)` differ only in case; Grouparoo "
                                        + "treats them as the same remote key and stops loading", on: destination.entry,
                                        at: entry.keySpan,
                                        grouparoo: "ownerId \"\(id)\" is already in use, ownerType \"destination\" is already "
                                            + "in use, remoteKey \"\(entry.key)\" is already in use in table Mapping",
                                        notes: [DiagnosticNote("`\(first.key)` is mapped here", span: first.keySpan)]))
            }
            // Memberships are inverted to {groupId: remoteName}: for each group the last remote name is saved (R-DST-08),
            // in the order the groups first appear.
            let memberships = destination.config.destinationGroupMemberships?.value ?? []
            let groups = memberships.map { $0.target?.value }
            var last = Array(memberships.indices)
            var isFirst = groups.map { $0 != nil }
            LaterDuplicates.forEachRepeat(of: groups) { index, first in
                last[first] = index
                isFirst[index] = false
            }
            for index in memberships.indices where isFirst[index] {
                found += lengthProblem(memberships[last[index]].key, at: memberships[last[index]].keySpan, on: destination.entry)
            }
        }
        return found
    }

    /// Of a row's key and where it is written (not the row: a copy of it retained every part).
    private func lengthProblem(_ key: String, at keySpan: SourceSpan, on owner: ConfigEntry) -> [Diagnostic] {
        let length = key.utf16.count, limit = GrouparooLimits.maximumLength
        guard length == 0 || length > limit else { return [] }
        let problem = length == 0 ? "is empty" : "is \(length) characters long (at most \(limit))"
        return [diagnostic("remote key `\(key)` \(problem)", on: owner, at: keySpan,
                           grouparoo: "Validation len on remoteKey failed")]
    }
}
