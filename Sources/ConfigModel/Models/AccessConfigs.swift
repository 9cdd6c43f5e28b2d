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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        name = reader.string("name")
        apiKey = reader.string("apiKey")
        options = PermissionOptions.decode(reader)
        permissions = reader.elements("permissions", decode: PermissionConfig.init(reader:raw:))
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("apiKey", ConfigEncoding.string(apiKey)),
            ("options", options.map { ConfigEncoding.nested($0.value.object, fields: $0.value.encodedFields,
                                                              span: $0.span) }),
            ("permissions", ConfigEncoding.list(permissions) { $0.jsValue }),
        ]
    }
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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        name = reader.string("name")
        options = PermissionOptions.decode(reader)
        permissions = reader.elements("permissions", decode: PermissionConfig.init(reader:raw:))
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("options", options.map { ConfigEncoding.nested($0.value.object, fields: $0.value.encodedFields,
                                                              span: $0.span) }),
            ("permissions", ConfigEncoding.list(permissions) { $0.jsValue }),
        ]
    }
}

/// The `options` of an api key or team. `Field(nil)` is an explicit `null`, which is what lets
/// per-topic `permissions` take effect (R-PERM-03).
public struct PermissionOptions: Sendable {
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
        permissionAllRead = reader.nullableBool("permissionAllRead")
        permissionAllWrite = reader.nullableBool("permissionAllWrite")
        object = reader.object
    }

    static func decode(_ reader: FieldReader) -> Field<PermissionOptions>? {
        guard let found = reader.nested("options") else { return nil }
        return Field(PermissionOptions(reader: found.reader), span: found.field.span, keySpan: found.field.keySpan)
    }

    var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("permissionAllRead", ConfigEncoding.nullableBool(permissionAllRead)),
            ("permissionAllWrite", ConfigEncoding.nullableBool(permissionAllWrite)),
        ]
    }
}

/// One element of `permissions`: `{topic, read, write}` (R-PERM-03).
public struct PermissionConfig: Sendable {
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
        topic = reader.enumValue("topic")
        read = reader.bool("read")
        write = reader.bool("write")
        self.raw = raw
        object = reader.object
    }

    /// The element as config.
    public var jsValue: LocatedValue {
        ConfigEncoding.element(raw: raw, object: object, fields: [
            ("topic", ConfigEncoding.enumValue(topic)),
            ("read", ConfigEncoding.bool(read)),
            ("write", ConfigEncoding.bool(write)),
        ])
    }
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

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        teamId = reader.string("teamId")
        email = reader.string("email")
        if let found = reader.nested("options") {
            options = Field(TeamMemberOptions(reader: found.reader), span: found.field.span,
                            keySpan: found.field.keySpan)
        }
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("email", ConfigEncoding.string(email)),
            ("teamId", ConfigEncoding.string(teamId)),
            ("options", options.map { ConfigEncoding.nested($0.value.object, fields: $0.value.encodedFields,
                                                              span: $0.span) }),
        ]
    }
}

/// A team member's `options`.
public struct TeamMemberOptions: Sendable {
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
        firstName = reader.string("firstName")
        lastName = reader.string("lastName")
        password = reader.string("password")
        object = reader.object
    }

    var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("firstName", ConfigEncoding.string(firstName)),
            ("lastName", ConfigEncoding.string(lastName)),
            ("password", ConfigEncoding.string(password)),
        ]
    }
}
