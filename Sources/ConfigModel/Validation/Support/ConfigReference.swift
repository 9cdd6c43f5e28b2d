/// One reference from a config object to another, as Grouparoo's dependency sort derives it (R-DEP-02).
public struct ConfigReference: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A top-level key ending in `Id` (R-DEP-03).
        case idKey
        /// `propertyId` inside `options`, `source` or `destination` (R-DEP-04).
        case nestedPropertyID
        /// A key ending in `Id` inside a group rule (R-DEP-06).
        case groupRule
        /// A `mapping` value (R-DEP-08).
        case mapping
        /// A `destinationGroupMemberships` value (R-DEP-08).
        case groupMembership
        /// A key of a record's `properties` (R-DEP-07).
        case recordProperty
        /// A `{{{key}}}` in a property option, resolved from property key to id (R-DEP-05).
        case template
    }

    public let kind: Kind
    /// Where the reference is written, e.g. `appId`, `rules[0].propertyId`, `mapping.email`.
    public let path: String
    /// The class prefix Grouparoo builds, case kept (`teamMemberId` → `teamMember`, which never resolves).
    public let targetClass: String
    /// The referenced id as Grouparoo interpolates it (`undefined`/`null` for missing values).
    public let targetID: String
    public let span: SourceSpan
    /// True when the written value is `null` or `undefined`.
    public let isNullish: Bool
    /// Position of the entry providing `nodeID` (the first object with that node id); nil when none does.
    /// `ValidationInput` resolves it once, so rules compare positions instead of building and hashing node ids.
    public internal(set) var provider: Int?

    /// The dependency node this reference needs, e.g. `app:data_warehouse`.
    public var nodeID: String { "\(targetClass):\(targetID)" }
}

/// A `{{{key}}}` variable in a property option, before it is resolved to a property id (R-DEP-05).
public struct TemplateVariable: Sendable {
    /// The option holding the template, e.g. `query`.
    public let optionKey: String
    /// The property key the variable names.
    public let name: String
    public let span: SourceSpan
}

/// A property option that `Mustache.parse` rejects.
public struct TemplateSyntaxProblem: Sendable {
    public let optionKey: String
    public let message: String
    public let span: SourceSpan
}

/// Builds the references of one entry in Grouparoo's order (R-DEP-02 steps 2–7; step 1, templates, is
/// collected separately because it needs the property-key index).
enum ReferenceCollector {
    static let topLevelRuleKeys: Set<String> = Set(TopLevelGroupRule.all.map(\.key))

    static func references(of entry: ConfigEntry, bootstrappedPropertyID: String?) -> [ConfigReference] {
        var found: [ConfigReference] = []
        let object = entry.properties
        // By index: only the properties that are references are copied.
        for index in object.properties.indices where isIDKey(object.properties[index].key) {
            let property = object.properties[index]
            found.append(make(.idKey, property.key, prefix(of: property.key), property.value))
        }
        for container in ["options", "source", "destination"] {
            if case .object(let nested)? = object[container]?.value, let target = nested.property("propertyId") {
                found.append(make(.nestedPropertyID, "\(container).propertyId", "property", target.value))
            }
        }
        if let rules = object["rules"] {
            for (label, rule) in elements(of: rules.value, path: "rules") {
                guard case .object(let ruleObject) = rule.value else { continue }
                for property in ruleObject.properties where isIDKey(property.key) {
                    if case .string(let text) = property.value.value, topLevelRuleKeys.contains(text) { continue }
                    found.append(make(.groupRule, "\(label).\(property.key)", "property", property.value))
                }
            }
        }
        if case .object(let mapping)? = object["mapping"]?.value {
            for property in mapping.properties {
                if case .string(let text) = property.value.value, text == bootstrappedPropertyID { continue }
                found.append(make(.mapping, "mapping.\(property.key)", "property", property.value))
            }
        }
        if case .object(let memberships)? = object["destinationGroupMemberships"]?.value {
            for property in memberships.properties {
                found.append(make(.groupMembership, "destinationGroupMemberships.\(property.key)", "group", property.value))
            }
        }
        if case .object(let recordProperties)? = object["properties"]?.value {
            for property in recordProperties.properties {
                found.append(ConfigReference(kind: .recordProperty, path: "properties.\(property.key)",
                                             targetClass: "property", targetID: property.key, span: property.keySpan,
                                             isNullish: false))
            }
        }
        return found
    }

    /// Template variables in a property's string options (R-DEP-05), and options that fail to parse.
    static func templates(of entry: ConfigEntry) -> (variables: [TemplateVariable], problems: [TemplateSyntaxProblem]) {
        guard entry.cleanClass == "property", case .object(let options)? = entry.properties["options"]?.value else {
            return ([], [])
        }
        var variables: [TemplateVariable] = []
        var problems: [TemplateSyntaxProblem] = []
        for option in options.properties {
            guard case .string(let text) = option.value.value, MustacheScanner.isTemplate(text) else { continue }
            switch MustacheScanner.scan(text) {
            case .variables(let names):
                variables += names.map { TemplateVariable(optionKey: option.key, name: $0, span: option.value.span) }
            case .syntaxError(let message):
                problems.append(TemplateSyntaxProblem(optionKey: option.key, message: message, span: option.value.span))
            }
        }
        return (variables, problems)
    }

    /// `/.+Id$/`: at least one character before `Id`. Bytes first: this runs for every key of every object,
    /// and counting characters costs more than the rest of the collector.
    static func isIDKey(_ key: String) -> Bool {
        // An ASCII byte before `Id` is a character of its own; anything else is left to the character rules.
        let endsInID = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool? in
            let count = bytes.count
            guard count > 2, bytes[count - 1] == UInt8(ascii: "d"), bytes[count - 2] == UInt8(ascii: "I") else { return false }
            return bytes[count - 3] < 0x80 ? true : nil
        }
        switch key.utf8.withContiguousStorageIfAvailable(endsInID) {
        case let answer??: return answer
        default: return key.count > 2 && key.hasSuffix("Id")
        }
    }

    /// `key.replace(/Id$/, "")` (only asked of keys `isIDKey` accepts, which end in the two bytes of `Id`).
    static func prefix(of key: String) -> String { String(decoding: key.utf8.dropLast(2), as: UTF8.self) }

    /// The elements `for…of`/`for…in` visit: array elements, or an object's values.
    static func elements(of value: JSValue, path: String) -> [(String, LocatedValue)] {
        switch value {
        case .array(let items): return items.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
        case .object(let object): return object.properties.map { ("\(path).\($0.key)", $0.value) }
        default: return []
        }
    }

    private static func make(_ kind: ConfigReference.Kind, _ path: String, _ targetClass: String,
                             _ value: LocatedValue) -> ConfigReference {
        ConfigReference(kind: kind, path: path, targetClass: targetClass, targetID: JavaScriptValues.string(value.value),
                        span: value.span, isNullish: JavaScriptValues.isNullish(value.value))
    }
}
