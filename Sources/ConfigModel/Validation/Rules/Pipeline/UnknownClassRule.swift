/// `class` must be one Grouparoo dispatches, matched case-insensitively but without trimming.
struct UnknownClassRule: EntryRule {
    let description = RuleDescription(
        identifier: "unknown-class", summary: "A config object has no class, or one Grouparoo does not know.",
        grouparooRules: ["R-PIPE-06", "R-CLASS-01", "R-EDGE-02"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"r\", class: ↓\"GrouparooRecord\", modelId: \"m\" }"),
            RuleExample(objects: "{ id: \"a\", class: ↓\" app \", name: \"A\", type: \"sqlite\" }"),
            RuleExample(objects: "{ id: ↓\"a\", name: \"A\", type: \"sqlite\" }"),
        ],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "a", class: "APP", name: "A", type: "sqlite" },
            { id: "k", class: "apiKey", name: "Key", options: { permissionAllRead: true, permissionAllWrite: false } }
            """)])

    private static let renamed = ["grouparoorecord": "record", "grouparoomodel": "model", "api_key": "apiKey",
                                  "team_member": "teamMember", "apikeys": "apiKey"]

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard entry.dispatchClass == nil else { return }
        guard let classProperty = entry.properties.property("class") else {
            found.append(diagnostic("this config object has no `class`", on: entry,
                                    grouparoo: "unknown config object class: undefined"))
            return
        }
        guard let raw = entry.rawClass else { return }  // a non-string class is an `invalid-value-type`
        var message = "unknown class `\(raw)`"
        if let trimmed = entry.cleanClass, ConfigClass(raw: trimmed) != nil {
            message += "; remove the surrounding whitespace (Grouparoo matches the class without trimming it)"
        } else if let suggestion = Self.renamed[raw.lowercased()] {
            message += "; use `\(suggestion)`"
        } else {
            message += "; expected one of " + ConfigClass.allCases.filter { !$0.isDeprecated }
                .map(\.preferredSpelling).joined(separator: ", ")
        }
        found.append(diagnostic(message, on: entry, at: classProperty.value.span,
                                grouparoo: "unknown config object class: \(raw)"))
    }
}
