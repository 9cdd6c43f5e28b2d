/// Every config object needs a truthy `id`; Grouparoo stops before loading anything otherwise.
struct MissingIDRule: EntryRule {
    let description = RuleDescription(
        identifier: "missing-id", summary: "A config object has no id (or a falsy one such as \"\" or 0).",
        grouparooRules: ["R-PIPE-01", "R-PIPE-03", "R-ID-01"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "↓{ class: \"team\", name: \"Admins\" }"),
            RuleExample(objects: "{ id: ↓\"\", class: \"model\", name: \"M\", type: \"profile\" }"),
        ],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"admins\", class: \"team\", name: \"Admins\" }")])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard entry.id == nil else { return }
        let label = ["name", "key"].lazy.compactMap { key -> String? in
            guard let value = entry.properties[key]?.value, JavaScriptValues.isTruthy(value) else { return nil }
            return JavaScriptValues.string(value)
        }.first
        let grouparoo = label.map { "\"\($0)\" is missing an ID" } ?? "A config object is missing an ID"
        let what = label.map { "config object \"\($0)\"" } ?? "this config object"
        found.append(diagnostic("\(what) has no `id`; every object needs a unique, non-empty id", on: entry,
                                grouparoo: grouparoo))
    }
}
