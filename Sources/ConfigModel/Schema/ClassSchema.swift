/// The schema of one class's objects: its field table as JSON Schema, plus, for apps, sources and
/// destinations, the `type`s the plugin catalog knows and the options each one takes and requires.
struct ClassSchema {
    let configClass: ConfigClass
    let catalog: PluginCatalog

    var definition: JSValue {
        let fields = configClass.fields
        // `grouparoo validate` and `apply` skip records; only `grouparoo config` loads them (R-PIPE-14),
        // so the schema, like `validate` by default, asks nothing of them but their class.
        let checked = configClass.canonical != .record
        let required = checked ? fields.filter(\.requirement.mustBePresent).map(\.key) : ["class"]
        var members: [(String, JSValue)] = [
            ("type", .string("object")),
            ("description", .string(classDescription)),
            ("required", ConfigJSONSchema.strings(required)),
            ("properties", ConfigJSONSchema.object(fields.map { ($0.key, property($0)) })),
        ]
        if checked { members.append(("additionalProperties", .boolean(false))) }
        if !pluginTypes.isEmpty { members.append(("allOf", .array(pluginTypes.map { ConfigJSONSchema.located(optionsRule($0)) }))) }
        return ConfigJSONSchema.object(members)
    }

    private var classDescription: String {
        let name = configClass.preferredSpelling
        if configClass.isDeprecated { return "Deprecated: a \(name) is loaded as a \(configClass.canonical.preferredSpelling)." }
        return "A Grouparoo \(name)."
    }

    /// Plugin types and their options, for the classes whose `type` names one.
    private var pluginTypes: [(type: String, options: [PluginOption])] {
        switch configClass {
        case .app:
            return catalog.appTypeNames.compactMap { name in catalog.apps[name].map { (name, $0.options) } }
        case .source, .destination:
            let direction: ConnectionDirection = configClass == .source ? .importing : .exporting
            return catalog.connectionTypeNames.compactMap { name in
                catalog.connections[name].flatMap { $0.direction == direction ? (name, $0.options) : nil }
            }
        default:
            return []
        }
    }

    private func property(_ field: ConfigField) -> JSValue {
        var members = FieldSchema.members(field)
        if field.key == "type", !pluginTypes.isEmpty {
            members.append(("enum", ConfigJSONSchema.strings(pluginTypes.map(\.type))))
        }
        if field.key == "id" {
            // Rows Grouparoo creates need a well-formed id; settings and records are never created by
            // `validate`/`apply`, but a `:` makes every class's object drop out of the sort (R-ID-02, R-PIPE-07).
            let created = configClass != .setting && configClass.canonical != .record
            members.append(("pattern", .string(created ? "^[A-Za-z0-9_-]+$" : "^[^:]*$")))
        }
        if field.key == "class" {
            members.append(("pattern", .string(ConfigJSONSchema.classPattern(configClass))))
            if configClass.isDeprecated { members.append(("deprecationMessage", .string(classDescription))) }
        }
        return ConfigJSONSchema.object(members)
    }

    /// Option values are compared as JavaScript strings, so `true` matches "true" and `8` matches "8".
    private static func optionValues(_ allowed: [String]) -> [LocatedValue] {
        allowed.flatMap { text -> [JSValue] in
            var values: [JSValue] = [.string(text)]
            if text == "true" || text == "false" { values.append(.boolean(text == "true")) }
            if let number = Double(text), ConfigScalar.number(number).javaScriptString == text { values.append(.number(number)) }
            return values
        }.map(ConfigJSONSchema.located)
    }

    /// `if type is T then options has T's keys`: unknown options fail, required ones must be there.
    private func optionsRule(_ plugin: (type: String, options: [PluginOption])) -> JSValue {
        let keys = plugin.options.map { option -> (String, JSValue) in
            var members: [(String, JSValue)] = [("type", ConfigJSONSchema.strings(["string", "number", "boolean", "null"]))]
            if !option.allowedValues.isEmpty { members = [("enum", .array(Self.optionValues(option.allowedValues)))] }
            if let condition = option.onlyWhenKey {
                members.append(("description", .string("Only when `\(condition)` is "
                                                       + option.onlyWhenValues.joined(separator: " or ") + ".")))
            }
            return (option.key, ConfigJSONSchema.object(members))
        }
        // An option that applies only under a condition is required only then; left optional here.
        let required = plugin.options.filter { $0.isRequired && $0.onlyWhenKey == nil }.map(\.key)
        let options = ConfigJSONSchema.object([("type", .string("object"))]
            + (required.isEmpty ? [] : [("required", ConfigJSONSchema.strings(required))])
            + [("properties", ConfigJSONSchema.object(keys)), ("additionalProperties", .boolean(false))])
        return ConfigJSONSchema.object([
            ("if", ConfigJSONSchema.object([
                ("properties", ConfigJSONSchema.object([("type", ConfigJSONSchema.object([("const", .string(plugin.type))]))])),
                ("required", ConfigJSONSchema.strings(["type"])),
            ])),
            ("then", ConfigJSONSchema.object((required.isEmpty ? [] : [("required", ConfigJSONSchema.strings(["options"]))])
                + [("properties", ConfigJSONSchema.object([("options", options)]))])),
        ])
    }
}

/// One field's schema: JSON type, `null` where Grouparoo treats it as left out, enum values, length,
/// description, and a deprecation message editors show for deprecated and ignored keys.
enum FieldSchema {
    static func members(_ field: ConfigField) -> [(String, JSValue)] {
        let nullable = field.requirement == .optional
        var members = shape(field.type, nullable: nullable)
        if !field.allowedValues.isEmpty {
            members = [("enum", .array((field.allowedValues.map(JSValue.string) + (nullable ? [.null] : []))
                .map(ConfigJSONSchema.located)))]
        }
        if let length = field.length {
            if length.lowerBound > 0 { members.append(("minLength", .number(Double(length.lowerBound)))) }
            members.append(("maxLength", .number(Double(length.upperBound))))
        }
        members.append(("description", .string(description(field))))
        if let message = deprecation(field.status) { members.append(("deprecationMessage", .string(message))) }
        return members
    }

    private static func description(_ field: ConfigField) -> String {
        guard let target = field.references else { return field.help }
        return field.help + " (\(target.preferredSpelling) id)"
    }

    private static func deprecation(_ status: FieldStatus) -> String? {
        switch status {
        case .deprecated(let use?): return "Deprecated: use `\(use)` instead."
        case .deprecated(nil): return "Deprecated and ignored."
        case .ignored(let use?, _): return "Ignored here: use `\(use)` instead."
        case .ignored(nil, _): return "Ignored: Grouparoo decides this itself."
        case .active, .managed, .alias: return nil
        }
    }

    private static func types(_ names: [String], nullable: Bool) -> (String, JSValue) {
        let all = names + (nullable ? ["null"] : [])
        return ("type", all.count == 1 ? .string(all[0]) : ConfigJSONSchema.strings(all))
    }

    private static func shape(_ type: ConfigValueType, nullable: Bool) -> [(String, JSValue)] {
        switch type {
        case .string: return [types(["string"], nullable: nullable)]
        case .boolean: return [types(["boolean"], nullable: nullable)]
        case .nullableBoolean: return [types(["boolean"], nullable: true)]
        // Numeric strings are stored as numbers, so they are accepted too.
        case .number: return [("anyOf", .array([
            ConfigJSONSchema.located(ConfigJSONSchema.object([types(["number"], nullable: nullable)])),
            ConfigJSONSchema.located(ConfigJSONSchema.object([("type", .string("string")),
                                                              ("pattern", .string("^\\s*[-+0-9.eE]+\\s*$"))])),
        ]))]
        case .scalar: return [types(["string", "number", "boolean"], nullable: nullable)]
        case .pluginOptions:
            return [types(["object"], nullable: nullable),
                    ("additionalProperties", ConfigJSONSchema.object([types(["string", "number", "boolean"], nullable: true)]))]
        case .object(let fields):
            return [types(["object"], nullable: nullable)] + nestedMembers(fields)
        case .list(let fields):
            return [types(["array"], nullable: nullable),
                    ("items", ConfigJSONSchema.object([("type", .string("object"))] + nestedMembers(fields)))]
        case .idMap:
            return [types(["object"], nullable: nullable),
                    ("additionalProperties", ConfigJSONSchema.object([types(["string"], nullable: true)]))]
        case .valueMap:
            let scalar = ["string", "number", "boolean"]
            return [types(["object"], nullable: nullable),
                    ("additionalProperties", ConfigJSONSchema.object([("anyOf", .array([
                        ConfigJSONSchema.located(ConfigJSONSchema.object([types(scalar, nullable: true)])),
                        ConfigJSONSchema.located(ConfigJSONSchema.object([
                            ("type", .string("array")), ("items", ConfigJSONSchema.object([types(scalar, nullable: false)])),
                        ])),
                    ]))]))]
        case .any: return []
        }
    }

    private static func nestedMembers(_ fields: [ConfigField]) -> [(String, JSValue)] {
        let required = fields.filter(\.requirement.mustBePresent).map(\.key)
        return (required.isEmpty ? [] : [("required", ConfigJSONSchema.strings(required))])
            + [("properties", ConfigJSONSchema.object(fields.map { ($0.key, ConfigJSONSchema.object(members($0))) }))]
    }
}
