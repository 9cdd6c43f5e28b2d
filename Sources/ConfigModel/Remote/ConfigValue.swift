/// A plain JSON-like value of a config object, as import writes it and diff compares it.
/// Unlike `JSValue` it carries no source positions, and it can say "read from the environment":
/// `environmentVariable` stands for a secret whose value we never hold.
public indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case null
    case array([ConfigValue])
    /// Members in order; keys are unique.
    case object([ConfigMember])
    /// `process.env.NAME`: a secret kept out of files; its value is unknown to us.
    case environmentVariable(String)

    public subscript(key: String) -> ConfigValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var arrayValue: [ConfigValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var members: [ConfigMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var boolValue: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// How the loader stores option and setting values: numbers and booleans as strings (R-PROP-09).
    public var asLoaderString: ConfigValue {
        switch self {
        case .number(let number): return .string(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case .boolean(let flag): return .string(flag ? "true" : "false")
        default: return self
        }
    }

    /// JavaScript truthiness, for the few places Grouparoo tests a value with `if (x)`.
    public var isTruthy: Bool {
        switch self {
        case .string(let text): return !text.isEmpty
        case .number(let number): return number != 0 && !number.isNaN
        case .boolean(let flag): return flag
        case .null: return false
        default: return true
        }
    }

    /// The value without source positions; `undefined` members and functions are left out
    /// (as `JSON.stringify` drops them), and an `undefined` or function value is nil.
    public init?(_ value: LocatedValue) {
        switch value.value {
        case .undefined, .function: return nil
        case .null: self = .null
        case .boolean(let flag): self = .boolean(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map { ConfigValue($0) ?? .null })
        case .object(let object):
            self = .object(object.properties.compactMap { property in
                ConfigValue(property.value).map { ConfigMember(property.key, $0) }
            })
        }
    }
}

/// One `key: value` entry of a `ConfigValue.object`.
public struct ConfigMember: Sendable, Equatable {
    public var key: String
    public var value: ConfigValue

    public init(_ key: String, _ value: ConfigValue) {
        self.key = key
        self.value = value
    }
}

/// One config object: its class as the loader matches it (lower-cased), its id, and its value.
public struct PlainConfigObject: Sendable, Equatable {
    /// Lower-cased class (`apikey`, `teammember`), as Grouparoo compares classes (R-CLASS-01).
    public var objectClass: String
    public var id: String
    /// The whole object, `class` and `id` included.
    public var value: ConfigValue
    /// Where it was read from (for diff output); nil for objects built from a live instance.
    public var file: String?
    /// The live object's `locked` value, when it came from an instance.
    public var locked: String?

    public init(objectClass: String, id: String, value: ConfigValue, file: String? = nil, locked: String? = nil) {
        self.objectClass = objectClass.lowercased()
        self.id = id
        self.value = value
        self.file = file
        self.locked = locked
    }

    /// Grouparoo's node id, `class:id`.
    public var key: String { "\(objectClass):\(id)" }

    /// The objects a config directory read to; entries without a string class and id are left out
    /// (validate reports them).
    public static func objects(of read: ConfigReadResult) -> [PlainConfigObject] {
        read.files.flatMap { file in
            file.objects.compactMap { located -> PlainConfigObject? in
                guard let value = ConfigValue(located), let objectClass = value["class"]?.stringValue,
                      let id = value["id"]?.stringValue else { return nil }
                return PlainConfigObject(objectClass: objectClass, id: id, value: value, file: file.path)
            }
        }
    }
}

extension Array where Element == ConfigMember {
    /// Appends `key: value` unless the value is nil or null (Grouparoo's writer drops nulls, API-CFG-05).
    mutating func add(_ key: String, _ value: ConfigValue?) {
        guard let value, value != .null else { return }
        append(ConfigMember(key, value))
    }
}
