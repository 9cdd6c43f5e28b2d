/// A unique property's values are imported by its source's mapping, so the property the source maps to must be
/// unique too (`Property.noUniqueOrArrayThroughNonUniqueMapping`). The source's own bootstrapped property is
/// always saved as unique, and a property the source maps to itself is exempt.
struct UniqueThroughNonUniqueMappingRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unique-through-non-unique-mapping",
        summary: "A unique property belongs to a source whose mapping targets a property that is not unique.",
        grouparooRules: ["R-PROP-08"], severity: .error,
        triggeringExamples: [RuleExample(objects: Self.base + """
            { id: "purchase_id", class: "property", key: "purchaseId", type: "integer", sourceId: "purchases", unique: ↓true,
              options: { column: "id", aggregationMethod: "exact" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: Self.base + """
            { id: "purchase_count", class: "property", key: "purchaseCount", type: "integer", sourceId: "purchases",
              options: { column: "id", aggregationMethod: "count" } },
            { id: "email_2", class: "property", key: "email2", type: "email", sourceId: "users", unique: true, options: { column: "e" } }
            """)])

    private static let base = """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true, options: { column: "id" } },
        { id: "email", class: "property", key: "email", type: "email", sourceId: "users", options: { column: "email" } },
        { id: "purchases", class: "source", name: "Purchases", type: "t", appId: "a", modelId: "m", mapping: { user_email: "email" } },

        """

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.properties.compactMap { property -> Diagnostic? in
            guard property.config.effectiveUnique, let unique = property.config.unique,
                  let sourceID = property.config.sourceId?.value, let source = config.source(id: sourceID),
                  let target = source.config.effectiveMapping?.target, target.value != property.entry.id,
                  let mapped = config.property(id: target.value), !mapped.config.effectiveUnique,
                  !config.isBootstrapped(mapped.entry), !config.isBootstrapped(property.entry) else { return nil }
            let key = property.config.effectiveKey, id = property.entry.id ?? "undefined"
            return diagnostic("property `\(id)` is unique, but its source `\(sourceID)` maps records through property "
                              + "`\(target.value)`, which is not unique", on: property.entry, at: unique.span,
                              grouparoo: "Unique Property \(key) (\(id)) cannot be mapped through a non-unique Property - "
                                  + "\(mapped.config.effectiveKey) (\(target.value))",
                              notes: [DiagnosticNote("the source maps to `\(target.value)` here", span: target.span)])
        }
    }
}
