/// A `property` config object (§4.5).
public struct PropertyConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var key: Field<String>?
    public var type: Field<EnumValue<PropertyType>>?
    public var sourceId: Field<String>?
    public var unique: Field<Bool>?
    public var isArray: Field<Bool>?
    public var options: Field<JSObject>?
    public var filters: Field<[FilterConfig]>?
    /// `name` and `identifying`, an alias and a removed key, are rarely written: out of line, a property
    /// without them holds one word for both instead of 48 bytes (tens of thousands of properties are kept).
    private var rarelyWritten: RarelyWrittenPropertyFields?

    /// Accepted as a fallback for `key` (R-PROP-03).
    public var name: Field<String>? {
        get { rarelyWritten?.name }
        set { rarelyWritten = RarelyWrittenPropertyFields.make(name: newValue, identifying: identifying) }
    }

    /// Deprecated; only logged when truthy (R-PROP-12).
    public var identifying: Field<Bool>? {
        get { rarelyWritten?.identifying }
        set { rarelyWritten = RarelyWrittenPropertyFields.make(name: name, identifying: newValue) }
    }

    /// The key Grouparoo uses: `key` when non-empty, else `name`, else `""` (R-PROP-03).
    public var effectiveKey: String {
        if let key = key?.value, !key.isEmpty { return key }
        return name?.value ?? ""
    }

    /// `unique`, defaulting to `false` (R-PROP-05).
    public var effectiveUnique: Bool { unique?.value ?? false }

    /// `isArray`, defaulting to `false` (R-PROP-05).
    public var effectiveIsArray: Bool { isArray?.value ?? false }

    /// An empty property built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .property, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Property`'s columns and the loader's `options`, `filters`, `name` and `identifying` (§4.5).
    static let fieldTable = FieldTable<PropertyConfig>([
        .string("key", { $0.key }, { $0.key = $1 },
                length: GrouparooLimits.columnLength, help: "The property's key, used in templates and group rules."),
        .enumeration("type", { $0.type }, { $0.type = $1 }, .required, help: "The property's value type."),
        .bool("unique", { $0.unique }, { $0.unique = $1 },
              .notNull, help: "Whether no two records may share a value (default false)."),
        .string("sourceId", { $0.sourceId }, { $0.sourceId = $1 },
                .parentLookup, references: .source, help: "The source the property is read from."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("isPrimaryKey", "Set by Grouparoo from the source's mapping.", status: .ignored(use: nil, managed: true)),
        .bool("isArray", { $0.isArray }, { $0.isArray = $1 },
              .notNull, help: "Whether the property holds a list of values (default false)."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", { $0.options }, { $0.options = $1 },
                       help: "The source type's property options (column, aggregation, …)."),
        .list("filters", { $0.filters }, { $0.filters = $1 },
              help: "Conditions on the source rows the property reads."),
        .string("name", { $0.name }, { $0.name = $1 },
                status: .alias(of: "key"), help: "Used as the key when `key` is left out."),
        .bool("identifying", { $0.identifying }, { $0.identifying = $1 },
              status: .deprecated(use: nil), help: "Removed and ignored."),
    ])
}

/// `PropertyConfig`'s rarely written fields. Immutable: a change makes a new one, so models stay values.
private final class RarelyWrittenPropertyFields: Sendable {
    let name: Field<String>?
    let identifying: Field<Bool>?

    private init(name: Field<String>?, identifying: Field<Bool>?) {
        self.name = name
        self.identifying = identifying
    }

    /// `nil` when neither field is present.
    static func make(name: Field<String>?, identifying: Field<Bool>?) -> RarelyWrittenPropertyFields? {
        name == nil && identifying == nil ? nil : RarelyWrittenPropertyFields(name: name, identifying: identifying)
    }
}

/// A `schedule` config object (§4.6).
public struct ScheduleConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var sourceId: Field<String>?
    public var name: Field<String>?
    public var recurring: Field<Bool>?
    /// When absent on create, Grouparoo uses the connection's `supportIncrementalSchedule` (R-SCH-04).
    public var incremental: Field<Bool>?
    /// Milliseconds between runs; required and ≥ 60000 when `recurring` (R-SCH-07).
    public var recurringFrequency: Field<Double>?
    public var confirmRecords: Field<Bool>?
    /// Deprecated spelling of `confirmRecords`; when present it wins (R-SCH-01).
    public var confirmProfiles: Field<Bool>?
    public var refreshEnabled: Field<Bool>?
    public var options: Field<JSObject>?
    public var filters: Field<[FilterConfig]>?

    /// True when the deprecated `confirmProfiles` key is present.
    public var usesDeprecatedConfirmProfiles: Bool { header.object.property("confirmProfiles") != nil }

    /// The name Grouparoo uses: the given one, or `"<source name> schedule"` when empty (R-SCH-04).
    public func effectiveName(sourceName: String) -> String {
        if let name = name?.value, !name.isEmpty { return name }
        return "\(sourceName) schedule"
    }

    /// An empty schedule built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .schedule, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Schedule`'s columns and the loader's `options`, `filters` and `confirmProfiles` (§4.6).
    static let fieldTable = FieldTable<ScheduleConfig>([
        .string("sourceId", { $0.sourceId }, { $0.sourceId = $1 },
                .parentLookup, references: .source, help: "The source the schedule imports."),
        .string("name", { $0.name }, { $0.name = $1 },
                length: GrouparooLimits.columnLength,
                help: "Display name; \"<source name> schedule\" when left out."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .bool("incremental", { $0.incremental }, { $0.incremental = $1 },
              .notNull, help: "Whether each run imports only what changed."),
        .bool("recurring", { $0.recurring }, { $0.recurring = $1 },
              .notNull, help: "Whether the schedule runs by itself."),
        .number("recurringFrequency", { $0.recurringFrequency }, { $0.recurringFrequency = $1 },
                help: "Milliseconds between runs; at least 60000."),
        .bool("confirmRecords", { $0.confirmRecords }, { $0.confirmRecords = $1 },
              .notNull, help: "Whether records missing from the source are checked."),
        .bool("refreshEnabled", { $0.refreshEnabled }, { $0.refreshEnabled = $1 },
              .notNull, help: "Whether the app's refresh query can start it."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", { $0.options }, { $0.options = $1 }, help: "The source type's schedule options."),
        .list("filters", { $0.filters }, { $0.filters = $1 },
              help: "Conditions on the source rows the schedule imports."),
        .bool("confirmProfiles", { $0.confirmProfiles }, { $0.confirmProfiles = $1 },
              status: .deprecated(use: "confirmRecords"),
              help: "Old name of confirmRecords."),
    ])
}

/// One element of a property's or schedule's `filters` (R-FLT-02).
public struct FilterConfig: NestedElement {
    /// A source column or field name, not a property id.
    public var key: Field<String>?
    /// Unrecognized values include the deprecated spellings such as `equals` (R-PROP-11).
    public var op: Field<EnumValue<FilterOp>>?
    public var match: Field<ConfigScalar>?
    public var relativeMatchNumber: Field<Double>?
    public var relativeMatchUnit: Field<EnumValue<RelativeMatchUnit>>?
    public var relativeMatchDirection: Field<EnumValue<RelativeMatchDirection>>?
    /// The element as written (may be a non-object, which Grouparoo fails on).
    public var raw: LocatedValue
    /// The element's properties; empty when it is not an object.
    public var object: JSObject

    /// The op that replaced a deprecated `op` spelling, when `op` is one (R-PROP-11, R-SCH-10).
    public var deprecatedOpReplacement: FilterOp? {
        guard case .unrecognized(let raw)? = op?.value else { return nil }
        return FilterOp.replacement(forDeprecated: raw)
    }

    /// A filter built in code.
    public init(key: String, op: FilterOp, match: ConfigScalar? = nil) {
        self.key = Field(key)
        self.op = Field(.known(op))
        self.match = match.map { Field($0) }
        self.raw = LocatedValue(.object(JSObject()), span: .synthesized)
        self.object = JSObject()
    }

    init(reader: FieldReader, raw: LocatedValue) {
        self.raw = raw
        object = reader.object
        Self.fieldTable.decode(into: &self, from: reader)
    }

    /// The element as config.
    public var jsValue: LocatedValue { encodedElement }

    static let fieldTable = FieldTable<FilterConfig>([
        .string("key", { $0.key }, { $0.key = $1 }, .required, help: "The source column or field the filter tests."),
        .operation("op", { $0.op }, { $0.op = $1 },
                   .required, help: "The comparison, e.g. \"eq\", \"gt\", \"exists\"."),
        .scalar("match", { $0.match }, { $0.match = $1 }, help: "The value compared against."),
        .number("relativeMatchNumber", { $0.relativeMatchNumber }, { $0.relativeMatchNumber = $1 },
                help: "How many units back or ahead, for relative ops."),
        .enumeration("relativeMatchUnit", { $0.relativeMatchUnit }, { $0.relativeMatchUnit = $1 },
                     help: "The unit of relativeMatchNumber."),
        .enumeration("relativeMatchDirection", { $0.relativeMatchDirection }, { $0.relativeMatchDirection = $1 },
                     help: "Whether to count back or ahead."),
    ])
}
