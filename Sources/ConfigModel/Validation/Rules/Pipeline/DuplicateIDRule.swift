/// Ids must be unique within a class; class spellings that differ only in case or surrounding
/// whitespace are the same class. The same id in different classes is fine. Objects with a missing (falsy)
/// id count too: two teams without an id are a duplicate, as in Grouparoo (besides `missing-id`).
struct DuplicateIDRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-id", summary: "Two config objects of the same class share an id.",
        grouparooRules: ["R-PIPE-02", "R-PIPE-03", "R-EDGE-01", "R-ID-06"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "A", type: "sqlite" },
                { id: ↓"dw", class: "App", name: "B", type: "sqlite" }
                """),
            RuleExample(objects: """
                { class: "team", name: "Team A" },
                ↓{ class: "team", name: "Team B" }
                """),
            RuleExample([
                "a.js": "module.exports = { id: \"t\", class: \"team\", name: \"Team A\" };",
                "b.js": "module.exports = { id: ↓\"t\", class: \" TEAM \", name: \"Team B\" };",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "mailchimp", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: "x" } },
                { id: "mailchimp", class: "model", name: "Mailchimp", type: "profile" }
                """),
            RuleExample(objects: """
                { id: "dw", class: "app", name: "A", type: "sqlite" },
                { id: "DW", class: "app", name: "B", type: "sqlite" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (entry, first) in Self.duplicates(in: config) {
            let className = entry.cleanClass ?? "undefined"
            if first.anchor == entry.anchor, first.file != entry.file {
                found.append(loadedTwice(entry, first: first, config: config))
                continue
            }
            let message: String
            let shownID: String
            if let id = entry.id {
                shownID = id
                message = "duplicate id `\(id)`: another \(className) already uses it"
            } else {
                // Objects without an id take part too (R-PIPE-02), compared by their raw falsy value.
                shownID = JavaScriptValues.string(entry.idProperty?.value.value ?? .undefined)
                message = "a second \(className) without an id (`\(shownID)`); Grouparoo also reports it as a duplicate id"
            }
            found.append(diagnostic(
                message, on: entry, grouparoo: "Duplicate ID values found for \(shownID) of class \(className)",
                notes: [.definedHere(first, "the first \(className) with this id is defined here")]))
        }
        return found
    }

    /// Each entry whose duplicate key an earlier entry has, with the first entry that has it, in config order.
    static func duplicates(in config: ValidationInput) -> [(entry: ConfigEntry, first: ConfigEntry)] {
        // An object with an id is keyed by its node id, whose first object `nodeProviders` already found: when
        // that object has an id too, it is the first with the key, and no key is hashed. Keys of objects without
        // an id contain no `:` unless their class does; then they could equal a node id, and every key is hashed.
        let entries = config.entries
        let resolvedByNode = !entries.contains { $0.id == nil && $0.cleanClass?.containsByte(UInt8(ascii: ":")) == true }
        var firstByKey: [String: ConfigEntry] = [:]
        var found: [(entry: ConfigEntry, first: ConfigEntry)] = []
        for entry in entries {
            if resolvedByNode, entry.id != nil, case let provider = config.nodeProviders[entry.position],
               entries[provider].id != nil {
                if provider != entry.position { found.append((entry, entries[provider])) }
                continue
            }
            let key = duplicateKey(entry)
            if let first = firstByKey[key] { found.append((entry, first)) } else { firstByKey[key] = entry }
        }
        return found
    }

    /// `${cleanClass}:${id}` for objects with an id; for the others the class and the falsy value itself, since
    /// Grouparoo compares ids with `Array.includes` (so `undefined` and `""` differ, and NaN matches NaN).
    static func duplicateKey(_ entry: ConfigEntry) -> String {
        guard entry.id == nil else { return entry.nodeID }
        let raw = entry.idProperty?.value.value ?? .undefined
        let kind: String
        switch raw {
        case .undefined: kind = "undefined"
        case .null: kind = "null"
        case .string: kind = "string"
        case .number(let number): kind = number.isNaN ? "NaN" : "0"
        case .boolean: kind = "false"
        default: kind = "other"
        }
        return "\(entry.cleanClass ?? "undefined")\u{0}\(kind)"
    }
}
