/// Puts a config object into the form Grouparoo would load it in, so two ways of writing the same
/// thing compare equal (rest-api.md §12): nulls dropped, loader defaults filled in, property options
/// as strings, group rules in one form, permissions as effective per-topic values.
public struct ConfigNormalizer: Sendable {
    /// Property keys to config ids, for group rules written with `key` (R-RULE-01).
    let propertyIdsByKey: [String: String]

    public init(_ objects: [PlainConfigObject]) {
        var ids: [String: String] = [:]
        for object in objects where object.objectClass == "property" {
            if let key = object.value["key"]?.stringValue, ids[key] == nil { ids[key] = object.id }
        }
        propertyIdsByKey = ids
    }

    /// The object's members without `class` and `id` (they are the match key), normalised.
    public func normalized(_ object: PlainConfigObject) -> ConfigValue {
        var members = (dropNulls(object.value).members ?? []).filter { $0.key != "class" && $0.key != "id" }
        if Self.classesWithOptions.contains(object.objectClass) { setDefault(&members, "options", .object([])) }
        switch object.objectClass {
        case "property":
            setDefault(&members, "unique", .boolean(false))
            setDefault(&members, "isArray", .boolean(false))
            setDefault(&members, "filters", .array([]))
            transform(&members, "options") { .object(($0.members ?? []).map { ConfigMember($0.key, Self.loaderString($0.value)) }) }
        case "schedule":
            setDefault(&members, "recurring", .boolean(false))
            setDefault(&members, "confirmRecords", .boolean(false))
            setDefault(&members, "refreshEnabled", .boolean(true))
            setDefault(&members, "filters", .array([]))
        case "destination":
            setDefault(&members, "collection", .string("none"))
            setDefault(&members, "mapping", .object([]))
            setDefault(&members, "destinationGroupMemberships", .object([]))
        case "group":
            members.removeAll { $0.key == "matchType" }
            transform(&members, "rules") { .array(($0.arrayValue ?? []).map(normalizedRule)) }
        case "apikey":
            normalizePermissions(&members, defaultRead: false)
        case "team":
            normalizePermissions(&members, defaultRead: true)
        case "setting":
            transform(&members, "value") { Self.loaderString($0) }
        default:
            break
        }
        return .object(members)
    }

    /// Classes whose `options` the loader treats as `{}` when absent.
    static let classesWithOptions: Set<String> = ["app", "source", "schedule", "property", "destination"]

    private func dropNulls(_ value: ConfigValue) -> ConfigValue {
        switch value {
        case .object(let members): return .object(members.filter { $0.value != .null }.map { ConfigMember($0.key, dropNulls($0.value)) })
        case .array(let elements): return .array(elements.map(dropNulls))
        default: return value
        }
    }

    private func setDefault(_ members: inout [ConfigMember], _ key: String, _ value: ConfigValue) {
        if !members.contains(where: { $0.key == key }) { members.append(ConfigMember(key, value)) }
    }

    private func transform(_ members: inout [ConfigMember], _ key: String, _ change: (ConfigValue) -> ConfigValue) {
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = change(members[index].value) }
    }

    /// How the loader stores option and setting values: as strings (R-PROP-09).
    static func loaderString(_ value: ConfigValue) -> ConfigValue { value.asLoaderString }

    /// One rule form: `propertyId` (never `key`), convenient ops, dates as milliseconds, no `type`.
    private func normalizedRule(_ rule: ConfigValue) -> ConfigValue {
        var members = (rule.members ?? []).filter { $0.key != "type" }
        if let index = members.firstIndex(where: { $0.key == "key" }) {
            let key = members.remove(at: index).value.stringValue ?? ""
            if !members.contains(where: { $0.key == "propertyId" }) {
                members.insert(ConfigMember("propertyId", .string(propertyIdsByKey[key] ?? key)), at: 0)
            }
        }
        if let index = members.firstIndex(where: { $0.key == "match" }), let text = members[index].value.stringValue,
           let milliseconds = ISODate.milliseconds(text) {
            members[index].value = .string(String(milliseconds))
        } else if let index = members.firstIndex(where: { $0.key == "match" }) {
            members[index].value = Self.loaderString(members[index].value)
        }
        let op = members.first { $0.key == "op" }?.value.stringValue ?? ""
        if op == "exists" || op == "notExists" { members.removeAll { $0.key == "match" } }
        if op.hasPrefix("relative_") { members.removeAll { $0.key == "relativeMatchDirection" } }
        return .object(members)
    }

    /// `permissionAllRead`/`Write` win over per-topic values when set (R-PERM-03); the result is
    /// every topic's effective `read` and `write`.
    private func normalizePermissions(_ members: inout [ConfigMember], defaultRead: Bool) {
        let options = members.first { $0.key == "options" }?.value
        let allRead = options?["permissionAllRead"]?.boolValue
        let allWrite = options?["permissionAllWrite"]?.boolValue
        var given: [String: (read: Bool?, write: Bool?)] = [:]
        for permission in members.first(where: { $0.key == "permissions" })?.value.arrayValue ?? [] {
            guard let topic = permission["topic"]?.stringValue else { continue }
            given[topic] = (permission["read"]?.boolValue, permission["write"]?.boolValue)
        }
        let effective = PermissionTopic.allCases.map(\.rawValue).sorted().map { topic -> ConfigValue in
            .object([ConfigMember("topic", .string(topic)),
                     ConfigMember("read", .boolean(allRead ?? given[topic]?.read ?? defaultRead)),
                     ConfigMember("write", .boolean(allWrite ?? given[topic]?.write ?? false))])
        }
        members.removeAll { $0.key == "permissions" }
        members.append(ConfigMember("permissions", .array(effective)))
    }
}
