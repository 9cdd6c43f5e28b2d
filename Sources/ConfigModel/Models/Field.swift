/// A decoded config value with where it was written. Model properties hold `Field<T>?`,
/// `nil` when the key is absent, `null`/`undefined`, or of a type that could not be decoded.
public struct Field<Value: Sendable>: Sendable {
    // The origin first: a small value (a `Bool`) then fills its tail padding, 16 bytes instead of 24.
    private let origin: FieldOrigin
    public var value: Value

    public init(_ value: Value, span: SourceSpan = .synthesized, keySpan: SourceSpan? = nil) {
        self.value = value
        self.origin = span == .synthesized && keySpan == nil ? .synthesized : .spans(WrittenSpans(span: span, keySpan: keySpan))
    }

    init(_ value: Value, origin: FieldOrigin) {
        self.value = value
        self.origin = origin
    }

    /// Span of the value.
    public var span: SourceSpan { origin.span }
    /// Span of the key naming it, when the value came from an object property.
    public var keySpan: SourceSpan? { origin.keySpan }

    /// Another value written at the same place (an enum case read from a string, a decoded nested object).
    /// Consuming: the field is dropped after nearly every use, and its origin, copied, was retained and released.
    consuming func withValue<Other: Sendable>(_ other: Other) -> Field<Other> { Field<Other>(other, origin: origin) }
}

/// Where a field was written. Models hold tens of thousands of fields, so a field read from an
/// object property points back at that property in the object as read (which the config keeps
/// anyway) instead of carrying two spans of its own.
enum FieldOrigin: Sendable {
    /// Property `index` of `object`: its value span and key span.
    case property(JSObject, index: Int32)
    /// Spans given explicitly (array elements, values built in code).
    case spans(WrittenSpans)

    static let synthesized = FieldOrigin.spans(WrittenSpans(span: .synthesized, keySpan: nil))

    var span: SourceSpan {
        switch self {
        case .property(let object, let index): return object.properties[Int(index)].value.span
        case .spans(let spans): return spans.span
        }
    }

    var keySpan: SourceSpan? {
        switch self {
        case .property(let object, let index): return object.properties[Int(index)].keySpan
        case .spans(let spans): return spans.keySpan
        }
    }
}

/// Spans stored out of line, so the common `property` case of `FieldOrigin` stays small.
final class WrittenSpans: Sendable {
    let span: SourceSpan
    let keySpan: SourceSpan?

    init(span: SourceSpan, keySpan: SourceSpan?) {
        self.span = span
        self.keySpan = keySpan
    }
}

extension SourceSpan {
    /// The span given to values built in code rather than read from a file.
    public static let synthesized = SourceSpan.wholeFile("<synthesized>")
}

/// A value of a Grouparoo enum: a known case, or the raw string when it is not one,
/// so validation can quote it back (e.g. `text is not an allowed type`).
public enum EnumValue<Known>: Sendable, Hashable
where Known: RawRepresentable & Sendable & Hashable, Known.RawValue == String {
    case known(Known)
    case unrecognized(String)

    /// Classifies a raw string, matching exactly (Grouparoo enums are case-sensitive).
    public init(_ raw: String) {
        if let value = Known(rawValue: raw) { self = .known(value) } else { self = .unrecognized(raw) }
    }

    /// The string as written in the config.
    public var rawValue: String {
        switch self {
        case .known(let value): return value.rawValue
        case .unrecognized(let raw): return raw
        }
    }

    /// The known case, or `nil` when the string is not one.
    public var knownValue: Known? {
        if case .known(let value) = self { return value }
        return nil
    }
}

/// A scalar config value: the `string | number | boolean` of setting values, rule matches and record properties.
public enum ConfigScalar: Sendable, Hashable {
    case string(String)
    case number(Double)
    case boolean(Bool)

    /// The value as JavaScript's `toString()` renders it (Grouparoo stores matches this way).
    public var javaScriptString: String {
        switch self {
        case .string(let text): return text
        case .number(let number): return JSConversions.numberToString(number)
        case .boolean(let flag): return flag ? "true" : "false"
        }
    }

    /// The equivalent `JSValue`.
    public var jsValue: JSValue {
        switch self {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .boolean(let flag): return .boolean(flag)
        }
    }
}

/// One `key: "id"` entry of a reference map: a source or destination `mapping` (remote key → property id)
/// or `destinationGroupMemberships` (remote name → group id). Order follows the config object.
public struct KeyedReference: Sendable {
    /// The remote key or remote name.
    public var key: String
    public var keySpan: SourceSpan
    /// The referenced id; `nil` when the value is `null`/`undefined` (Grouparoo drops those) or not a string.
    public var target: Field<String>?
    /// The value exactly as written.
    public var raw: LocatedValue

    public init(key: String, target: String, keySpan: SourceSpan = .synthesized) {
        self.key = key
        self.keySpan = keySpan
        self.target = Field(target)
        self.raw = LocatedValue(.string(target), span: .synthesized)
    }

    init(key: String, keySpan: SourceSpan, target: Field<String>?, raw: LocatedValue) {
        self.key = key
        self.keySpan = keySpan
        self.target = target
        self.raw = raw
    }
}

/// What every config object has: its class as written, its id, and the evaluated object itself.
public struct ConfigObjectHeader: Sendable {
    /// The class the dispatcher resolved `rawClass` to.
    public let configClass: ConfigClass
    /// Where `class` is in `object`, or -1 in a header built in code.
    private let classIndex: Int32
    public var id: Field<String>?
    /// Span of the whole object. The object as read is `object` at `span`; the header keeps no
    /// `LocatedValue` of it (models are held per object, so 24 bytes each add up).
    public var span: SourceSpan
    /// The object's properties, in order; typed fields are decoded from it, and keys with no typed
    /// field are re-emitted from here.
    public let object: JSObject

    /// A header for an object built in code, spelled as `grouparoo generate` would.
    public init(configClass: ConfigClass, id: String) {
        self.configClass = configClass
        self.classIndex = -1
        self.id = Field(id)
        self.span = .synthesized
        self.object = JSObject()
    }

    /// `classIndex`: the `class` property, whose value is a string.
    init(classIndex: Int32, configClass: ConfigClass, id: Field<String>?, span: SourceSpan, object: JSObject) {
        self.configClass = configClass
        self.classIndex = classIndex
        self.id = id
        self.span = span
        self.object = object
    }

    /// The `class` value exactly as written (Grouparoo prints it raw, R-PIPE-08). Read from the object when
    /// asked: a stored field cost 32 bytes per model, and few callers need it.
    public var rawClass: Field<String> {
        guard classIndex >= 0, case .string(let text) = object.properties[Int(classIndex)].value.value else {
            return Field(configClass.preferredSpelling)
        }
        return Field(text, origin: .property(object, index: classIndex))
    }

    /// Top-level properties that are not allowed for this class (R-KEYS-01), in object order.
    public var unknownKeys: [JSProperty] {
        object.properties.filter { !configClass.allowsKey($0.key) }
    }
}

/// Behaviour shared by every typed config model. Each model's decoding `init(header:reader:)` moves its header in
/// (`consume`): a plain parameter lives until the init ends, past decoding, so storing it copied the header (retaining
/// each of its parts) and released the original at the end.
public protocol TypedConfig: Sendable {
    var header: ConfigObjectHeader { get set }
    /// The typed fields in the key order a generated config uses; `nil` values are left out.
    var encodedFields: [(key: String, value: LocatedValue?)] { get }
}

extension TypedConfig {
    /// The object's `id`, when it is a string (or was coerced to one).
    public var id: String? { header.id?.value }

    /// Span of the whole object.
    public var span: SourceSpan { header.span }

    /// Top-level keys this class does not allow, for the key-validation rule.
    public var unknownKeys: [JSProperty] { header.unknownKeys }

    /// The object as config: keys keep their original order, typed fields override their original
    /// values, keys without a typed value are copied unchanged, and new typed keys are appended.
    public func toJSValue() -> JSValue {
        ConfigEncoding.merge(header: header, fields: encodedFields)
    }
}

extension Field: Equatable where Value: Equatable {
    public static func == (lhs: Field, rhs: Field) -> Bool {
        lhs.value == rhs.value && lhs.span == rhs.span && lhs.keySpan == rhs.keySpan
    }
}

extension Field: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(span)
        hasher.combine(keySpan)
    }
}
