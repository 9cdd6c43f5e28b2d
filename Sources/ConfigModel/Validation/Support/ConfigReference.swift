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

    // Stored with the small fields last, 72 bytes instead of 96: every object's references are kept for the run.
    /// Where the reference is written, e.g. `appId`, `rules[0].propertyId`, `mapping.email`.
    public let path: String
    /// The class prefix Grouparoo builds, case kept (`teamMemberId` → `teamMember`, which never resolves).
    public let targetClass: String
    /// The referenced id as Grouparoo interpolates it (`undefined`/`null` for missing values).
    public let targetID: String
    public let span: SourceSpan
    /// Position of the entry providing `nodeID` (the first object with that node id); nil when none does.
    /// `ValidationInput` resolves it once, so rules compare positions instead of building and hashing node ids.
    public internal(set) var provider: Int? {
        get { storedProvider < 0 ? nil : Int(storedProvider) }
        set { storedProvider = newValue.map { Int32($0) } ?? -1 }
    }
    /// `provider`, or -1 for none: 4 bytes, not an optional's 9.
    private var storedProvider: Int32 = -1
    public let kind: Kind
    /// True when the written value is `null` or `undefined`.
    public let isNullish: Bool

    init(kind: Kind, path: String, targetClass: String, targetID: String, span: SourceSpan, isNullish: Bool) {
        self.kind = kind
        self.path = path
        self.targetClass = targetClass
        self.targetID = targetID
        self.span = span
        self.isNullish = isNullish
    }

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
        let properties = entry.properties.properties
        // One walk over the keys: `Id` keys are taken in order, the containers are noted and read after
        // (looking each container up by name walks the keys again, seven times per object).
        var containers = InlineArray<7, Int?>(repeating: nil)  // one slot per `ContainerKey`, on the stack
        for index in properties.indices {
            let key = properties[index].key
            if isIDKey(key) {
                found.append(make(.idKey, key, prefix(of: key), properties[index].value))
            } else if let container = ContainerKey(key) {
                containers[container.rawValue] = index
            }
        }
        func value(_ key: ContainerKey) -> JSValue? { containers[key.rawValue].map { properties[$0].value.value } }
        for container in [ContainerKey.options, .source, .destination] {
            if case .object(let nested)? = value(container), let target = nested.property("propertyId") {
                found.append(make(.nestedPropertyID, "\(container.key).propertyId", "property", target.value))
            }
        }
        if let rules = value(.rules) {
            for (label, rule) in elements(of: rules, path: "rules") {
                guard case .object(let ruleObject) = rule.value else { continue }
                for property in ruleObject.properties where isIDKey(property.key) {
                    if case .string(let text) = property.value.value, topLevelRuleKeys.contains(text) { continue }
                    found.append(make(.groupRule, "\(label).\(property.key)", "property", property.value))
                }
            }
        }
        if case .object(let mapping)? = value(.mapping) {
            for property in mapping.properties {
                if case .string(let text) = property.value.value, text == bootstrappedPropertyID { continue }
                found.append(make(.mapping, "mapping.\(property.key)", "property", property.value))
            }
        }
        if case .object(let memberships)? = value(.destinationGroupMemberships) {
            for property in memberships.properties {
                found.append(make(.groupMembership, "destinationGroupMemberships.\(property.key)", "group", property.value))
            }
        }
        if case .object(let recordProperties)? = value(.properties) {
            for property in recordProperties.properties {
                found.append(ConfigReference(kind: .recordProperty, path: "properties.\(property.key)",
                                             targetClass: "property", targetID: property.key, span: property.keySpan,
                                             isNullish: false))
            }
        }
        return found
    }

    /// The top-level keys whose values hold references (none of them ends in `Id`).
    enum ContainerKey: Int {
        case options, source, destination, rules, mapping, destinationGroupMemberships, properties

        var key: String {
            switch self {
            case .options: return "options"
            case .source: return "source"
            case .destination: return "destination"
            case .rules: return "rules"
            case .mapping: return "mapping"
            case .destinationGroupMemberships: return "destinationGroupMemberships"
            case .properties: return "properties"
            }
        }

        /// Compares only with the container of the key's length: most keys have none.
        init?(_ key: String) {
            let candidate: ContainerKey
            switch key.utf8.count {
            case 5: candidate = .rules
            case 6: candidate = .source
            case 7: candidate = key.utf8.first == UInt8(ascii: "o") ? .options : .mapping
            case 10: candidate = .properties
            case 11: candidate = .destination
            case 27: candidate = .destinationGroupMemberships
            default: return nil
            }
            guard key == candidate.key else { return nil }
            self = candidate
        }
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
