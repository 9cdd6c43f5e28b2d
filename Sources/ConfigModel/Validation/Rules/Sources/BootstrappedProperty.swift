/// A source and the property it maps to and owns (its auto-bootstrapped, primary-key property), as the
/// three bootstrap rules look at it (R-SRC-05, R-SRC-06, R-SRC-06b).
struct BootstrappedProperty {
    let source: ConfigEntry
    let property: ConfigEntry

    var sourceID: String { source.id ?? "undefined" }
    var propertyID: String { property.id ?? "undefined" }

    /// Whether the property's top-level `key` is truthy.
    func isTruthy(_ key: String) -> Bool {
        property.properties[key].map { JavaScriptValues.isTruthy($0.value) } ?? false
    }

    /// Points at the source's mapping entry that names the property.
    var mappingNote: DiagnosticNote {
        var span: SourceSpan?
        if case .object(let mapping)? = source.properties["mapping"]?.value {
            span = mapping.properties.first { JavaScriptValues.string($0.value.value) == propertyID }?.value.span
        }
        return DiagnosticNote("source `\(sourceID)` maps to it here", span: span)
    }

    /// Every source's bootstrapped property, in source order.
    static func all(in config: ValidationInput) -> [BootstrappedProperty] {
        config.bootstrappedProperties.sorted { $0.key < $1.key }.map { sourcePosition, propertyPosition in
            BootstrappedProperty(source: config.entries[sourcePosition], property: config.entries[propertyPosition])
        }
    }

    /// An app, a model and a `users` source mapping `id` to property `user_id`, for rule examples.
    static let exampleBase = """
        { id: "a", class: "app", name: "A", type: "sqlite" },
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "sqlite-import-table", appId: "a", modelId: "m",
          options: { table: "users" }, mapping: { id: "user_id" } },
        """
}
