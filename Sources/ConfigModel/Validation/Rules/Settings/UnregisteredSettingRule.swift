/// A setting object can only update a setting Grouparoo registers (core, interface, telemetry).
struct UnregisteredSettingRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unregistered-setting", summary: "A setting's pluginName and key do not name a registered setting.",
        grouparooRules: ["R-SET-02", "R-SET-03", "R-ENV-01"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"setting\", pluginName: \"core\", key: ↓\"cluster_name\", value: \"X\" }"),
            RuleExample(objects: "{ id: \"s\", class: \"setting\", pluginName: \"@grouparoo/core\", key: ↓\"cluster-name\", value: \"X\" }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"setting\", pluginName: \"interface\", key: \"status-calculation-frequency-seconds\", value: 30 }"),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.settings.compactMap { setting -> Diagnostic? in
            guard setting.config.registeredSetting == nil else { return nil }
            let plugin = setting.config.pluginName?.value, key = setting.config.key?.value
            var message = "no registered setting `\(key ?? "undefined")` for plugin `\(plugin ?? "undefined")`"
            if let key, let match = RegisteredSetting.all.first(where: { $0.key == key }) {
                message += "; it belongs to plugin `\(match.pluginName)`"
            } else if let key, let match = RegisteredSetting.all.first(where: { Self.fold($0.key) == Self.fold(key) }) {
                message += "; did you mean `\(match.key)` (plugin `\(match.pluginName)`)?"
            }
            return diagnostic(message, on: setting.entry, at: (setting.config.key ?? setting.config.pluginName)?.span,
                              grouparoo: "setting \(key ?? "undefined") not registered for grouparoo plugin "
                                  + (plugin ?? "undefined"))
        }
    }

    private static func fold(_ key: String) -> String {
        key.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
