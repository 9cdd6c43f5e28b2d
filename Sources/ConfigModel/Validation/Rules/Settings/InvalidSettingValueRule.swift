/// Registered number settings need a non-negative number (Grouparoo uses `parseFloat`); boolean
/// settings read back as true only for "true" or "1"; every setting needs a value.
struct InvalidSettingValueRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-setting-value", summary: "A setting's value does not fit the setting's type.",
        grouparooRules: ["R-SET-04", "R-SET-05"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"setting\", pluginName: \"core\", key: \"confirm-records-days\", value: ↓\"a week\" }"),
            RuleExample(objects: "{ id: \"s\", class: \"setting\", pluginName: \"core\", key: \"confirm-records-days\", value: ↓-1 }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "setting", pluginName: "core", key: "confirm-records-days", value: "14" },
                { id: "b", class: "setting", pluginName: "core", key: "runs-previous-can-include-errors", value: true },
                { id: "c", class: "setting", pluginName: "core", key: "cluster-name", value: 42 }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.settings.compactMap { setting -> Diagnostic? in
            guard let registered = setting.config.registeredSetting else { return nil }
            guard let value = setting.config.value else {
                guard registered.type == .number else { return nil }
                return diagnostic("setting `\(registered.key)` needs a `value`", on: setting.entry,
                                  grouparoo: "Cannot read properties of null (reading 'toString')")
            }
            let text = value.value.javaScriptString
            switch registered.type {
            case .string:
                return nil
            case .number:
                let number = JSBuiltinLibrary.parseFloat(text)
                guard !number.isNaN else {
                    return diagnostic("setting `\(registered.key)` needs a number, not \"\(text)\"", on: setting.entry,
                                      at: value.span, grouparoo: "\(text) is not a number")
                }
                guard number < 0 else { return nil }
                return diagnostic("setting `\(registered.key)` cannot be negative", on: setting.entry, at: value.span,
                                  grouparoo: "setting values cannot have negative numbers")
            case .boolean:
                guard !["true", "false", "1", "0"].contains(text) else { return nil }
                return diagnostic("boolean setting `\(registered.key)` is \"\(text)\", which Grouparoo reads as false; "
                                  + "use true or false", on: setting.entry, at: value.span, severity: .warning)
            }
        }
    }
}
