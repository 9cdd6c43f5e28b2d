/// A source's `mapping` is used for its first non-null entry only, and may not point at an array property.
struct SourceMappingRule: ValidationRule {
    let description = RuleDescription(
        identifier: "source-mapping",
        summary: "A source mapping has entries Grouparoo ignores, or maps to an array property.",
        grouparooRules: ["R-SRC-07", "R-SRC-08", "R-EDGE-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id", ↓email: "email" } }
                """),
            RuleExample(objects: """
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { tag: ↓"tags" } },
                { id: "tags", class: "property", key: "tags", type: "string", sourceId: "other", isArray: true }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.sources.forEachUnretained { source in
            guard let mapping = source.config.mapping, let used = source.config.effectiveMapping else { return }
            for ignored in mapping.value where ignored.key != used.key && !JavaScriptValues.isNullish(ignored.raw.value) {
                found.append(diagnostic("source mapping entry `\(ignored.key)` is ignored: Grouparoo only uses the first "
                                        + "entry (`\(used.key)`)", on: source.entry, at: ignored.keySpan,
                                        severity: .warning))
            }
            guard let target = used.target, config.bootstrappedProperty(of: source.entry)?.id != target.value,
                  let property = config.property(id: target.value), property.config.effectiveIsArray else { return }
            found.append(diagnostic("source mapping uses array property `\(target.value)`; a source must map to a "
                                    + "non-array property", on: source.entry, at: target.span,
                                    grouparoo: "Sources cannot map to an array Property \(property.config.effectiveKey) "
                                        + "(\(target.value))", notes: [.definedHere(property.entry)]))
        }
        return found
    }
}
