/// An app `refresh` query is run when the app loads, through the plugin app's `appQuery`; an app type without
/// one cannot have a refresh query (`AppRefreshQueryOps.runAppQuery`). Grouparoo applies `refresh` only when its
/// query has at least 2 characters (R-APP-09).
struct UnsupportedRefreshQueryRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unsupported-refresh-query",
        summary: "An app has a refresh query, but its type cannot run one.",
        grouparooRules: ["R-APP-11"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "mc", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: "k" },
              ↓refresh: { query: "SELECT 1", recurringFrequency: 60000 } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { host: "h", database: "d" },
              refresh: { query: "SELECT MAX(updated_at) FROM users", recurringFrequency: 60000 } },
            { id: "mc", class: "app", name: "Mailchimp", type: "mailchimp", options: { apiKey: "k" }, refresh: { query: "" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        return config.apps.compactMap { app -> Diagnostic? in
            guard let query = app.config.refresh?.value.query, query.value.utf16.count > 1,
                  let type = app.config.type?.value, let pluginApp = plugins.apps[type], !pluginApp.supportsRefreshQuery
            else { return nil }
            let id = app.entry.id ?? "undefined"
            return diagnostic("apps of type `\(type)` cannot run a refresh query; remove `refresh` or use an app "
                              + "type that can (a database or warehouse)", on: app.entry, at: app.config.refresh?.keySpan,
                              grouparoo: "app \(app.config.effectiveName) (\(id)) of type \(type) cannot use app refresh query")
        }
    }
}
