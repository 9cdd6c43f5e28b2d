/// JSON Schemas (draft-07) for config `.json` files, made from the field tables and the plugin
/// catalog: one for any config file and one per class. Each accepts one object or an array of them.
public enum ConfigJSONSchema {
    static let draft = "http://json-schema.org/draft-07/schema#"

    /// Any config file: each object is checked against the class its `class` selects.
    public static func file(catalog: PluginCatalog = .bundled) -> JSValue {
        let classes = ConfigClass.allCases
        let dispatch = classes.map { configClass -> JSValue in
            object([
                ("if", object([("properties", object([("class", object([("pattern", .string(classPattern(configClass)))]))])),
                               ("required", strings(["class"]))])),
                ("then", reference(configClass)),
            ])
        }
        let anyObject = object([
            ("type", .string("object")),
            ("required", strings(["class"])),
            ("properties", object([("class", classProperty(classes))])),
            ("allOf", .array(dispatch.map(located))),
        ])
        let definitions = [("configObject", anyObject)]
            + classes.map { (definitionName($0), ClassSchema(configClass: $0, catalog: catalog).definition) }
        return document(title: "Grouparoo config file",
                        description: "A Grouparoo code-config object, or an array of them.",
                        item: "#/definitions/configObject", definitions: definitions)
    }

    /// Objects of one class only (matched case-insensitively, as Grouparoo's loader does).
    public static func forClass(_ configClass: ConfigClass, catalog: PluginCatalog = .bundled) -> JSValue {
        document(title: "Grouparoo \(configClass.preferredSpelling) config",
                 description: "A Grouparoo \(configClass.preferredSpelling) object, or an array of them.",
                 item: "#/definitions/\(definitionName(configClass))",
                 definitions: [(definitionName(configClass), ClassSchema(configClass: configClass, catalog: catalog).definition)])
    }

    /// The file name `schema --out` writes a class's schema to.
    public static func fileName(for configClass: ConfigClass?) -> String {
        guard let configClass else { return "grouparoo-config.schema.json" }
        return "grouparoo-\(configClass.preferredSpelling).schema.json"
    }

    /// `class` as Grouparoo's dispatcher compares it: lower-cased, not trimmed (R-PIPE-06).
    public static func classPattern(_ configClass: ConfigClass) -> String {
        "^" + configClass.rawValue.map { character -> String in
            let lower = String(character).lowercased(), upper = String(character).uppercased()
            return lower == upper ? String(character) : "[\(upper)\(lower)]"
        }.joined() + "$"
    }

    static func definitionName(_ configClass: ConfigClass) -> String { configClass.preferredSpelling }

    private static func document(title: String, description: String, item: String,
                                 definitions: [(String, JSValue)]) -> JSValue {
        object([
            ("$schema", .string(draft)),
            ("title", .string(title)),
            ("description", .string(description)),
            ("oneOf", .array([
                located(object([("$ref", .string(item))])),
                located(object([("type", .string("array")), ("items", object([("$ref", .string(item))]))])),
            ])),
            ("definitions", object(definitions)),
        ])
    }

    private static func classProperty(_ classes: [ConfigClass]) -> JSValue {
        object([
            ("type", .string("string")),
            ("description", .string(ConfigClass.classField.help)),
            ("examples", strings(classes.filter { !$0.isDeprecated }.map(\.preferredSpelling))),
            ("pattern", .string("^(?:" + classes.map { String(classPattern($0).dropFirst().dropLast()) }
                .joined(separator: "|") + ")$")),
        ])
    }

    private static func reference(_ configClass: ConfigClass) -> JSValue {
        object([("$ref", .string("#/definitions/\(definitionName(configClass))"))])
    }
}

/// Small builders for schema values, which are plain JavaScript values printed as JSON.
extension ConfigJSONSchema {
    static func object(_ members: [(String, JSValue)]) -> JSValue {
        var result = JSObject()
        for (key, value) in members { result.set(key, located(value)) }
        return .object(result)
    }

    static func strings(_ values: [String]) -> JSValue { .array(values.map { located(.string($0)) }) }

    static func located(_ value: JSValue) -> LocatedValue { LocatedValue(value, span: .synthesized) }
}
