/// An `app` config object (§4.3).
public struct AppConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var name: Field<String>?
    /// The plugin app name, e.g. `postgres`.
    public var type: Field<String>?
    /// Plugin options, as written (values may be any JS value; R-OPT-06 checks them).
    public var options: Field<JSObject>?
    public var refresh: Field<AppRefresh>?

    /// The name Grouparoo stores: `""` when absent (R-APP-03).
    public var effectiveName: String { name?.value ?? "" }

    /// An empty app built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .app, id: id) }

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        name = reader.string("name")
        type = reader.string("type")
        options = reader.objectField("options")
        if let found = reader.nested("refresh") {
            refresh = Field(AppRefresh(reader: found.reader), span: found.field.span, keySpan: found.field.keySpan)
        }
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("type", ConfigEncoding.string(type)),
            ("options", ConfigEncoding.object(options)),
            ("refresh", refresh.map { ConfigEncoding.nested($0.value.object, fields: $0.value.encodedFields,
                                                              span: $0.span) }),
        ]
    }
}

/// An app's `refresh` object: a query whose result change triggers a re-run (R-APP-09/10).
public struct AppRefresh: Sendable {
    public var query: Field<String>?
    /// Milliseconds between checks; 0, `null` or absent disables the schedule.
    public var recurringFrequency: Field<Double>?
    /// The object as written.
    public var object: JSObject

    public init(query: String, recurringFrequency: Double? = nil) {
        self.query = Field(query)
        self.recurringFrequency = recurringFrequency.map { Field($0) }
        self.object = JSObject()
    }

    init(reader: FieldReader) {
        query = reader.string("query")
        recurringFrequency = reader.number("recurringFrequency")
        object = reader.object
    }

    var encodedFields: [(key: String, value: LocatedValue?)] {
        [("query", ConfigEncoding.string(query)), ("recurringFrequency", ConfigEncoding.number(recurringFrequency))]
    }
}

/// A `source` config object (§4.4).
public struct SourceConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var appId: Field<String>?
    public var name: Field<String>?
    /// The plugin connection name, e.g. `postgres-import-table`.
    public var type: Field<String>?
    public var modelId: Field<String>?
    public var options: Field<JSObject>?
    /// Remote column → property id. Grouparoo uses only the first non-null entry (R-SRC-07).
    public var mapping: Field<[KeyedReference]>?

    /// The name Grouparoo stores: `""` when absent (R-SRC-02).
    public var effectiveName: String { name?.value ?? "" }

    /// The mapping entry Grouparoo actually uses: the first one with a non-null value (R-SRC-07).
    public var effectiveMapping: KeyedReference? {
        mapping?.value.first { reference in
            switch reference.raw.value {
            case .null, .undefined: return false
            default: return true
            }
        }
    }

    /// An empty source built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .source, id: id) }

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        appId = reader.string("appId")
        name = reader.string("name")
        type = reader.string("type")
        modelId = reader.string("modelId")
        options = reader.objectField("options")
        mapping = reader.references("mapping")
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("type", ConfigEncoding.string(type)),
            ("appId", ConfigEncoding.string(appId)),
            ("modelId", ConfigEncoding.string(modelId)),
            ("options", ConfigEncoding.object(options)),
            ("mapping", ConfigEncoding.references(mapping)),
        ]
    }
}

/// A `destination` config object (§4.8).
public struct DestinationConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var appId: Field<String>?
    public var name: Field<String>?
    /// The plugin connection name, e.g. `mailchimp-export-contacts`.
    public var type: Field<String>?
    public var modelId: Field<String>?
    public var groupId: Field<String>?
    public var syncMode: Field<EnumValue<SyncMode>>?
    public var collection: Field<EnumValue<DestinationCollection>>?
    public var options: Field<JSObject>?
    /// Remote field → property id; every non-null entry is used (R-DST-07).
    public var mapping: Field<[KeyedReference]>?
    /// Remote list name → group id (R-DST-08).
    public var destinationGroupMemberships: Field<[KeyedReference]>?

    /// The name Grouparoo stores: `""` when absent (R-DST-02).
    public var effectiveName: String { name?.value ?? "" }

    /// The collection Grouparoo tracks: a missing or `null` collection is `none` (R-DST-09).
    public var effectiveCollection: EnumValue<DestinationCollection> {
        collection?.value ?? .known(.untracked)
    }

    /// An empty destination built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .destination, id: id) }

    init(header: ConfigObjectHeader, reader: FieldReader) {
        self.header = header
        appId = reader.string("appId")
        name = reader.string("name")
        type = reader.string("type")
        modelId = reader.string("modelId")
        groupId = reader.string("groupId")
        syncMode = reader.enumValue("syncMode")
        collection = reader.enumValue("collection")
        options = reader.objectField("options")
        mapping = reader.references("mapping")
        destinationGroupMemberships = reader.references("destinationGroupMemberships")
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] {
        [
            ("name", ConfigEncoding.string(name)),
            ("type", ConfigEncoding.string(type)),
            ("appId", ConfigEncoding.string(appId)),
            ("modelId", ConfigEncoding.string(modelId)),
            ("syncMode", ConfigEncoding.enumValue(syncMode)),
            ("collection", ConfigEncoding.enumValue(collection)),
            ("groupId", ConfigEncoding.string(groupId)),
            ("options", ConfigEncoding.object(options)),
            ("mapping", ConfigEncoding.references(mapping)),
            ("destinationGroupMemberships", ConfigEncoding.references(destinationGroupMemberships)),
        ]
    }
}
