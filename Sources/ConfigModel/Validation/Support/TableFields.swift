/// What the generic value rules read from an object through its class's field table.
extension ConfigEntry {
    /// A top-level value as the models decode a string: numbers and booleans as JavaScript writes
    /// them; `nil` for a missing, `null` or non-scalar value.
    func decodedString(_ key: String) -> Field<String>? {
        let properties = properties
        return decodedString(property: properties.propertyIndex(key), of: properties)
    }

    /// The same of the property at `index` of `properties` (this entry's), found by the caller; nil for no property.
    func decodedString(property index: Int?, of properties: JSObject) -> Field<String>? {
        guard let index, let scalar = properties.properties.withUnsafeBufferPointer({ ConfigScalar($0[index].value.value) })
        else { return nil }
        return Field(scalar.javaScriptString, origin: .property(properties, index: Int32(index)))
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

extension PerClass where Value: AnyObject {
    /// Calls `body` with the class's value unretained (`withUnretained`): a rule's `PerClass` is static, kept for the
    /// process, and a retain and a release of it per object made the other core, checking objects too, wait.
    func withUnretained<Result>(_ configClass: ConfigClass, _ body: (Value) -> Result) -> Result {
        values.withUnsafeBufferPointer { $0.withUnretained(at: configClass.ordinal, body) }
    }
}

/// A rule's list for one class, held in an object so that `PerClass.withUnretained` can lend it: an array read out of
/// a `PerClass` was retained and released for every object, and both cores check objects.
final class ClassList<Element: Sendable>: Sendable {
    let elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }
}

extension ConfigClass {
    /// The case's position in `allCases`: a case without a payload is stored as its declaration index.
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// What one of a class's fields holds in an entry, looked at in place (copying the value out cost a reference-count
/// round trip, and most objects have every key asked for).
enum TableKeyState: Equatable {
    case absent, null, undefined, set

    /// `row`: the field's row in the class's fields; `rows`: the rows of the entry's keys (`TableRows`).
    init(_ row: Int16?, rows: EntryRows, in object: JSObject) {
        guard let index = rows.firstProperty(at: row) else {
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
