/// Collects decoding diagnostics for one config object, tagged with its class and id. A worker may decode one object
/// after another with one context (`restart`): making and freeing one per object cost some 350 instructions.
final class DecodeContext {
    // Unchecked: a context belongs to one decoding at a time, on one thread, and the run-time check cost a call per access.
    @exclusivity(unchecked) private(set) var objectClass: String?
    @exclusivity(unchecked) var objectID: String?
    @exclusivity(unchecked) private(set) var diagnostics: [Diagnostic] = []

    init(objectClass: String?, objectID: String? = nil) {
        self.objectClass = objectClass
        self.objectID = objectID
    }

    /// Starts on the next object, as a new context would.
    func restart(objectClass: String?) {
        self.objectClass = objectClass
        objectID = nil
        if !diagnostics.isEmpty { diagnostics = [] }
    }

    /// The diagnostics so far, handed over: the context is left with none.
    func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    func report(_ severity: Severity, _ message: String, span: SourceSpan) {
        diagnostics.append(Diagnostic(
            severity: severity, origin: .reader(.invalidValueType), message: message, span: span,
            objectClass: objectClass, objectID: objectID))
    }

    /// Reports a value of the wrong kind: an error when Grouparoo cannot use it ("must"),
    /// a warning when JavaScript coercion makes it work, possibly not as intended ("should").
    func mismatch(_ severity: Severity, _ label: String, expected: String, found located: LocatedValue,
                  detail: String = "") {
        let verb = severity == .error ? "must" : "should"
        let found = DecodeContext.kindName(located.value)
        report(severity, "`\(label)` \(verb) be \(expected), but it is \(found)\(detail)", span: located.span)
    }
}

/// Reads typed fields out of one JS object. Never fails: a value of the wrong type yields `nil`
/// (or a JavaScript-style coercion) plus a diagnostic.
struct FieldReader {
    let object: JSObject
    /// Where this object sits, e.g. `rules[1].`, so messages point at the right value.
    let path: ReaderPath
    /// Unowned: a reader lives only within `ConfigObject.decode`, whose caller holds the context throughout (readers are
    /// made from its `context` or from another reader, never stored), and each copy of a reader retained it.
    unowned(unsafe) let context: DecodeContext

    init(_ object: JSObject, path: ReaderPath = .top, context: DecodeContext) {
        self.object = object
        self.path = path
        self.context = context
    }

    /// Typed reads of property `index`, the one the field table matched to a key (`label` is that key):
    /// values are read in place as `object.properties[index].value`, as copying one out costs a
    /// reference-count round trip per field.
    private func origin(_ index: Int) -> FieldOrigin { .property(object, index: Int32(index)) }

    private func label(_ index: Int) -> String { path.prefix + object.properties[index].key }

    // Each read first takes the value of the expected kind in place; only any other value goes to the context
    // (which also accepts that kind, as the plain reading): passing the property's value copied it out.

    func string(at index: Int) -> Field<String>? {
        if let text = object.string(at: index) { return Field(text, origin: origin(index)) }
        return context.string(object.properties[index].value, label: label(index), origin: origin(index))
    }

    func bool(at index: Int) -> Field<Bool>? {
        if let flag = object.boolean(at: index) { return Field(flag, origin: origin(index)) }
        return context.bool(object.properties[index].value, label: label(index), origin: origin(index))
    }

    /// A boolean where an explicit `null` is meaningful (permission options): `Field(nil)` for `null`.
    func nullableBool(at index: Int) -> Field<Bool?>? {
        if case .null = object.properties[index].value.value { return Field(nil, origin: origin(index)) }
        return bool(at: index).map { $0.withValue(Optional($0.value)) }
    }

    func number(at index: Int) -> Field<Double>? {
        if let number = object.number(at: index) { return Field(number, origin: origin(index)) }
        return context.number(object.properties[index].value, label: label(index), origin: origin(index))
    }

    func enumValue<Known>(at index: Int, _ cases: EnumCases<Known>) -> Field<EnumValue<Known>>? {
        // A string is classified in place: a `Field<String>` first was made, copied and dropped for each.
        if let text = object.string(at: index) { return Field(cases.value(text), origin: origin(index)) }
        return context.string(object.properties[index].value, label: label(index), origin: origin(index))
            .map { $0.withValue(cases.value($0.value)) }
    }

    func scalar(at index: Int) -> Field<ConfigScalar>? {
        context.scalar(object.properties[index].value, label: label(index), origin: origin(index))
    }

    func objectField(at index: Int) -> Field<JSObject>? {
        if let nested = object.object(at: index) { return Field(nested, origin: origin(index)) }
        return context.object(object.properties[index].value, label: label(index), origin: origin(index))
    }

    func array(at index: Int) -> Field<[LocatedValue]>? {
        switch object.properties[index].value.value {
        case .array(let elements): return Field(elements, origin: origin(index))
        case .null, .undefined: return nil
        default:
            context.mismatch(.error, label(index), expected: "an array", found: object.properties[index].value)
            return nil
        }
    }

    /// An object of `{key: "id"}` references (mappings, group memberships), in object order.
    func references(at index: Int) -> Field<[KeyedReference]>? {
        guard let container = objectField(at: index) else { return nil }
        let object = container.value
        let entries = object.properties.indices.map { entry -> KeyedReference in
            let property = object.properties[entry]
            let target = context.string(property.value, label: "\(label(index)).\(property.key)",
                                        origin: .property(object, index: Int32(entry)))
            return KeyedReference(key: property.key, keySpan: property.keySpan, target: target, raw: property.value)
        }
        return container.withValue(entries)
    }

    /// Decodes every element of an array field with `decode`. A non-object element is reported and
    /// decoded from an empty object, so the list keeps its length and each element its `raw` value.
    func elements<Element>(
        at index: Int, decode: (FieldReader, LocatedValue) -> Element
    ) -> Field<[Element]>? {
        guard let list = array(at: index) else { return nil }
        let key = object.properties[index].key
        let decoded = list.value.enumerated().map { offset, element -> Element in
            let path = ReaderPath.element(path, key, offset)
            guard case .object(let nested) = element.value else {
                context.mismatch(.error, String(path.prefix.dropLast()), expected: "an object", found: element)
                return decode(FieldReader(JSObject(), path: path, context: context), element)
            }
            return decode(FieldReader(nested, path: path, context: context), element)
        }
        return list.withValue(decoded)
    }

    /// A reader for a nested object field, with messages prefixed by its key.
    func nested(at index: Int) -> (reader: FieldReader, field: Field<JSObject>)? {
        guard let field = objectField(at: index) else { return nil }
        return (FieldReader(field.value, path: .key(path, object.properties[index].key), context: context), field)
    }
}

/// A property's value of one kind, its payload copied alone. Not inlined: inlined, the optimizer copied the whole
/// located value out of the properties (through its value witness) to take the payload from the copy; a call is
/// handed the value borrowed.
extension JSObject {
    func string(at index: Int) -> String? { Self.string(properties[index].value.value) }
    func boolean(at index: Int) -> Bool? { Self.boolean(properties[index].value.value) }
    func number(at index: Int) -> Double? { Self.number(properties[index].value.value) }
    func object(at index: Int) -> JSObject? { Self.object(properties[index].value.value) }

    @inline(never) private static func string(_ value: JSValue) -> String? { if case .string(let text) = value { text } else { nil } }
    @inline(never) private static func boolean(_ value: JSValue) -> Bool? { if case .boolean(let flag) = value { flag } else { nil } }
    @inline(never) private static func number(_ value: JSValue) -> Double? { if case .number(let number) = value { number } else { nil } }
    @inline(never) private static func object(_ value: JSValue) -> JSObject? { if case .object(let object) = value { object } else { nil } }
}

/// Where a reader's object sits, kept as its parts: it is spelled out (`rules[1].`) only for a message, and
/// most objects have none.
indirect enum ReaderPath {
    case top
    /// The object under `key` of the object at the parent path.
    case key(ReaderPath, String)
    /// Element `offset` of the array under `key` of the object at the parent path.
    case element(ReaderPath, String, Int)

    /// The prefix of a key's label: empty at the top, else ending in `.`.
    var prefix: String {
        switch self {
        case .top: return ""
        case .key(let parent, let key): return "\(parent.prefix)\(key)."
        case .element(let parent, let key, let offset): return "\(parent.prefix)\(key)[\(offset)]."
        }
    }
}

extension JSObject {
    /// Where `key` sits; compares keys in place rather than copying each property, and their
    /// lengths first (most keys differ in length, and that costs less to see).
    func propertyIndex(_ key: String) -> Int? {
        let length = key.utf8.count
        for index in properties.indices
        where properties[index].key.utf8.count == length && properties[index].key == key {
            return index
        }
        return nil
    }
}

/// The typed readers take the label as an autoclosure: it is spelled out only for a message.
extension DecodeContext {
    /// Strings; numbers and booleans are accepted as JavaScript would stringify them, with a warning.
    func string(_ located: LocatedValue, label: @autoclosure () -> String,
                origin: consuming FieldOrigin) -> Field<String>? {
        switch located.value {
        case .string(let text):
            return Field(text, origin: origin)
        case .number, .boolean:
            let coerced = ConfigScalar(located.value)?.javaScriptString ?? ""
            mismatch(.warning, label(), expected: "a string", found: located,
                     detail: "; Grouparoo will read it as \"\(coerced)\"")
            return Field(coerced, origin: origin)
        case .null, .undefined:
            return nil
        case .array, .object, .function:
            mismatch(.error, label(), expected: "a string", found: located)
            return nil
        }
    }

    func bool(_ located: LocatedValue, label: @autoclosure () -> String,
              origin: consuming FieldOrigin) -> Field<Bool>? {
        switch located.value {
        case .boolean(let flag):
            return Field(flag, origin: origin)
        case .null, .undefined:
            return nil
        case .string, .number:
            mismatch(.warning, label(), expected: "a boolean (true or false)", found: located)
            return nil
        case .array, .object, .function:
            mismatch(.error, label(), expected: "a boolean", found: located)
            return nil
        }
    }

    /// Numbers; numeric strings are accepted silently because Sequelize stores them as numbers.
    func number(_ located: LocatedValue, label: @autoclosure () -> String,
                origin: consuming FieldOrigin) -> Field<Double>? {
        switch located.value {
        case .number(let number):
            return Field(number, origin: origin)
        case .string(let text):
            if let number = Self.decimalValue(text) { return Field(number, origin: origin) }
            mismatch(.warning, label(), expected: "a number", found: located, detail: " (\"\(text)\")")
            return nil
        case .boolean:
            mismatch(.warning, label(), expected: "a number", found: located)
            return nil
        case .null, .undefined:
            return nil
        case .array, .object, .function:
            mismatch(.error, label(), expected: "a number", found: located)
            return nil
        }
    }

    func scalar(_ located: LocatedValue, label: @autoclosure () -> String,
                origin: consuming FieldOrigin) -> Field<ConfigScalar>? {
        switch located.value {
        case .null, .undefined:
            return nil
        case .array, .object, .function:
            mismatch(.error, label(), expected: "a string, number or boolean", found: located)
            return nil
        default:
            guard let scalar = ConfigScalar(located.value) else { return nil }
            return Field(scalar, origin: origin)
        }
    }

    func object(_ located: LocatedValue, label: @autoclosure () -> String,
                origin: consuming FieldOrigin) -> Field<JSObject>? {
        switch located.value {
        case .object(let nested):
            return Field(nested, origin: origin)
        case .null, .undefined:
            return nil
        default:
            mismatch(.error, label(), expected: "an object", found: located)
            return nil
        }
    }
}

extension ConfigScalar {
    /// The scalar a JS value holds, or `nil` for null, undefined, arrays, objects and functions.
    init?(_ value: JSValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number)
        case .boolean(let flag): self = .boolean(flag)
        default: return nil
        }
    }
}

extension DecodeContext {
    /// A plain decimal number written as a string (`"8"`, `"1.5"`, `"-2e3"`); no hex, `Infinity` or `NaN`.
    static func decimalValue(_ text: String) -> Double? {
        let trimmed = JavaScriptText.trim(text)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) })
        else { return nil }
        return Double(trimmed)
    }

    /// How a value's kind is named in messages ("an array", "null", …).
    static func kindName(_ value: JSValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .function: return "a function"
        }
    }
}
