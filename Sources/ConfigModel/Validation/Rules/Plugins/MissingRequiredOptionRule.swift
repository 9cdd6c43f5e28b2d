/// Every option the plugin marks required must be present and truthy (an empty string counts as missing).
/// Property options are converted to strings first, so `false` and `0` count as present there (R-PROP-09).
/// An option written as an unset `process.env.NAME` is provided, value unknown: not reported here.
struct MissingRequiredOptionRule: ValidationRule {
    let description = RuleDescription(
        identifier: "missing-required-option", summary: "A required plugin option is missing or empty.",
        grouparooRules: ["R-OPT-02", "R-OPT-05", "R-APP-06", "R-SRC-04", "R-DST-06", "R-PROP-09", "R-SCH-09",
                         "R-EDGE-08"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: ↓{ host: \"db\" } }"),
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: ↓{ database: \"\" } }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: { database: \"crm\" } }"),
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: process.env.GROUPAROO_GEN_SURELY_UNSET } }
                """),
            RuleExample(objects: """
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "files", class: "app", name: "Files", type: "sqlite" },
                { id: "rows", class: "source", name: "Rows", type: "sqlite-import-table", appId: "files", modelId: "m",
                  options: { table: "rows" } },
                { id: "first", class: "property", key: "first", type: "string", sourceId: "rows",
                  options: { column: 0, aggregationMethod: "exact" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // `database: process.env.DB_NAME` is provided, its value unknown offline: `unset-env-var` covers it.
        // Built only when a required option is written but undefined.
        lazy var unsetVariableReads = Set(config.read.files.flatMap(\.environmentReads).filter { !$0.isSet }.map(\.span))
        // By index, each list read where it is: a target is copied only when it is reported, and a copy of a list
        // retained it (the definitions are the catalog's, which the other core's rules read too).
        config.pluginOptionTargets.withUnsafeBufferPointer { targets in
            for index in targets.indices {
                for definition in targets[index].applicableDefinitions.indices
                where targets[index].applicableDefinitions[definition].isRequired {
                    let key = targets[index].applicableDefinitions[definition].key
                    // A few options per object: a linear search (the first with a key wins) beats building a dictionary.
                    if let option = targets[index].providedOptions.firstIndex(where: { $0.key == key }),
                       JavaScriptValues.isTruthy(targets[index].providedOptions[option].value.value) { continue }
                    let target = targets[index]
                    if let written = target.options?.value[key], written.value.isUndefined,
                       unsetVariableReads.contains(written.span) { continue }
                    let id = target.entry.id ?? "undefined"
                    found.append(diagnostic("\(target.modelName) of type `\(target.type)` needs option `\(key)`",
                                            on: target.entry, at: target.options?.span,
                                            grouparoo: "\(key) is required for a \(target.modelName) of type "
                                                + "\(target.type) (\(target.label), \(id))"))
                }
            }
        }
        return found
    }
}
