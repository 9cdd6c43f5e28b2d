/// Sample records (loaded only by `grouparoo config`, so this runs only in `config` mode) must set at least
/// one primary-key property of their model by id, use only properties of that model, and give several values
/// only to array properties.
struct RecordPropertiesRule: ValidationRule {
    let description = RuleDescription(
        identifier: "record-properties",
        summary: "A sample record sets no primary-key property, a property of another model, or several values for a non-array property.",
        grouparooRules: ["R-REC-04", "R-REC-05", "R-PIPE-14"], severity: .error, runModes: [.config],
        triggeringExamples: [RuleExample(objects: Self.base + """
            { id: "first_name", class: "property", key: "firstName", type: "string", sourceId: "users", options: { column: "first" } },
            { id: "john", class: "record", modelId: "m", ↓properties: { first_name: ↓["John", "Johnny"] } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: Self.base + """
            { id: "john", class: "record", modelId: "m", properties: { user_id: [20] } }
            """)])

    private static let base = """
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "t", appId: "a", modelId: "m", mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true, options: { column: "id" } },

        """

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var primaryKeys: [String: Set<String>] = [:]
        config.sources.forEachUnretained { source in
            guard let model = source.config.modelId?.value, let id = config.bootstrappedProperty(of: source.entry)?.id else { return }
            primaryKeys[model, default: []].insert(id)
        }
        var found: [Diagnostic] = []
        config.records.forEachUnretained { record in
            guard let properties = record.config.properties, let model = record.config.modelId?.value else { return }
            let kept = properties.value.filter { !$0.isDropped }
            if !kept.contains(where: { primaryKeys[model]?.contains($0.propertyId) == true }) {
                var object = JSObject()
                for value in kept { object.set(value.propertyId, value.raw) }
                let json = JSONOutput.stringify(.object(object)) ?? "{}"
                let keys = primaryKeys[model].map { $0.sorted().joined(separator: ", ") } ?? "none defined"
                // A source of the model (or a mapping to one of these properties) may be in a file only Node can read.
                let note = ([model] + kept.map(\.propertyId)).lazy.compactMap(config.unevaluatedFiles.note(mentioning:)).first
                found.append(diagnostic("record sets no primary-key property of model `\(model)` (primary keys: \(keys))",
                                        on: record.entry, at: properties.keySpan ?? properties.span,
                                        grouparoo: "there are no directly mapped record properties provided in \(json)",
                                        notes: note.map { [$0] } ?? [], severity: note == nil ? nil : .warning))
            }
            for value in kept where value.propertyId != "_meta" {
                guard let property = config.property(id: value.propertyId),
                      let other = config.modelID(ofProperty: property.config), other != model else { continue }
                found.append(diagnostic("property `\(value.propertyId)` belongs to model `\(other)`, not to this record's "
                                        + "model `\(model)`", on: record.entry, at: value.keySpan,
                                        grouparoo: "cannot find a property for id or key `\(value.propertyId)`"))
            }
            for value in kept where value.values.count > 1 {
                guard let property = config.property(id: value.propertyId), !property.config.effectiveIsArray else { continue }
                found.append(diagnostic("property `\(value.propertyId)` is not an array, so it takes one value",
                                        on: record.entry, at: value.raw.span,
                                        grouparoo: "cannot set multiple record properties for a non-array property"))
            }
        }
        return found
    }
}
