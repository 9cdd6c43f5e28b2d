/// What the generic value rules read from an object through its class's field table.
extension ConfigEntry {
    /// A top-level value as the models decode a string: numbers and booleans as JavaScript writes
    /// them; `nil` for a missing, `null` or non-scalar value.
    func decodedString(_ key: String) -> Field<String>? {
        guard case let (located, origin)? = properties.located(key), let scalar = ConfigScalar(located.value) else {
            return nil
        }
        return Field(scalar.javaScriptString, origin: origin)
    }
}

/// A fact a rule derives from each class's field table once, not for every object (a field table
/// is an array of fields, each holding several strings, so building or copying it per object costs).
struct PerClass<Value: Sendable>: Sendable {
    private let values: [Value]

    init(_ derive: (ConfigClass) -> Value) { values = orderedClasses.map(derive) }

    subscript(configClass: ConfigClass) -> Value { values[orderedClasses.firstIndex(of: configClass)!] }
}

/// Found by position: `allCases` builds a new array on every call, and hashing a raw-value enum hashes its string.
private let orderedClasses = ConfigClass.allCases
