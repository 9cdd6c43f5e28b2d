/// Two api keys may not carry the same `apiKey` string (a database unique index). The value is never printed.
struct DuplicateAPIKeyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "duplicate-api-key", summary: "Two api keys use the same `apiKey` value.",
        grouparooRules: ["R-UNIQ-04", "R-KEY-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "apiKey", name: "Key A", apiKey: process.env.SHARED_KEY || "k1", options: { permissionAllRead: true, permissionAllWrite: false } },
                { id: "b", class: "apiKey", name: "Key B", apiKey: process.env.SHARED_KEY || ↓"k1", options: { permissionAllRead: true, permissionAllWrite: false } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "a", class: "apiKey", name: "Key A", options: { permissionAllRead: true, permissionAllWrite: false } },
                { id: "b", class: "apiKey", name: "Key B", options: { permissionAllRead: true, permissionAllWrite: false } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        let keys = config.apiKeys.filter { $0.config.apiKey?.value.isEmpty == false }
        return LaterDuplicates.find(keys, entry: \.entry, value: { $0.config.apiKey?.value }).map { key, first in
            diagnostic("this `apiKey` value is already used by another api key (value not shown)",
                       on: key.entry, at: key.config.apiKey?.span, grouparoo: "apiKey must be unique", notes: [.definedHere(first)])
        }
    }
}
