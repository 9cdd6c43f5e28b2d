import Foundation

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
        let found = ScratchStack<ConfigReference>()
        collect(of: entry, bootstrappedPropertyID: bootstrappedPropertyID, into: found)
        return found.moveOut(from: 0)
    }

    /// `references(of:bootstrappedPropertyID:)` pushed onto `found`, which a worker keeps from object to object: a list
    /// grown by appending was copied to larger room once or twice per object.
    static func collect(of entry: ConfigEntry, bootstrappedPropertyID: String?, into found: ScratchStack<ConfigReference>) {
        // The object is read in place: copied out as `properties`, its storage was retained and released per entry.
        entry.withProperties { collect(in: $0, bootstrappedPropertyID: bootstrappedPropertyID, into: found) }
    }

    private static func collect(in object: JSObject, bootstrappedPropertyID: String?, into found: ScratchStack<ConfigReference>) {
        // Values are read in place, through the buffer: an element read by index was copied out, a reference-count
        // round trip each.
        object.properties.withUnsafeBufferPointer { properties in
            // One walk over the keys: `Id` keys are taken in order, the containers are noted and read after
            // (looking each container up by name walks the keys again, seven times per object).
            var containers = InlineArray<7, Int?>(repeating: nil)  // one slot per `ContainerKey`, on the stack
            for index in properties.indices {
                switch role(of: properties[index].key) {
                case .idKey:
                    let key = properties[index].key
                    found.push(make(.idKey, key, prefix(of: key), properties[index].value))
                case .container(let container): containers[container.rawValue] = index
                case .other: break
                }
            }
            collectContained(containers, of: properties, bootstrappedPropertyID: bootstrappedPropertyID, into: found)
        }
    }

    /// The references inside the containers the walk found (`containers[key.rawValue]`: the property holding `key`).
    /// Apart from the walk: read by a nested function there, the slots were checked for exclusive access at run time.
    private static func collectContained(_ containers: InlineArray<7, Int?>, of properties: UnsafeBufferPointer<JSProperty>,
                                         bootstrappedPropertyID: String?, into found: ScratchStack<ConfigReference>) {
        /// Calls `body` with the container's object, read in place (returned, each was retained and released).
        func withContainer(_ key: ContainerKey, _ body: (JSObject) -> Void) {
            guard let index = containers[key.rawValue], case .object(let nested) = properties[index].value.value else { return }
            body(nested)
        }
        for key in [ContainerKey.options, .source, .destination] {
            withContainer(key) { nested in
                if let index = nested.propertyIndex("propertyId") {
                    found.push(make(.nestedPropertyID, key.key, "property", nested.properties[index].value))
                }
            }
        }
        if let rulesIndex = containers[ContainerKey.rules.rawValue] {
            forEachElement(of: properties[rulesIndex].value.value, path: "rules") { label, rule in
                guard case .object(let ruleObject) = rule.value else { return }
                for index in ruleObject.properties.indices where isIDKey(ruleObject.properties[index].key) {
                    if let text = ruleObject.string(at: index), topLevelRuleKeys.contains(text) { continue }
                    found.push(make(.groupRule, "\(label()).\(ruleObject.properties[index].key)", "property",
                                    ruleObject.properties[index].value))
                }
            }
        }
        withContainer(.mapping) { mapping in
            mapping.properties.withUnsafeBufferPointer { mapping in
                for index in mapping.indices {
                    if case .string(let text) = mapping[index].value.value, text == bootstrappedPropertyID { continue }
                    found.push(make(.mapping, mapping[index].key, "property", mapping[index].value))
                }
            }
        }
        withContainer(.destinationGroupMemberships) { memberships in
            memberships.properties.withUnsafeBufferPointer { memberships in
                for index in memberships.indices {
                    found.push(make(.groupMembership, memberships[index].key, "group", memberships[index].value))
                }
            }
        }
        withContainer(.properties) { recordProperties in
            for index in recordProperties.properties.indices {
                let key = recordProperties.properties[index].key
                found.push(ConfigReference(kind: .recordProperty, pathEnd: key, targetClass: "property", targetID: key,
                                           span: recordProperties.properties[index].keySpan, isNullish: false))
            }
        }
    }

    /// What a top-level key is to the collector.
    enum KeyRole: Equatable {
        case idKey
        case container(ContainerKey)
        case other
    }

    /// Told from the key's bytes, once per key: this runs for every key of every object, and comparing it as a
    /// `String` with each container's name, or counting its characters, cost more than the rest of the collector.
    /// Declared to only read memory, which it does: a key read from an object's storage is then passed as it is, where
    /// it was retained and released around the call (the optimizer could not tell `memcmp` leaves the storage alone).
    @_effects(readonly)
    static func role(of key: String) -> KeyRole {
        // Read in place (a string bridged from another type, never on Linux, from a copy of its bytes).
        let byBytes = key.utf8.withContiguousStorageIfAvailable { role(ofBytes: $0) }
            ?? Array(key.utf8).withUnsafeBufferPointer { role(ofBytes: $0) }
        // nil: a key ending in `Id` after a non-ASCII byte, which is no container; the character rules decide.
        return byBytes ?? (key.count > 2 && key.hasSuffix("Id") ? .idKey : .other)
    }

    /// `/.+Id$/` for a key whose byte before `Id` is ASCII (a character of its own; nil for any other), else the
    /// container the bytes spell, if any.
    private static func role(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> KeyRole? {
        let count = bytes.count
        if count > 2, bytes[count - 1] == UInt8(ascii: "d"), bytes[count - 2] == UInt8(ascii: "I") {
            return bytes[count - 3] < 0x80 ? .idKey : nil
        }
        return ContainerKey(bytes).map { .container($0) } ?? .other
    }

    /// The top-level keys whose values hold references (none of them ends in `Id`).
    enum ContainerKey: Int {
        case options, source, destination, rules, mapping, destinationGroupMemberships, properties

        private var spelling: StaticString {
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

        var key: String { spelling.description }

        /// Compares only with the container of the key's length: most keys have none. A container's name is ASCII,
        /// so only the same bytes spell it.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let candidate: ContainerKey
            switch bytes.count {
            case 5: candidate = .rules
            case 6: candidate = .source
            case 7: candidate = bytes[0] == UInt8(ascii: "o") ? .options : .mapping
            case 10: candidate = .properties
            case 11: candidate = .destination
            case 27: candidate = .destinationGroupMemberships
            default: return nil
            }
            // `memcmp`: the generic `elementsEqual` cost some hundred instructions for a few bytes.
            guard memcmp(candidate.spelling.utf8Start, bytes.baseAddress!, bytes.count) == 0 else { return nil }
            self = candidate
        }
    }

    /// Template variables in a property's string options (R-DEP-05), and options that fail to parse.
    static func templates(of entry: ConfigEntry) -> (variables: [TemplateVariable], problems: [TemplateSyntaxProblem]) {
        guard entry.cleanClass == "property" else { return ([], []) }
        let properties = entry.properties
        guard let index = properties.propertyIndex("options"), let options = properties.object(at: index) else {
            return ([], [])
        }
        var variables: [TemplateVariable] = []
        var problems: [TemplateSyntaxProblem] = []
        // Options are read in place: most are not templates, and copying each out cost a reference-count round trip.
        for index in options.properties.indices {
            guard let text = options.string(at: index), MustacheScanner.isTemplate(text) else { continue }
            let (key, span) = (options.properties[index].key, options.properties[index].value.span)
            switch MustacheScanner.scan(text) {
            case .variables(let names):
                variables += names.map { TemplateVariable(optionKey: key, name: $0, span: span) }
            case .syntaxError(let message):
                problems.append(TemplateSyntaxProblem(optionKey: key, message: message, span: span))
            }
        }
        return (variables, problems)
    }

    /// `/.+Id$/`: at least one character before `Id`.
    static func isIDKey(_ key: String) -> Bool { role(of: key) == .idKey }

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
            // Through the buffer: an element read by index was copied out (a reference-count round trip each).
            items.withUnsafeBufferPointer { items in
                for offset in items.indices { body({ "\(path)[\(offset)]" }, items[offset]) }
            }
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
