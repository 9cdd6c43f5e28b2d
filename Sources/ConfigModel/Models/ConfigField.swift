/// What one key of a config class holds, declared once in the class's field table: decoding,
/// encoding, allowed keys, the generic value rules, JSON Schemas and editor help all read it.
public struct ConfigField: Sendable {
    public let key: String
    public let type: ConfigValueType
    public let requirement: FieldRequirement
    /// The complete list of accepted values (case-sensitive); empty when any value of `type` is accepted.
    public let allowedValues: [String]
    /// Accepted length in UTF-16 code units, as Sequelize's `len` counts.
    public let length: ClosedRange<Int>?
    /// The class whose id this key holds (for `{key: id}` maps, the class of every value).
    public let references: ConfigClass?
    public let status: FieldStatus
    /// One line for editors and docs.
    public let help: String

    public init(_ key: String, _ type: ConfigValueType, requirement: FieldRequirement = .optional,
                allowedValues: [String] = [], length: ClosedRange<Int>? = nil, references: ConfigClass? = nil,
                status: FieldStatus = .active, help: String) {
        self.key = key
        self.type = type
        self.requirement = requirement
        self.allowedValues = allowedValues
        self.length = length
        self.references = references
        self.status = status
        self.help = help
    }

    /// A column Grouparoo fills in itself: accepted, never read from config (§3).
    static func managed(_ key: String, _ help: String, status: FieldStatus = .managed) -> ConfigField {
        ConfigField(key, .any, status: status, help: help)
    }

    /// Shown in "allowed keys" hints and editor completion: not a column Grouparoo manages itself.
    public var isSuggested: Bool {
        switch status {
        case .managed, .ignored(_, managed: true): return false
        default: return true
        }
    }
}

/// The JSON shape a key takes.
public indirect enum ConfigValueType: Sendable {
    case string
    case boolean
    /// `true`, `false` or an explicit `null` (permission options, R-PERM-03).
    case nullableBoolean
    /// A number; a numeric string is accepted too (Sequelize stores it as a number).
    case number
    /// `string | number | boolean` (setting values, rule matches).
    case scalar
    /// A plugin's options: which keys depends on the object's `type` (R-OPT-02..04).
    case pluginOptions
    /// An object with the given keys.
    case object([ConfigField])
    /// An array of objects with the given keys.
    case list([ConfigField])
    /// `{ name: id }`: mappings and group memberships.
    case idMap
    /// `{ propertyId: value or [values] }`: a record's properties.
    case valueMap
    /// Any value: columns Grouparoo manages itself.
    case any
}

/// Whether a key must be given.
public enum FieldRequirement: Sendable, Equatable {
    case optional
    /// A NOT NULL column: missing or `null` fails (`Class.key cannot be null`, R-SEQ-01).
    case required
    /// A parent id Grouparoo looks up before creating the object: it must be present
    /// (`missing parent id to find a …`, R-PARENT-01); a `null` one is an unknown reference.
    case parentLookup
    /// A NOT NULL parent column: it must be present (`Class.key cannot be null`).
    case parentColumn
    /// May be left out for the default, but an explicit `null` fails (boolean columns).
    case notNull

    /// Whether the key has to be written at all (JSON Schema `required`).
    public var mustBePresent: Bool { self == .required || self == .parentLookup || self == .parentColumn }
}

/// Whether Grouparoo reads a key.
public enum FieldStatus: Sendable, Equatable {
    case active
    /// A column Grouparoo sets itself (`createdAt`, `locked`, …): accepted and ignored.
    case managed
    /// Accepted but never read; `use` names where it belongs (`nil`: Grouparoo decides it itself).
    /// `managed` keys are Grouparoo's own columns as well.
    case ignored(use: String?, managed: Bool)
    /// Still read, with a deprecation warning; `use` names its replacement.
    case deprecated(use: String?)
    /// Read in place of the key `of` when that one is missing (`key || name`, R-PROP-03).
    case alias(of: String)
}

extension ConfigClass {
    /// Every top-level key of the class in Grouparoo's column order, then the keys its loader adds
    /// (§3); `id` and the always-accepted `class` come first.
    public var fields: [ConfigField] { fieldTable.fields }

    /// The field table of a top-level key, if the class has it.
    public func field(_ key: String) -> ConfigField? { fieldTable.indexByKey[key].map { fieldTable.fields[$0] } }

    /// Whether the class has a field for this top-level key (R-KEYS-01, R-CLASS-03).
    public func allowsKey(_ key: String) -> Bool { fieldTable.indexByKey[key] != nil }

    /// Rules look keys up for every key of every object, so each class's keys are indexed once.
    private struct FieldLookup: Sendable {
        let fields: [ConfigField]
        /// Key → index of its first field.
        let indexByKey: [String: Int]

        init(_ fields: [ConfigField]) {
            self.fields = fields
            indexByKey = Dictionary(fields.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// In `allCases` order; found by position, since hashing a raw-value enum hashes its raw string.
    private static let orderedCases = allCases
    private static let fieldLookups = orderedCases.map { FieldLookup([classField, idField] + $0.bodyFields) }

    private var fieldTable: FieldLookup { Self.fieldLookups[Self.orderedCases.firstIndex(of: self)!] }

    static let classField = ConfigField("class", .string, requirement: .required,
                                        help: "The kind of object; matched case-insensitively.")
    static let idField = ConfigField("id", .string, requirement: .required, length: GrouparooLimits.columnLength,
                                     help: "Unique id of the object; other objects refer to it by this id.")

    /// The class's own fields, after `class` and `id`.
    var bodyFields: [ConfigField] {
        switch self {
        case .setting: return SettingConfig.fieldTable.fields
        case .model: return ModelConfig.fieldTable.fields
        case .app: return AppConfig.fieldTable.fields
        case .source: return SourceConfig.fieldTable.fields
        case .property: return PropertyConfig.fieldTable.fields
        case .schedule: return ScheduleConfig.fieldTable.fields
        case .group: return GroupConfig.fieldTable.fields
        case .destination: return DestinationConfig.fieldTable.fields
        case .apiKey: return ApiKeyConfig.fieldTable.fields
        case .team: return TeamConfig.fieldTable.fields
        case .teamMember: return TeamMemberConfig.fieldTable.fields
        case .record, .profile: return RecordConfig.fieldTable.fields
        }
    }
}
