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
        key = reader.string("key")
        name = reader.string("name")
        type = reader.enumValue("type")
        sourceId = reader.string("sourceId")
        unique = reader.bool("unique")
        isArray = reader.bool("isArray")
        identifying = reader.bool("identifying")
        options = reader.objectField("options")
        filters = reader.elements("filters", decode: FilterConfig.init(reader:raw:))
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("key", ConfigEncoding.string(key)),
            ("name", ConfigEncoding.string(name)),
            ("type", ConfigEncoding.enumValue(type)),
            ("sourceId", ConfigEncoding.string(sourceId)),
            ("unique", ConfigEncoding.bool(unique)),
            ("isArray", ConfigEncoding.bool(isArray)),
            ("identifying", ConfigEncoding.bool(identifying)),
            ("options", ConfigEncoding.object(options)),
            ("filters", ConfigEncoding.list(filters) { $0.jsValue }),
        ]
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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        sourceId = reader.string("sourceId")
        name = reader.string("name")
        recurring = reader.bool("recurring")
        incremental = reader.bool("incremental")
        recurringFrequency = reader.number("recurringFrequency")
        confirmRecords = reader.bool("confirmRecords")
        confirmProfiles = reader.bool("confirmProfiles")
        refreshEnabled = reader.bool("refreshEnabled")
        options = reader.objectField("options")
        filters = reader.elements("filters", decode: FilterConfig.init(reader:raw:))
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("sourceId", ConfigEncoding.string(sourceId)),
            ("recurring", ConfigEncoding.bool(recurring)),
            ("recurringFrequency", ConfigEncoding.number(recurringFrequency)),
            ("incremental", ConfigEncoding.bool(incremental)),
            ("confirmRecords", ConfigEncoding.bool(confirmRecords)),
            ("confirmProfiles", ConfigEncoding.bool(confirmProfiles)),
            ("refreshEnabled", ConfigEncoding.bool(refreshEnabled)),
            ("options", ConfigEncoding.object(options)),
            ("filters", ConfigEncoding.list(filters) { $0.jsValue }),
        ]
    }
}

/// One element of a property's or schedule's `filters` (R-FLT-02).
public struct FilterConfig: Sendable {
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
        key = reader.string("key")
        op = reader.enumValue("op")
        match = reader.scalar("match")
        relativeMatchNumber = reader.number("relativeMatchNumber")
        relativeMatchUnit = reader.enumValue("relativeMatchUnit")
        relativeMatchDirection = reader.enumValue("relativeMatchDirection")
        self.raw = raw
        object = reader.object
    }

    /// The element as config.
    public var jsValue: LocatedValue {
        ConfigEncoding.element(raw: raw, object: object, fields: [
            ("key", ConfigEncoding.string(key)),
            ("op", ConfigEncoding.enumValue(op)),
            ("match", ConfigEncoding.scalar(match)),
            ("relativeMatchNumber", ConfigEncoding.number(relativeMatchNumber)),
            ("relativeMatchUnit", ConfigEncoding.enumValue(relativeMatchUnit)),
            ("relativeMatchDirection", ConfigEncoding.enumValue(relativeMatchDirection)),
        ])
    }
}
