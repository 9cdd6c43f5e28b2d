/// Only the model's columns and the loader's extra keys are allowed at the top level (§3). Records
/// (`record`, `profile`) are checked only in `config` mode: `grouparoo validate` and `apply` never load
/// them, so their keys are not checked there (R-PIPE-14).
struct UnknownKeyRule: EntryRule {
    let description = RuleDescription(
        identifier: "unknown-key", summary: "A top-level key is not allowed for the object's class.",
        grouparooRules: ["R-KEYS-01", "R-KEYS-03", "R-KEYS-04", "R-SET-01", "R-CLASS-03", "R-PIPE-14"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"t\", class: \"team\", name: \"Team\", ↓cool: true }"),
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: "a@b.co", ↓password: "x",
                  options: { firstName: "A", lastName: "B" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "s", class: "schedule", sourceId: "src", name: "S", confirmProfiles: true, recurring: false },
                { id: "r", class: "record", modelId: "m", properties: {}, cool: true }
                """),
        ])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard let configClass = entry.dispatchClass, configClass.canonical != .record || config.runMode.loadsRecords else { return }
        entry.withProperties { object in
            let properties = object.properties
            // By index: only a reported property is copied. A row is a field's key; a key outside ASCII is compared as
            // `ConfigClass.allowsKey` compares it.
            for index in properties.indices where rows[index] == TableRows.none
                || rows[index] == TableRows.notASCII && !Self.allowedKeys[configClass].contains(properties[index].key) {
                let property = properties[index]
                found.append(diagnostic(message(for: property.key, in: configClass), on: entry, at: property.keySpan,
                                        grouparoo: "\(property.key) is not a valid property of a \(configClass.modelName)"))
            }
        }
    }

    /// The keys `ConfigClass.allowsKey` accepts.
    private static let allowedKeys = PerClass { KeyList($0.fields.map(\.key)) }

    private func message(for key: String, in configClass: ConfigClass) -> String {
        var text = "`\(key)` is not a valid key for a \(configClass.preferredSpelling)"
        if configClass == .teamMember, ["password", "firstName", "lastName"].contains(key) {
            return text + "; put it in `options.\(key)`"
        }
        if let close = configClass.allowedKeys.first(where: { $0.lowercased() == key.lowercased() }) {
            return text + "; did you mean `\(close)`?"
        }
        text += " (allowed: " + configClass.fields.filter { $0.key != "class" && $0.isSuggested }.map(\.key)
            .joined(separator: ", ") + ")"
        return text
    }
}
