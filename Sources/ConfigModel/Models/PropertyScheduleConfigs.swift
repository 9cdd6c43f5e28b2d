/// A `property` config object (§4.5).
public struct PropertyConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var key: Field<String>?
    /// Accepted as a fallback for `key` (R-PROP-03).
    public var name: Field<String>?
    public var type: Field<EnumValue<PropertyType>>?
    public var sourceId: Field<String>?
    public var unique: Field<Bool>?
    public var isArray: Field<Bool>?
    /// Deprecated; only logged when truthy (R-PROP-12).
    public var identifying: Field<Bool>?
    public var options: Field<JSObject>?
    public var filters: Field<[FilterConfig]>?

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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Property`'s columns and the loader's `options`, `filters`, `name` and `identifying` (§4.5).
    static let fieldTable = FieldTable<PropertyConfig>([
        .string("key", \.key, length: GrouparooLimits.columnLength, help: "The property's key, used in templates and group rules."),
        .enumeration("type", \.type, .required, help: "The property's value type."),
        .bool("unique", \.unique, .notNull, help: "Whether no two records may share a value (default false)."),
        .string("sourceId", \.sourceId, .parentLookup, references: .source, help: "The source the property is read from."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("isPrimaryKey", "Set by Grouparoo from the source's mapping.", status: .ignored(use: nil, managed: true)),
        .bool("isArray", \.isArray, .notNull, help: "Whether the property holds a list of values (default false)."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", \.options, help: "The source type's property options (column, aggregation, …)."),
        .list("filters", \.filters, help: "Conditions on the source rows the property reads."),
        .string("name", \.name, status: .alias(of: "key"), help: "Used as the key when `key` is left out."),
        .bool("identifying", \.identifying, status: .deprecated(use: nil), help: "Removed and ignored."),
    ])
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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Schedule`'s columns and the loader's `options`, `filters` and `confirmProfiles` (§4.6).
    static let fieldTable = FieldTable<ScheduleConfig>([
        .string("sourceId", \.sourceId, .parentLookup, references: .source, help: "The source the schedule imports."),
        .string("name", \.name, length: GrouparooLimits.columnLength, help: "Display name; \"<source name> schedule\" when left out."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .bool("incremental", \.incremental, .notNull, help: "Whether each run imports only what changed."),
        .bool("recurring", \.recurring, .notNull, help: "Whether the schedule runs by itself."),
        .number("recurringFrequency", \.recurringFrequency, help: "Milliseconds between runs; at least 60000."),
        .bool("confirmRecords", \.confirmRecords, .notNull, help: "Whether records missing from the source are checked."),
        .bool("refreshEnabled", \.refreshEnabled, .notNull, help: "Whether the app's refresh query can start it."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", \.options, help: "The source type's schedule options."),
        .list("filters", \.filters, help: "Conditions on the source rows the schedule imports."),
        .bool("confirmProfiles", \.confirmProfiles, status: .deprecated(use: "confirmRecords"),
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
        .string("key", \.key, .required, help: "The source column or field the filter tests."),
        .operation("op", \.op, .required, help: "The comparison, e.g. \"eq\", \"gt\", \"exists\"."),
        .scalar("match", \.match, help: "The value compared against."),
        .number("relativeMatchNumber", \.relativeMatchNumber, help: "How many units back or ahead, for relative ops."),
        .enumeration("relativeMatchUnit", \.relativeMatchUnit, help: "The unit of relativeMatchNumber."),
        .enumeration("relativeMatchDirection", \.relativeMatchDirection, help: "Whether to count back or ahead."),
    ])
}
