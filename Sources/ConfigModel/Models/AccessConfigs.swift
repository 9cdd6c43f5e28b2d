/// An `apiKey` config object (§4.9).
public struct ApiKeyConfig: TypedConfig {
    public var header: ConfigObjectHeader
    /// Required, 3..191 characters (R-KEY-02).
    public var name: Field<String>?
    /// Optional; generated when absent (R-KEY-03).
    public var apiKey: Field<String>?
    public var options: Field<PermissionOptions>?
    public var permissions: Field<[PermissionConfig]>?

    /// An empty api key built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .apiKey, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `ApiKey`'s columns and the loader's `options` and `permissions` (§4.9).
    static let fieldTable = FieldTable<ApiKeyConfig>([
        .string("name", { $0.name }, { $0.name = $1 },
                .required, length: GrouparooLimits.accessNameLength, help: "Name of the api key."),
        .string("apiKey", { $0.apiKey }, { $0.apiKey = $1 }, help: "The key itself; generated when left out."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("permissionAllRead", "Read from `options.permissionAllRead`; ignored here.",
                 status: .ignored(use: "options.permissionAllRead", managed: false)),
        .managed("permissionAllWrite", "Read from `options.permissionAllWrite`; ignored here.",
                 status: .ignored(use: "options.permissionAllWrite", managed: false)),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .nested("options", { $0.options }, { $0.options = $1 },
                help: "Read and write access to every topic; null to use `permissions`."),
        .list("permissions", { $0.permissions }, { $0.permissions = $1 },
              help: "Access per topic; used when the options are null."),
    ])
}

/// A `team` config object (§4.10).
public struct TeamConfig: TypedConfig {
    public var header: ConfigObjectHeader
    /// Required, 3..191 characters (R-TEAM-02).
    public var name: Field<String>?
    public var options: Field<PermissionOptions>?
    public var permissions: Field<[PermissionConfig]>?

    /// An empty team built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .team, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Team`'s columns and the loader's `options` and `permissions` (§4.10).
    static let fieldTable = FieldTable<TeamConfig>([
        .string("name", { $0.name }, { $0.name = $1 },
                .required, length: GrouparooLimits.accessNameLength, help: "Name of the team."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("permissionAllRead", "Read from `options.permissionAllRead`; ignored here.",
                 status: .ignored(use: "options.permissionAllRead", managed: false)),
        .managed("permissionAllWrite", "Read from `options.permissionAllWrite`; ignored here.",
                 status: .ignored(use: "options.permissionAllWrite", managed: false)),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .nested("options", { $0.options }, { $0.options = $1 },
                help: "Read and write access to every topic; null to use `permissions`."),
        .list("permissions", { $0.permissions }, { $0.permissions = $1 },
              help: "Access per topic; used when the options are null."),
    ])
}

/// The `options` of an api key or team. `Field(nil)` is an explicit `null`, which is what lets
/// per-topic `permissions` take effect (R-PERM-03).
public struct PermissionOptions: NestedConfig {
    public var permissionAllRead: Field<Bool?>?
    public var permissionAllWrite: Field<Bool?>?
    /// The object as written.
    public var object: JSObject

    /// Built in code (`nil` values are written as `null` for permission options, omitted otherwise).
    public init(permissionAllRead: Bool?, permissionAllWrite: Bool?) {
        self.permissionAllRead = Field(permissionAllRead)
        self.permissionAllWrite = Field(permissionAllWrite)
        self.object = JSObject()
    }

    init(reader: FieldReader) {
        object = reader.object
        Self.fieldTable.decode(into: &self, from: reader)
    }

    static let fieldTable = FieldTable<PermissionOptions>([
        .nullableBool("permissionAllRead", { $0.permissionAllRead }, { $0.permissionAllRead = $1 },
                      help: "Read access to every topic; null to use `permissions`."),
        .nullableBool("permissionAllWrite", { $0.permissionAllWrite }, { $0.permissionAllWrite = $1 },
                      help: "Write access to every topic; null to use `permissions`."),
    ])
}

/// One element of `permissions`: `{topic, read, write}` (R-PERM-03).
public struct PermissionConfig: NestedElement {
    /// Case-sensitive; an unknown topic is an error in Grouparoo.
    public var topic: Field<EnumValue<PermissionTopic>>?
    public var read: Field<Bool>?
    public var write: Field<Bool>?
    /// The element as written (may be a non-object).
    public var raw: LocatedValue
    /// The element's properties; empty when it is not an object.
    public var object: JSObject

    /// Built in code.
    public init(topic: PermissionTopic, read: Bool, write: Bool) {
        self.topic = Field(.known(topic))
        self.read = Field(read)
        self.write = Field(write)
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

    static let fieldTable = FieldTable<PermissionConfig>([
        .enumeration("topic", { $0.topic }, { $0.topic = $1 }, help: "What the permission is about."),
        .bool("read", { $0.read }, { $0.read = $1 }, help: "Whether the topic can be read."),
        .bool("write", { $0.write }, { $0.write = $1 }, help: "Whether the topic can be changed."),
    ])
}

/// A `teamMember` config object (§4.11).
public struct TeamMemberConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var teamId: Field<String>?
    /// Lower-cased by Grouparoo before the `isEmail` check (R-TM-03).
    public var email: Field<String>?
    /// The only place first name, last name and password are read from (R-TM-02).
    public var options: Field<TeamMemberOptions>?

    /// An empty team member built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .teamMember, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `TeamMember`'s columns and the loader's `options` (§4.11).
    static let fieldTable = FieldTable<TeamMemberConfig>([
        .string("teamId", { $0.teamId }, { $0.teamId = $1 },
                .parentLookup, references: .team, help: "The team the member belongs to."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("firstName", "Read from `options.firstName`; ignored here.",
                 status: .ignored(use: "options.firstName", managed: false)),
        .managed("lastName", "Read from `options.lastName`; ignored here.",
                 status: .ignored(use: "options.lastName", managed: false)),
        .string("email", { $0.email }, { $0.email = $1 },
                .required, help: "The member's email address, used to sign in."),
        .managed("passwordHash", "Set by Grouparoo from `options.password`.",
                 status: .ignored(use: "options.password", managed: true)),
        .managed("lastLoginAt", "Set by Grouparoo."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .nested("options", { $0.options }, { $0.options = $1 }, help: "The member's name and password."),
    ])
}

/// A team member's `options`.
public struct TeamMemberOptions: NestedConfig {
    public var firstName: Field<String>?
    public var lastName: Field<String>?
    /// Hashed by Grouparoo; no strength rules (R-TM-04).
    public var password: Field<String>?
    /// The object as written.
    public var object: JSObject

    /// Built in code.
    public init(firstName: String?, lastName: String?, password: String? = nil) {
        self.firstName = firstName.map { Field($0) }
        self.lastName = lastName.map { Field($0) }
        self.password = password.map { Field($0) }
        self.object = JSObject()
    }

    init(reader: FieldReader) {
        object = reader.object
        Self.fieldTable.decode(into: &self, from: reader)
    }

    static let fieldTable = FieldTable<TeamMemberOptions>([
        .string("firstName", { $0.firstName }, { $0.firstName = $1 }, .required, help: "The member's first name."),
        .string("lastName", { $0.lastName }, { $0.lastName = $1 }, .required, help: "The member's last name."),
        .string("password", { $0.password }, { $0.password = $1 },
                help: "The member's password; Grouparoo stores only its hash."),
    ])
}
