/// A `model` config object (§4.2).
public struct ModelConfig: TypedConfig {
    public var header: ConfigObjectHeader
    /// Required (R-MOD-03).
    public var name: Field<String>?
    /// Required; one of `ModelType` (R-MOD-04).
    public var type: Field<EnumValue<ModelType>>?

    /// An empty model built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .model, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `GrouparooModel`'s columns (§3, R-MOD-03/04).
    static let fieldTable = FieldTable<ModelConfig>([
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        .string("name", { $0.name }, { $0.name = $1 },
                .required, help: "Display name of the model, e.g. \"Profiles\"."),
        .enumeration("type", { $0.type }, { $0.type = $1 }, .required, help: "What the model's records are."),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("state", "Set by Grouparoo."),
    ])
}

/// A `setting` config object (§4.1). Its `id` is only checked for presence and duplicates.
public struct SettingConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var pluginName: Field<String>?
    public var key: Field<String>?
    public var value: Field<ConfigScalar>?

    /// The registered setting this object updates, or `nil` when it is not registered (R-SET-02).
    public var registeredSetting: RegisteredSetting? {
        guard let pluginName = pluginName?.value, let key = key?.value else { return nil }
        return RegisteredSetting.lookup(pluginName: pluginName, key: key)
    }

    /// An empty setting built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .setting, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `Setting`'s columns (§4.1); only `pluginName`, `key` and `value` are read (R-SET-01).
    static let fieldTable = FieldTable<SettingConfig>([
        .string("pluginName", { $0.pluginName }, { $0.pluginName = $1 },
                help: "The plugin that registers the setting, e.g. \"core\"."),
        .string("key", { $0.key }, { $0.key = $1 }, help: "The setting's key within its plugin."),
        .scalar("value", { $0.value }, { $0.value = $1 }, help: "The new value of the setting."),
        .managed("defaultValue", "Set by the plugin that registers the setting."),
        .managed("type", "Set by the plugin that registers the setting.", status: .active),
        .managed("locked", "Set by Grouparoo for objects from config."),
        .managed("title", "Set by the plugin that registers the setting."),
        .managed("description", "Set by the plugin that registers the setting."),
        .managed("variant", "Set by the plugin that registers the setting."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
    ])
}

/// A `record` (or deprecated `profile`) config object (§4.12). Only loaded in `cli:config` mode.
public struct RecordConfig: TypedConfig {
    public var header: ConfigObjectHeader
    public var modelId: Field<String>?
    /// Property id → value(s), in object order.
    public var properties: Field<[RecordPropertyValue]>?

    /// True when written with the deprecated `profile` class (R-CLASS-02).
    public var usesDeprecatedProfileClass: Bool { header.configClass == .profile }

    /// An empty record built in code.
    public init(id: String) { header = ConfigObjectHeader(configClass: .record, id: id) }

    init(header: consuming ConfigObjectHeader, reader: FieldReader) {
        self.header = consume header
        Self.fieldTable.decode(into: &self, from: reader)
    }

    public var encodedFields: [(key: String, value: LocatedValue?)] { Self.fieldTable.encoded(self) }

    /// `GrouparooRecord`'s columns and the loader's `properties` (§4.12).
    static let fieldTable = FieldTable<RecordConfig>([
        .managed("state", "Set by Grouparoo."),
        .managed("invalid", "Set by Grouparoo."),
        .string("modelId", { $0.modelId }, { $0.modelId = $1 },
                .parentColumn, references: .model, help: "The model the record belongs to."),
        .managed("createdAt", "Set by Grouparoo."),
        .managed("updatedAt", "Set by Grouparoo."),
        FieldBinding(field: ConfigField("properties", .valueMap, references: .property,
                                        help: "Property id → value (or list of values)."),
                     decode: { record, reader, index in record.properties = RecordPropertyValue.decodeAll(reader, at: index) },
                     encode: { record in RecordPropertyValue.encodeAll(record.properties) }),
    ])
}

extension RecordPropertyValue {
    static func decodeAll(_ reader: FieldReader, at index: Int) -> Field<[RecordPropertyValue]>? {
        guard let container = reader.objectField(at: index) else { return nil }
        let object = container.value
        let entries = object.properties.indices.map { index in
            RecordPropertyValue(object: object, index: index, label: "\(reader.path.prefix)properties.\(object.properties[index].key)",
                                context: reader.context)
        }
        return container.withValue(entries)
    }

    static func encodeAll(_ properties: Field<[RecordPropertyValue]>?) -> LocatedValue? {
        properties.map { field in
            var result = JSObject()
            for entry in field.value { result.set(entry.propertyId, entry.jsValue, keySpan: entry.keySpan) }
            return LocatedValue(.object(result), span: field.span)
        }
    }
}

/// One entry of a record's `properties`: a property id (which must be a config property id, R-REC-06)
/// and its values. A scalar is treated as a one-element list, as Grouparoo does (R-REC-05).
public struct RecordPropertyValue: Sendable {
    public var propertyId: String
    public var keySpan: SourceSpan
    /// The non-null values; empty when the entry is `null`/`undefined` (Grouparoo drops it, R-REC-04).
    public var values: [Field<ConfigScalar>]
    /// The value as written.
    public var raw: LocatedValue

    /// True when the value is `null` or `undefined`, so Grouparoo ignores the entry.
    public var isDropped: Bool {
        switch raw.value {
        case .null, .undefined: return true
        default: return false
        }
    }

    /// Whether every written value decoded, so `values` can stand in for `raw` when encoding.
    private var decodedCompletely: Bool
    private var writtenAsScalar: Bool

    /// Built in code.
    public init(propertyId: String, values: [ConfigScalar]) {
        self.propertyId = propertyId
        self.keySpan = .synthesized
        self.values = values.map { Field($0) }
        self.raw = LocatedValue(.array(values.map { LocatedValue($0.jsValue, span: .synthesized) }),
                                span: .synthesized)
        self.decodedCompletely = true
        self.writtenAsScalar = false
    }

    /// `label` is spelled out only for a message.
    init(object: JSObject, index: Int, label: @autoclosure () -> String, context: DecodeContext) {
        let property = object.properties[index]
        propertyId = property.key
        keySpan = property.keySpan
        raw = property.value
        switch property.value.value {
        case .array(let elements):
            values = elements.enumerated().compactMap { index, element in
                context.scalar(element, label: "\(label())[\(index)]", origin: .spans(WrittenSpans(span: element.span, keySpan: nil)))
            }
            decodedCompletely = values.count == elements.count
            writtenAsScalar = false
        default:
            let origin = FieldOrigin.property(object, index: Int32(index))
            values = context.scalar(property.value, label: label(), origin: origin).map { [$0] } ?? []
            decodedCompletely = values.count == 1
            writtenAsScalar = true
        }
    }

    /// The entry as config: the decoded values in the shape written, or the original value
    /// when some of it did not decode.
    var jsValue: LocatedValue {
        guard decodedCompletely else { return raw }
        if writtenAsScalar, values.count == 1 { return LocatedValue(values[0].value.jsValue, span: values[0].span) }
        return LocatedValue(.array(values.map { LocatedValue($0.value.jsValue, span: $0.span) }), span: raw.span)
    }
}
