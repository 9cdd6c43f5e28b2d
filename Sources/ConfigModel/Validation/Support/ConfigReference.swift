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
    /// Where the reference is written, e.g. `appId`, `rules[0].propertyId`, `mapping.email`: spelled out when
    /// asked (only messages do), from `kind` and `pathEnd`.
    public var path: String {
        switch kind {
        case .idKey, .groupRule, .template: return pathEnd
        case .nestedPropertyID: return "\(pathEnd).propertyId"
        case .mapping: return "mapping.\(pathEnd)"
        case .groupMembership: return "destinationGroupMemberships.\(pathEnd)"
        case .recordProperty: return "properties.\(pathEnd)"
        }
    }
    /// The part of `path` after the container `kind` names (the whole path for `idKey`, `groupRule` and `template`):
    /// a key as read, so a reference costs no string of its own.
    private let pathEnd: String
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

    /// `pathEnd`: see `path`.
    init(kind: Kind, pathEnd: String, targetClass: String, targetID: String, span: SourceSpan, isNullish: Bool) {
        self.kind = kind
        self.pathEnd = pathEnd
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
            if isIDKey(properties[index].key) {
                let key = properties[index].key
                found.append(make(.idKey, key, prefix(of: key), properties[index].value))
            } else if let container = ContainerKey(properties[index].key) {
                containers[container.rawValue] = index
            }
        }
        // Room is made for each container's references at once, exactly: every object's list is kept until all are
        // laid out in one array (`ReferencesByPosition`), so room for every key cost megabytes at the peak.
        func object(_ key: ContainerKey) -> JSObject? {
            guard let index = containers[key.rawValue], case .object(let object) = properties[index].value.value else {
                return nil
            }
            return object
        }
        for container in [ContainerKey.options, .source, .destination] {
            if let nested = object(container), let index = nested.propertyIndex("propertyId") {
                found.append(make(.nestedPropertyID, container.key, "property", nested.properties[index].value))
            }
        }
        if let rulesIndex = containers[ContainerKey.rules.rawValue] {
            forEachElement(of: properties[rulesIndex].value.value, path: "rules") { label, rule in
                guard case .object(let ruleObject) = rule.value else { return }
                for index in ruleObject.properties.indices where isIDKey(ruleObject.properties[index].key) {
                    let value = ruleObject.properties[index].value
                    if case .string(let text) = value.value, topLevelRuleKeys.contains(text) { continue }
                    found.append(make(.groupRule, "\(label()).\(ruleObject.properties[index].key)", "property", value))
                }
            }
        }
        if let mapping = object(.mapping) {
            found.reserveCapacity(found.count + mapping.properties.count)
            for index in mapping.properties.indices {
                let value = mapping.properties[index].value
                if case .string(let text) = value.value, text == bootstrappedPropertyID { continue }
                found.append(make(.mapping, mapping.properties[index].key, "property", value))
            }
        }
        if let memberships = object(.destinationGroupMemberships) {
            found.reserveCapacity(found.count + memberships.properties.count)
            for index in memberships.properties.indices {
                found.append(make(.groupMembership, memberships.properties[index].key, "group",
                                  memberships.properties[index].value))
            }
        }
        if let recordProperties = object(.properties) {
            found.reserveCapacity(found.count + recordProperties.properties.count)
            for index in recordProperties.properties.indices {
                let key = recordProperties.properties[index].key
                found.append(ConfigReference(kind: .recordProperty, pathEnd: key, targetClass: "property", targetID: key,
                                             span: recordProperties.properties[index].keySpan, isNullish: false))
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
        let properties = entry.properties
        guard entry.cleanClass == "property", let index = properties.propertyIndex("options"),
              case .object(let options) = properties.properties[index].value.value else {
            return ([], [])
        }
        var variables: [TemplateVariable] = []
        var problems: [TemplateSyntaxProblem] = []
        // Options are read in place: most are not templates, and copying each out cost a reference-count round trip.
        for index in options.properties.indices {
            guard case .string(let text) = options.properties[index].value.value, MustacheScanner.isTemplate(text) else {
                continue
            }
            let option = options.properties[index]
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

    /// `key.replace(/Id$/, "")` (only asked of keys `isIDKey` accepts, which end in the two bytes of `Id`). From
    /// the bytes in place: the generic `dropLast` of a UTF-8 view cost more than the rest of a reference.
    static func prefix(of key: String) -> String {
        key.utf8.withContiguousStorageIfAvailable { String(decoding: $0.dropLast(2), as: UTF8.self) }
            ?? String(decoding: key.utf8.dropLast(2), as: UTF8.self)
    }

    /// Calls `body` with each element `for…of`/`for…in` visit (array elements, or an object's values) and its
    /// label (`rules[0]`, `rules.first`), spelled out only when asked.
    static func forEachElement(of value: JSValue, path: String, _ body: (_ label: () -> String, LocatedValue) -> Void) {
        switch value {
        case .array(let items):
            for offset in items.indices { body({ "\(path)[\(offset)]" }, items[offset]) }
        case .object(let object):
            for index in object.properties.indices {
                body({ "\(path).\(object.properties[index].key)" }, object.properties[index].value)
            }
        default: break
        }
    }

    private static func make(_ kind: ConfigReference.Kind, _ pathEnd: String, _ targetClass: String,
                             _ value: LocatedValue) -> ConfigReference {
        ConfigReference(kind: kind, pathEnd: pathEnd, targetClass: targetClass, targetID: JavaScriptValues.string(value.value),
                        span: value.span, isNullish: JavaScriptValues.isNullish(value.value))
    }
}
