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

    init(_ derive: (ConfigClass) -> Value) { values = ConfigClass.allCases.map(derive) }

    /// By the class's ordinal: every entry rule asks once per object, and searching `allCases` (or hashing a raw-value
    /// enum, which hashes its string) cost more than the rest of a rule's look at most objects.
    subscript(configClass: ConfigClass) -> Value { values[configClass.ordinal] }
}

extension ConfigClass {
    /// The case's position in `allCases`: a case without a payload is stored as its declaration index.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// What one of a field table's keys holds in an object, looked at in place (copying the value out cost a
/// reference-count round trip, and most objects have every key asked for).
enum TableKeyState: Equatable {
    case absent, null, undefined, set

    /// `key` is a field table's key, which is ASCII: `propertyIndex` compares keys of its length with `==`, for ASCII
    /// text a byte comparison, as JavaScript compares keys (the subscript compares bytes at a higher cost; other text
    /// equal to an ASCII key through canonical equivalence is longer).
    init(_ key: String, in object: JSObject) {
        guard let index = object.propertyIndex(key) else {
            self = .absent
            return
        }
        self = object.properties.withUnsafeBufferPointer { properties in
            switch properties[index].value.value {
            case .null: .null
            case .undefined: .undefined
            default: .set
            }
        }
    }
}
