/// `_meta`, `grouparooId` and `grouparooCreatedAt` cannot be property keys (a source's auto-bootstrapped
/// property skips this check).
struct ReservedPropertyKeyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "reserved-property-key", summary: "A property uses a reserved key (_meta, grouparooId, grouparooCreatedAt).",
        grouparooRules: ["R-PROP-06", "R-TLGR-01"], severity: .error,
        triggeringExamples: [RuleExample(objects: "{ id: \"p\", class: \"property\", key: ↓\"grouparooId\", type: \"string\", sourceId: \"s\" }")],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"grouparoo_id\", type: \"string\", sourceId: \"s\" }")])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.properties.compactMap { property -> Diagnostic? in
            let key = property.config.effectiveKey
            guard Self.reservedKeys.contains(key), !config.isBootstrapped(property.entry) else { return nil }
            return diagnostic("\"\(key)\" is reserved and cannot be a property key", on: property.entry,
                              at: (property.config.key ?? property.config.name)?.span,
                              grouparoo: "\(key) is a reserved key and cannot be used as a property")
        }
    }

    /// Looked up for every property: lengths are compared first.
    private static let reservedKeys = KeyList(reservedPropertyKeys)
}
