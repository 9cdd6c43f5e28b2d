/// Shared fixtures for group rule examples: a model, a source and an email property.
enum GroupRuleExamples {
    /// `marker` goes before the `rules` key, for examples whose diagnostic points there.
    static func rules(_ rules: String, marker: String = "") -> String {
        """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
        { id: "email", class: "property", key: "email", type: "email", sourceId: "s" },
        { id: "g", class: "group", name: "G", modelId: "m", \(marker)rules: [
        \(rules)
        ] }
        """
    }
}
