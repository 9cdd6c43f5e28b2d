/// A config object decoded into the model for its class.
/// Indirect: the models differ in size by hundreds of bytes, so each value takes only the room its own case needs.
public indirect enum ConfigObject: Sendable {
    case setting(SettingConfig)
    case model(ModelConfig)
    case app(AppConfig)
    case source(SourceConfig)
    case property(PropertyConfig)
    case schedule(ScheduleConfig)
    case group(GroupConfig)
    case destination(DestinationConfig)
    case apiKey(ApiKeyConfig)
    case team(TeamConfig)
    case teamMember(TeamMemberConfig)
    /// A `record`, or a deprecated `profile` (see `RecordConfig.usesDeprecatedProfileClass`).
    case record(RecordConfig)

    /// The model behind the case.
    public var model: any TypedConfig {
        switch self {
        case .setting(let value): return value
        case .model(let value): return value
        case .app(let value): return value
        case .source(let value): return value
        case .property(let value): return value
        case .schedule(let value): return value
        case .group(let value): return value
        case .destination(let value): return value
        case .apiKey(let value): return value
        case .team(let value): return value
        case .teamMember(let value): return value
        case .record(let value): return value
        }
    }

    /// Class, id and the raw object.
    public var header: ConfigObjectHeader { model.header }

    /// The class as dispatched (`profile` stays `profile`).
    public var configClass: ConfigClass { header.configClass }

    /// The object's id, when it is a string.
    public var id: String? { header.id?.value }

    /// The object as config (see `TypedConfig.toJSValue()`).
    public func toJSValue() -> JSValue { model.toJSValue() }

    /// Decodes an evaluated config object. Never throws: `object` is `nil` when the value is not an
    /// object or its class is missing or not one Grouparoo dispatches (those are reported by validation,
    /// except a non-string `class` or a non-object value, which are reported here). Type mismatches
    /// in fields become diagnostics; unknown keys are left to validation (`header.unknownKeys`).
    public static func decode(_ value: LocatedValue) -> ConfigDecodeResult {
        let decoded = decode(value, TopLevelKeys(value)) { header, reader in decodeModel(header: header, reader: reader) }
        return ConfigDecodeResult(object: decoded.model, diagnostics: decoded.diagnostics)
    }

    /// `decode` with the object's `class` and `id` found already, handing the header and a reader to `model`
    /// (validation builds its own wrapper of each model there, not a `ConfigObject` to take apart again).
    /// `context` may be one a worker decodes all its objects with (it is restarted here, and left empty).
    static func decode<Model>(_ value: LocatedValue, _ keys: TopLevelKeys, context: DecodeContext = DecodeContext(objectClass: nil),
                              model: (consuming ConfigObjectHeader, FieldReader) -> Model)
    -> (model: Model?, diagnostics: [Diagnostic]) {
        guard let object = keys.object else {
            context.restart(objectClass: nil)
            context.mismatch(.error, "config object", expected: "an object", found: value)
            return (nil, context.takeDiagnostics())
        }
        context.restart(objectClass: keys.rawClass)
        let reader = FieldReader(object, context: context)
        // A falsy id (`0`, `false`) is missing (R-PIPE-01, `missing-id`), not a value to read as a string.
        var id: Field<String>?
        if let idIndex = keys.idIndex, JSConversions.toBoolean(object.properties[idIndex].value.value) {
            id = reader.string(at: idIndex)
        }
        context.objectID = id?.value

        guard let classIndex = keys.classIndex else { return (nil, context.takeDiagnostics()) }
        guard keys.rawClass != nil else {
            switch object.properties[classIndex].value.value {
            case .null, .undefined: break
            default:
                context.mismatch(.error, "class", expected: "a string", found: object.properties[classIndex].value)
            }
            return (nil, context.takeDiagnostics())
        }
        guard let configClass = keys.dispatchClass else { return (nil, context.takeDiagnostics()) }
        // Both consumed at their last use: passed plainly, each was copied, and the copy dropped after.
        let header = ConfigObjectHeader(
            classIndex: Int32(classIndex),
            configClass: configClass, id: consume id, span: value.span, object: object)
        let decoded = model(consume header, reader)
        return (decoded, context.takeDiagnostics())
    }

    /// `consuming`: the header moves into the model instead of being copied (a copy retains each of its parts).
    private static func decodeModel(header: consuming ConfigObjectHeader, reader: FieldReader) -> ConfigObject {
        switch header.configClass {
        case .setting: return .setting(SettingConfig(header: header, reader: reader))
        case .model: return .model(ModelConfig(header: header, reader: reader))
        case .app: return .app(AppConfig(header: header, reader: reader))
        case .source: return .source(SourceConfig(header: header, reader: reader))
        case .property: return .property(PropertyConfig(header: header, reader: reader))
        case .schedule: return .schedule(ScheduleConfig(header: header, reader: reader))
        case .group: return .group(GroupConfig(header: header, reader: reader))
        case .destination: return .destination(DestinationConfig(header: header, reader: reader))
        case .apiKey: return .apiKey(ApiKeyConfig(header: header, reader: reader))
        case .team: return .team(TeamConfig(header: header, reader: reader))
        case .teamMember: return .teamMember(TeamMemberConfig(header: header, reader: reader))
        case .record, .profile: return .record(RecordConfig(header: header, reader: reader))
        }
    }
}

/// The outcome of `ConfigObject.decode`: the typed model, if the class was recognised, and what
/// was wrong with the values' types.
public struct ConfigDecodeResult: Sendable {
    public var object: ConfigObject?
    public var diagnostics: [Diagnostic]

    public init(object: ConfigObject?, diagnostics: [Diagnostic]) {
        self.object = object
        self.diagnostics = diagnostics
    }
}

/// Where an object's `class` and `id` are and the class they dispatch to, found once for decoding and for
/// validation's entry. `class` and `id` are read in place: copying a value out costs a reference-count round trip.
struct TopLevelKeys {
    // Stored without optionals (`object` and `rawClass` make them): an optional string or object copied out of
    // this struct went through its type's value witnesses, some hundred instructions each, four times per object.
    /// The value's properties; empty when it is not an object.
    private let properties: JSObject
    private let isObject: Bool
    let classIndex: Int?
    let idIndex: Int?
    /// `class` as written when it is a string (`classIsString`), else empty.
    private let classText: String
    private let classIsString: Bool
    /// The class `rawClass` dispatches to (`ConfigClass(raw:)`).
    let dispatchClass: ConfigClass?
    /// `id` as written when it is a string (`idIsString`), else empty: the entry takes its id from here.
    private let idText: String
    private let idIsString: Bool

    /// The value's properties; nil when it is not an object.
    var object: JSObject? { isObject ? properties : nil }
    /// `class` as written, when it is a string.
    var rawClass: String? { classIsString ? classText : nil }
    /// `id` as written, when it is a string.
    var stringID: String? { idIsString ? idText : nil }

    /// `value` is borrowed: taken owned, each caller copied its object in and released it again.
    init(_ value: borrowing LocatedValue) {
        guard case .object(let object) = value.value else {
            (properties, isObject, classIndex, idIndex) = (JSObject(), false, nil, nil)
            (classText, classIsString, dispatchClass, idText, idIsString) = ("", false, nil, "", false)
            return
        }
        (properties, isObject) = (object, true)
        classIndex = object.propertyIndex("class")
        idIndex = object.propertyIndex("id")
        if let idIndex, case .string(let text) = object.properties[idIndex].value.value {
            (idText, idIsString) = (text, true)
        } else {
            (idText, idIsString) = ("", false)
        }
        if let classIndex, case .string(let text) = object.properties[classIndex].value.value {
            (classText, classIsString) = (text, true)
            dispatchClass = ConfigClass(raw: text)
        } else {
            (classText, classIsString, dispatchClass) = ("", false, nil)
        }
    }
}
