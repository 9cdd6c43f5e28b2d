/// Values from Grouparoo's fixed lists: property type, model type, destination sync mode and
/// collection, and the relative-match fields of group rules. Enums are case-sensitive.
struct InvalidEnumRule: EntryRule {
    let description = RuleDescription(
        identifier: "invalid-enum",
        summary: "A value is not one of the allowed values (property type, model type, syncMode, collection, …).",
        grouparooRules: ["R-PROP-04", "R-MOD-04", "R-DST-05", "R-DST-09", "R-SEQ-05", "R-RULE-07", "R-RULE-08"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: ↓\"text\", sourceId: \"s\" }"),
            RuleExample(objects: "{ id: \"m\", class: \"model\", name: \"M\", type: ↓\"Profile\" }"),
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "logger-export-records", appId: "a", modelId: "m",
                  syncMode: ↓"mirror", collection: ↓"everyone" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "p", class: "property", key: "p", type: "phoneNumber", sourceId: "s" },
                { id: "m", class: "model", name: "M", type: "account" },
                { id: "d", class: "destination", name: "D", type: "logger-export-records", appId: "a", modelId: "m",
                  syncMode: "additive", collection: "model" }
                """),
        ])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard let configClass = entry.dispatchClass else { return }
        Self.enumeratedFields.withUnretained(configClass) { fields in entry.withProperties { properties in
            // By index, the allowed values read in place: a copy of a field retained its list.
            for index in fields.elements.indices {
                guard let value = entry.decodedString(property: rows.firstProperty(at: fields.elements[index].row),
                                                      of: properties),
                      !fields.elements[index].allowedValues.contains(value.value) else { continue }
                let key = fields.elements[index].key
                let grouparoo = Self.grouparooMessages[configClass]?[key]?(value.value, entry)
                found.append(problem(key, value.value, fields.elements[index].allowedValues, on: entry, at: value.span,
                                     grouparoo: grouparoo))
            }
        } }
    }

    func checkBeyondEntries(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.groups.forEachUnretained { group in
            // Read in place by index: a copy of each rule retained its every field.
            let rules = group.config.rules?.value ?? []
            for index in rules.indices {
                if let direction = rules[index].relativeMatchDirection, case .unrecognized(let raw) = direction.value,
                   rules[index].op?.value.knownValue.map({ [.relativeGt, .relativeLt].contains($0) }) != true {
                    found.append(problem("relativeMatchDirection", raw, RelativeMatchDirection.allCases.map(\.rawValue),
                                         on: group.entry, at: direction.span, grouparoo: nil))
                }
                if let unit = rules[index].relativeMatchUnit, case .unrecognized(let raw) = unit.value {
                    found.append(problem("relativeMatchUnit", raw, RelativeMatchUnit.allCases.map(\.rawValue),
                                         on: group.entry, at: unit.span, grouparoo: nil, severity: .warning,
                                         consequence: "; Grouparoo ignores unknown units silently"))
                }
            }
        }
        return found
    }

    /// Key, row (`TableRows`) and values only: copying a whole field (several strings) for every object cost.
    private static let enumeratedFields = PerClass { configClass in
        ClassList(configClass.bodyFields.filter { !$0.allowedValues.isEmpty }
            .map { (key: $0.key, row: TableRows.row(of: $0.key, in: configClass), allowedValues: $0.allowedValues) })
    }

    /// Grouparoo's own message for a value it rejects: the raw value and the object.
    private static let grouparooMessages: [ConfigClass: [String: @Sendable (String, ConfigEntry) -> String]] = [
        .property: ["type": { raw, _ in "\(raw) is not an allowed type" }],
        .model: ["type": { raw, _ in "\(raw) is not a valid model type (profile, account, event, custom)" }],
        .destination: [
            "syncMode": { raw, entry in "\(entry.decodedString("name")?.value ?? "") does not support sync mode \"\(raw)\"" },
            "collection": { raw, _ in "\(raw) is not a valid destination collection" },
        ],
    ]

    private func problem(_ key: String, _ raw: String, _ allowed: [String], on entry: ConfigEntry, at span: SourceSpan,
                         grouparoo: String?, severity: Severity? = nil, consequence: String = "") -> Diagnostic {
        var message = "`\(key)` \"\(raw)\" is not allowed"
        if let close = allowed.first(where: { $0.lowercased() == raw.lowercased() }) {
            message += "; did you mean \"\(close)\"? (values are case-sensitive)"
        } else {
            message += " (expected one of: \(allowed.joined(separator: ", ")))"
        }
        return diagnostic(message + consequence, on: entry, at: span, grouparoo: grouparoo, severity: severity)
    }
}
