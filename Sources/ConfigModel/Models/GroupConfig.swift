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

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Group`'s columns and the loader's `rules` and deprecated `type` (§4.7).
    static let fieldTable = FieldTable<GroupConfig>([
        .string("name", { $0.name }, { $0.name = $1 },
                length: GrouparooLimits.columnLength, help: "Display name of the group."),
        .string("matchType", { $0.matchType }, { $0.matchType = $1 }, status: .ignored(use: nil, managed: false),
                help: "Ignored: Grouparoo always matches all rules."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("calculatedAt", "Set by Grouparoo."),
        .string("modelId", { $0.modelId }, { $0.modelId = $1 },
                .parentColumn, references: .model, help: "The model whose records the group holds."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .list("rules", { $0.rules }, { $0.rules = $1 }, help: "The rules a record must all match to be a member."),
        .string("type", { $0.type }, { $0.type = $1 },
                status: .deprecated(use: nil), help: "Removed: every group from config is calculated."),
    ])
}

/// One element of a group's `rules` (R-RULE-01).
public struct GroupRuleConfig: NestedElement {
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
        self.raw = raw
        object = reader.object
        Self.fieldTable.decode(into: &self, from: reader)
    }

    /// The element as config.
    public var jsValue: LocatedValue { encodedElement }

    static let fieldTable = FieldTable<GroupRuleConfig>([
        .string("propertyId", { $0.propertyId }, { $0.propertyId = $1 }, references: .property,
                help: "The property id to test, or grouparooId / grouparooCreatedAt."),
        .string("key", { $0.key }, { $0.key = $1 }, help: "A property key, used when propertyId is left out."),
        .operation("op", { $0.op }, { $0.op = $1 },
                   help: "The comparison, e.g. \"eq\", \"exists\", \"relative_gt\"."),
        .scalar("match", { $0.match }, { $0.match = $1 }, help: "The value compared against."),
        .number("relativeMatchNumber", { $0.relativeMatchNumber }, { $0.relativeMatchNumber = $1 },
                help: "How many units back or ahead, for relative ops."),
        .enumeration("relativeMatchUnit", { $0.relativeMatchUnit }, { $0.relativeMatchUnit = $1 },
                     help: "The unit of relativeMatchNumber."),
        .enumeration("relativeMatchDirection", { $0.relativeMatchDirection }, { $0.relativeMatchDirection = $1 },
                     help: "Whether to count back or ahead."),
        .string("type", { $0.type }, { $0.type = $1 }, status: .ignored(use: nil, managed: false), help: "Ignored."),
    ])
}
