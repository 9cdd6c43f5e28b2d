/// What the generic value rules read from an object through its class's field table.
extension ConfigEntry {
    /// The fields of the object's class after `class` and `id`; empty when the class is unknown.
    var bodyFields: [ConfigField] { dispatchClass?.bodyFields ?? [] }

    /// A top-level value as the models decode a string: numbers and booleans as JavaScript writes
    /// them; `nil` for a missing, `null` or non-scalar value.
    func decodedString(_ key: String) -> Field<String>? {
        guard let located = properties[key], let scalar = ConfigScalar(located.value) else { return nil }
        return Field(scalar.javaScriptString, span: located.span, keySpan: properties.property(key)?.keySpan)
    }
}
