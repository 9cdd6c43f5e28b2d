/// Keys Grouparoo accepts at the top level but never reads, where the author almost certainly meant
/// the place the loader does read (e.g. `options.permissionAllRead`).
struct IgnoredKeyRule: EntryRule {
    let description = RuleDescription(
        identifier: "ignored-key",
        summary: "A key is accepted but ignored by Grouparoo's loader (it belongs somewhere else).",
        grouparooRules: ["R-KEYS-04", "R-GRP-03", "R-TM-02", "R-KEY-04"], severity: .warning,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"t\", class: \"team\", name: \"Team\", ↓permissionAllRead: true }"),
            RuleExample(objects: "{ id: \"g\", class: \"group\", name: \"G\", modelId: \"m\", ↓matchType: \"any\" }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "t", class: "team", name: "Team", options: { permissionAllRead: true, permissionAllWrite: false } }
                """),
        ])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard let configClass = entry.dispatchClass else { return }
        Self.ignoredFields.withUnretained(configClass) { ignored in
            // Most classes ignore no key: their objects are not looked at.
            guard !ignored.fields.isEmpty else { return }
            entry.withProperties { object in
                let properties = object.properties
                // By index: only an ignored property is copied. A key outside ASCII is compared as `ConfigClass.field` does.
                for index in properties.indices {
                    let row = rows[index]
                    guard row >= 0 ? ignored.isIgnored[Int(row)]
                        : row == TableRows.notASCII && ignored.keys.contains(properties[index].key) else { continue }
                    let property = properties[index]
                    guard case .ignored(let instead, _)? = ignored.fields.first(where: { $0.key == property.key })?.status
                    else { continue }
                    let hint = instead.map { "use `\($0)` instead" } ?? "Grouparoo always decides this itself"
                    found.append(diagnostic("`\(property.key)` is ignored at the top level of a "
                                            + "\(configClass.preferredSpelling); \(hint)", on: entry, at: property.keySpan))
                }
            }
        }
    }

    /// A class's fields Grouparoo ignores, in one object lent unretained (`PerClass.withUnretained`): reading its
    /// lists out of `PerClass`es retained and released them for every object.
    private final class IgnoredFields: Sendable {
        let fields: [ConfigField]
        /// Whether the field at each row is ignored (the first field with a key decides, as `ConfigClass.field` does).
        let isIgnored: [Bool]
        /// The ignored fields' keys (a few at most).
        let keys: KeyList

        init(_ configClass: ConfigClass) {
            isIgnored = configClass.fields.map { field in
                guard case .ignored? = configClass.field(field.key)?.status else { return false }
                return true
            }
            fields = zip(configClass.fields, isIgnored).filter(\.1).map(\.0)
            keys = KeyList(fields.map(\.key))
        }
    }

    private static let ignoredFields = PerClass(IgnoredFields.init)
}
