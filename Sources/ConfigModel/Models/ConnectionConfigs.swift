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

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `App`'s columns and the loader's `options` and `refresh` (§4.3).
    static let fieldTable = FieldTable<AppConfig>([
        .string("name", { $0.name }, { $0.name = $1 },
                length: GrouparooLimits.columnLength, help: "Display name of the app."),
        .string("type", { $0.type }, { $0.type = $1 }, .required, help: "The plugin app type, e.g. \"postgres\"."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("state", "Set by Grouparoo."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", { $0.options }, { $0.options = $1 }, help: "The app type's connection options."),
        .nested("refresh", { $0.refresh }, { $0.refresh = $1 },
                help: "A query whose changing result makes Grouparoo run the schedules again."),
    ])
}

/// An app's `refresh` object: a query whose result change triggers a re-run (R-APP-09/10).
public struct AppRefresh: NestedConfig {
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
        object = reader.object
        Self.fieldTable.decode(into: &self, from: reader)
    }

    static let fieldTable = FieldTable<AppRefresh>([
        .string("query", { $0.query }, { $0.query = $1 }, .required, help: "The query whose result is watched."),
        .number("recurringFrequency", { $0.recurringFrequency }, { $0.recurringFrequency = $1 },
                help: "Milliseconds between checks; 0 turns it off."),
    ])
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

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Source`'s columns and the loader's `options` and `mapping` (§4.4).
    static let fieldTable = FieldTable<SourceConfig>([
        .string("appId", { $0.appId }, { $0.appId = $1 },
                .parentLookup, references: .app, help: "The app the source reads from."),
        .string("name", { $0.name }, { $0.name = $1 },
                length: GrouparooLimits.columnLength, help: "Display name of the source."),
        .string("type", { $0.type }, { $0.type = $1 },
                .required, help: "The plugin connection type, e.g. \"postgres-import-table\"."),
        .managed("state", "Set by Grouparoo."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .string("modelId", { $0.modelId }, { $0.modelId = $1 },
                .parentColumn, references: .model, help: "The model the source's records belong to."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", { $0.options }, { $0.options = $1 },
                       help: "The connection type's options (table, query, …)."),
        .idMap("mapping", { $0.mapping }, { $0.mapping = $1 },
               references: .property, help: "One remote column → the property id it identifies."),
    ])
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

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Destination`'s columns and the loader's `options`, `mapping` and group memberships (§4.8).
    static let fieldTable = FieldTable<DestinationConfig>([
        .string("appId", { $0.appId }, { $0.appId = $1 },
                .parentLookup, references: .app, help: "The app the destination writes to."),
        .string("name", { $0.name }, { $0.name = $1 },
                length: GrouparooLimits.columnLength, help: "Display name of the destination."),
        .string("type", { $0.type }, { $0.type = $1 },
                .required, help: "The plugin connection type, e.g. \"mailchimp-export-contacts\"."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("state", "Set by Grouparoo."),
        .string("groupId", { $0.groupId }, { $0.groupId = $1 },
                references: .group, help: "The group whose members are exported (with collection \"group\")."),
        .enumeration("syncMode", { $0.syncMode }, { $0.syncMode = $1 },
                     help: "How records are exported: sync, additive or enrich."),
        .enumeration("collection", { $0.collection }, { $0.collection = $1 },
                     help: "Which records are exported; missing means none."),
        .string("modelId", { $0.modelId }, { $0.modelId = $1 },
                .parentColumn, references: .model, help: "The model whose records are exported."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .pluginOptions("options", { $0.options }, { $0.options = $1 }, help: "The connection type's options."),
        .idMap("mapping", { $0.mapping }, { $0.mapping = $1 },
               references: .property, help: "Remote field → property id."),
        .idMap("destinationGroupMemberships", { $0.destinationGroupMemberships }, { $0.destinationGroupMemberships = $1 },
               references: .group,
               help: "Remote list name → group id."),
    ])
}
