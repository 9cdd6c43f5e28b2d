/// Only one source per model may map to a property it owns (the model's primary-key source); the
/// others must map back to one of its properties.
struct OnePrimarySourcePerModelRule: ValidationRule {
    let description = RuleDescription(
        identifier: "one-primary-source-per-model",
        summary: "Two sources of the same model each map to a property they own.",
        grouparooRules: ["R-SRC-09", "R-SRC-11"], severity: .error,
        triggeringExamples: [RuleExample(objects: Self.example(purchasesMapsTo: "purchase_user_id", marker: "↓"))],
        nonTriggeringExamples: [RuleExample(objects: Self.example(purchasesMapsTo: "user_id"))])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var primaryByModel: [String: Decoded<SourceConfig>] = [:]
        var found: [Diagnostic] = []
        config.sources.forEachUnretained { source in
            guard let modelID = source.config.modelId?.value, let property = config.bootstrappedProperty(of: source.entry)
            else { return }
            guard let primary = primaryByModel[modelID] else {
                primaryByModel[modelID] = source
                return
            }
            let name = source.config.effectiveName, primaryName = primary.config.effectiveName
            let remoteKey = source.config.mapping?.value.first { $0.target?.value == property.id }?.key ?? "undefined"
            let key = property.keyOrName
            found.append(diagnostic(
                "source `\(source.entry.id ?? "")` maps to its own property `\(property.id ?? "")`, but source "
                    + "`\(primary.entry.id ?? "")` is already the primary source of model `\(modelID)`; map to one of its "
                    + "properties instead", on: source.entry, at: source.config.mapping?.span,
                grouparoo: "'\(name)' cannot map '\(remoteKey)' to own Property '\(key)'.\n"
                    + "          '\(primaryName)' is the primary Source for Model\n"
                    + "          \(modelID) and '\(name)' requires a mapping back to '\(primaryName).'",
                notes: [.definedHere(primary.entry, "the primary source is defined here")]))
        }
        return found
    }

    private static func example(purchasesMapsTo target: String, marker: String = "") -> String {
        """
        { id: "a", class: "app", name: "A", type: "sqlite" },
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "sqlite-import-table", appId: "a", modelId: "m",
          options: { table: "users" }, mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
          options: { column: "id" } },
        { id: "purchases", class: "source", name: "Purchases", type: "sqlite-import-table", appId: "a", modelId: "m",
          options: { table: "purchases" }, mapping: \(marker){ user_id: "\(target)" } },
        { id: "purchase_user_id", class: "property", key: "purchaseUserId", type: "integer", sourceId: "purchases",
          unique: true, options: { column: "user_id" } }
        """
    }
}
