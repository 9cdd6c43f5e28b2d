/// One top-level config object as Grouparoo's pipeline sees it: where it is, its class in the
/// three spellings Grouparoo uses, its id as a JavaScript string, and the typed model when the
/// class is one Grouparoo dispatches. A class, so the many lists and indexes that hold entries share one copy.
public final class ConfigEntry: Sendable {
    /// Position in config order (files in Grouparoo's order, then objects in file order).
    public let position: Int
    public let file: String
    public let value: LocatedValue
    /// Grouparoo's `cleanClass`: trimmed and lower-cased (duplicate ids, dependency ids; R-PIPE-02).
    public let cleanClass: String?
    /// The id as JavaScript's `String(id)`, or `nil` when the id is falsy (R-PIPE-01).
    public let id: String?
    /// The class the dispatcher resolves (lower-cased, not trimmed; R-PIPE-06); `nil` when unknown.
    /// Last, so its one byte does not pad the words after it.
    public let dispatchClass: ConfigClass?

    /// The typed model is not kept here: `ValidationInput`'s typed lists hold it once (a model is
    /// hundreds of bytes, and config trees hold tens of thousands of objects).
    convenience init(position: Int, file: String, value: LocatedValue) {
        self.init(position: position, file: file, value: value, keys: TopLevelKeys(value))
    }

    /// `keys`: the value's `class` and `id`, found once for the entry and for decoding (borrowed: the caller goes on
    /// to decode with them, and an owned copy cost a reference-count round trip for each of its parts).
    init(position: Int, file: String, value: LocatedValue, keys: borrowing TopLevelKeys) {
        self.position = position
        self.file = file
        self.value = value
        // A class spelled exactly as a class's raw value is clean already (`cleanClass` would return it as it is).
        if let rawClass = keys.rawClass, rawClass == keys.dispatchClass?.rawValue {
            cleanClass = rawClass
        } else {
            cleanClass = ConfigClass.cleanClass(keys.rawClass)
        }
        dispatchClass = keys.dispatchClass
        if let text = keys.stringID {
            // A string id (nearly always) is its own `String(id)`, and falsy only when empty.
            id = text.isEmpty ? nil : text
        } else if let object = keys.object, let idIndex = keys.idIndex,
                  JavaScriptValues.isTruthy(object.properties[idIndex].value.value) {
            id = JavaScriptValues.string(object.properties[idIndex].value.value)
        } else {
            id = nil
        }
    }

    /// `class` as written, when it is a string. Looked up when asked (only rules about unusual classes do):
    /// stored, it took an entry past a 128-byte allocation.
    public var rawClass: String? { ConfigEntry.rawClass(of: properties) }

    private static func rawClass(of properties: JSObject) -> String? {
        if case .string(let text)? = properties["class"]?.value { return text }
        return nil
    }

    /// Grouparoo's dependency node id, `${cleanClass}:${id}` (R-DEP-01). Spelled out when asked: lookups go
    /// by position (`NodeLookup`), and a stored copy cost a string per object.
    public var nodeID: String { "\(cleanClass ?? "undefined"):\(id ?? "undefined")" }

    /// The object's properties; empty when the value is not an object (such values have no id).
    /// Read out of `value` rather than stored: one word less per entry.
    public var properties: JSObject { ConfigEntry.properties(of: value) }

    private static func properties(of value: LocatedValue) -> JSObject {
        if case .object(let object) = value.value { return object }
        return JSObject()
    }

    /// Span of the whole object.
    public var span: SourceSpan { value.span }

    /// The `id` property as written, when present (looked up when asked: few callers need it, and
    /// an entry kept per object should stay small).
    public var idProperty: JSProperty? { properties.property("id") }

    /// Where to point for a problem with the object as a whole: its `id` value, else the object.
    public var anchor: SourceSpan { idProperty?.value.span ?? value.span }

    /// Span of a top-level key's value, falling back to the object.
    public func span(of key: String) -> SourceSpan { properties[key]?.span ?? value.span }

    /// Span of a top-level key itself, falling back to the object.
    public func keySpan(of key: String) -> SourceSpan { properties.property(key)?.keySpan ?? value.span }

    /// The class to show in diagnostics: the dispatched class (`apiKey`, `teamMember`, …), else the raw spelling.
    public var displayClass: String? { dispatchClass?.preferredSpelling ?? rawClass }

    /// Grouparoo's `key || name` label used in wrapped and option messages (R-PIPE-08, R-OPT-02).
    public var keyOrName: String { firstTruthy("key", "name") }

    /// Grouparoo's `name || key` label used in option messages (R-OPT-02/03).
    public var nameOrKey: String { firstTruthy("name", "key") }

    /// `String(first || second)` (every property entry asks for its key).
    private func firstTruthy(_ first: String, _ second: String) -> String {
        let properties = properties
        return properties.truthyString(first) ?? properties.truthyString(second) ?? "undefined"
    }

    /// A short human label, e.g. `app "data_warehouse"`.
    public var label: String {
        let kind = displayClass ?? "object"
        guard let id else { return kind }
        return "\(kind) `\(id)`"
    }
}

/// A typed model together with the entry it was decoded from (a class, so lists share it).
/// `Model` is not constrained to `TypedConfig`: the runtime would check that conformance by name,
/// scanning every conformance in the binary, the first time it builds each `Decoded` type.
public final class Decoded<Model: Sendable>: Sendable {
    public let entry: ConfigEntry
    public let config: Model

    init(entry: ConfigEntry, config: Model) {
        self.entry = entry
        self.config = config
    }
}

extension JSObject {
    /// `String(value)` of the first property named `key` when its value is truthy. Read through the properties'
    /// buffer: an element of an array read by index was copied out (with its reference counts) to be looked at.
    func truthyString(_ key: String) -> String? {
        guard let index = propertyIndex(key) else { return nil }
        return properties.withUnsafeBufferPointer { properties in
            JavaScriptValues.isTruthy(properties[index].value.value) ? JavaScriptValues.string(properties[index].value.value) : nil
        }
    }
}

/// JavaScript conversions validation needs to reproduce Grouparoo's messages.
enum JavaScriptValues {
    static func isTruthy(_ value: JSValue) -> Bool { JSConversions.toBoolean(value) }

    /// `String(value)`, as template literals interpolate it.
    static func string(_ value: JSValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number): return JSConversions.numberToString(number)
        case .string(let text): return text
        case .array(let elements):
            // Bounded: only flat values are spelled out; nested ones collapse as JavaScript would.
            return elements.map { element -> String in
                switch element.value {
                case .undefined, .null: return ""
                case .array: return "…"
                default: return string(element.value)
                }
            }.joined(separator: ",")
        case .object: return "[object Object]"
        case .function: return "function"
        }
    }

    static func isNullish(_ value: JSValue) -> Bool {
        switch value {
        case .null, .undefined: return true
        default: return false
        }
    }

    /// `typeof value`, as Grouparoo prints it for option types (R-OPT-06).
    static func typeOf(_ value: JSValue) -> String { JSConversions.typeOf(value) }
}
