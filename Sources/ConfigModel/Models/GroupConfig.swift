/// A `group` config object (§4.7).
public struct GroupConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var name: Field<String>?
    public var modelId: Field<String>?
    /// Deprecated: `manual` is rejected, anything else truthy only logs a warning (R-GRP-06).
    public var type: Field<String>?
    /// Allowed but ignored; Grouparoo always uses `all` (R-GRP-03).
    public var matchType: Field<String>?
    public var rules: Field<[GroupRuleConfig]>?

    /// The name Grouparoo stores: `""` when absent (R-GRP-02).
    public var effectiveName: String { name?.value ?? "" }

    /// An empty group built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .group, id: id) }

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        name = reader.string("name")
        modelId = reader.string("modelId")
        type = reader.string("type")
        matchType = reader.string("matchType")
        rules = reader.elements("rules", decode: GroupRuleConfig.init(reader:raw:))
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("modelId", ConfigEncoding.string(modelId)),
            ("type", ConfigEncoding.string(type)),
            ("matchType", ConfigEncoding.string(matchType)),
            ("rules", ConfigEncoding.list(rules) { $0.jsValue }),
        ]
    }
}

/// One element of a group's `rules` (R-RULE-01).
public struct GroupRuleConfig: Sendable {
    /// A property id, or a top-level rule key such as `grouparooCreatedAt`.
    public var propertyId: Field<String>?
    /// A property key, used when `propertyId` is absent.
    public var key: Field<String>?
    public var op: Field<EnumValue<GroupRuleOp>>?
    public var match: Field<ConfigScalar>?
    /// Numeric strings such as `"8"` are accepted (R-RULE-08).
    public var relativeMatchNumber: Field<Double>?
    public var relativeMatchUnit: Field<EnumValue<RelativeMatchUnit>>?
    public var relativeMatchDirection: Field<EnumValue<RelativeMatchDirection>>?
    /// Accepted and ignored.
    public var type: Field<String>?
    /// The element as written (may be a non-object, which Grouparoo fails on).
    public var raw: LocatedValue
    /// The element's properties; empty when it is not an object.
    public var object: JSObject

    /// The top-level rule `propertyId` names, if it names one (R-TLGR-01).
    public var topLevelRule: TopLevelGroupRule? {
        propertyId.flatMap { TopLevelGroupRule.named($0.value) }
    }

    /// A rule on a property id, built in code.
    public init(propertyId: String, op: GroupRuleOp, match: ConfigScalar? = nil) {
        self.propertyId = Field(propertyId)
        self.op = Field(.known(op))
        self.match = match.map { Field($0) }
        self.raw = LocatedValue(.object(JSObject()), span: .synthesized)
        self.object = JSObject()
    }

    init(reader: FieldReader, raw: LocatedValue) {
        propertyId = reader.string("propertyId")
        key = reader.string("key")
        op = reader.enumValue("op")
        match = reader.scalar("match")
        relativeMatchNumber = reader.number("relativeMatchNumber")
        relativeMatchUnit = reader.enumValue("relativeMatchUnit")
        relativeMatchDirection = reader.enumValue("relativeMatchDirection")
        type = reader.string("type")
        self.raw = raw
        object = reader.object
    }

    /// The element as config.
    public var jsValue: LocatedValue {
        ConfigEncoding.element(raw: raw, object: object, fields: [
            ("propertyId", ConfigEncoding.string(propertyId)),
            ("key", ConfigEncoding.string(key)),
            ("op", ConfigEncoding.enumValue(op)),
            ("match", ConfigEncoding.scalar(match)),
            ("relativeMatchNumber", ConfigEncoding.number(relativeMatchNumber)),
            ("relativeMatchUnit", ConfigEncoding.enumValue(relativeMatchUnit)),
            ("relativeMatchDirection", ConfigEncoding.enumValue(relativeMatchDirection)),
            ("type", ConfigEncoding.string(type)),
        ])
    }
}
