/// Turns config into what a Grouparoo instance that loaded it would serve over REST (rest-api.md §7):
/// the inverse of `ImportConversion`, for round-trip tests, benchmarks and fake instances.
/// Ids stay the config ids (as code config keeps them); secret app options are obfuscated.
public struct InstanceSimulation: Sendable {
    /// The `locked` value every served object carries (`config:code` for an instance run from
    /// code config, nil for one built in the UI).
    public var locked: String?

    public init(locked: String? = nil) {
        self.locked = locked
    }

    public func serve(_ objects: [PlainConfigObject]) -> InstanceSnapshot {
        var served = Served(objects: objects, locked: locked.map(ConfigValue.string) ?? .null)
        for object in objects { served.add(object) }
        return served.snapshot
    }
}

private struct Served {
    var snapshot = InstanceSnapshot()
    let locked: ConfigValue
    let byKey: [String: PlainConfigObject]
    let schedulesBySource: [String: PlainConfigObject]
    var timestamp = 1_649_448_000_000.0

    init(objects: [PlainConfigObject], locked: ConfigValue) {
        self.locked = locked
        byKey = Dictionary(objects.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var schedules: [String: PlainConfigObject] = [:]
        for object in objects where object.objectClass == "schedule" {
            if let source = object.value["sourceId"]?.stringValue, schedules[source] == nil { schedules[source] = object }
        }
        schedulesBySource = schedules
    }

    private func field(_ object: PlainConfigObject, _ key: String) -> ConfigValue { object.value[key] ?? .null }

    private func propertyKey(_ id: ConfigValue?) -> ConfigValue {
        guard let id = id?.stringValue, let property = byKey["property:\(id)"] else { return id ?? .null }
        return field(property, "key")
    }

    private func common(_ object: PlainConfigObject, state: String? = "ready") -> [ConfigMember] {
        var members = [ConfigMember("id", .string(object.id))]
        if let state { members.append(ConfigMember("state", .string(state))) }
        members.append(ConfigMember("locked", locked))
        members.append(ConfigMember("createdAt", .number(timestamp)))
        members.append(ConfigMember("updatedAt", .number(timestamp)))
        return members
    }

    mutating func add(_ object: PlainConfigObject) {
        switch object.objectClass {
        case "model":
            snapshot[.model].append(.object(common(object) + [ConfigMember("name", field(object, "name")),
                                                              ConfigMember("type", field(object, "type"))]))
        case "app": snapshot[.app].append(app(object))
        case "source": snapshot[.source].append(source(object))
        case "property": snapshot[.property].append(property(object))
        case "group": snapshot[.group].append(group(object))
        case "destination": snapshot[.destination].append(destination(object))
        case "apikey", "team": snapshot[object.objectClass == "team" ? .team : .apiKey].append(access(object))
        case "teammember":
            let options = object.value["options"]
            snapshot[.teamMember].append(.object(common(object, state: nil) + [
                ConfigMember("teamId", field(object, "teamId")), ConfigMember("email", field(object, "email")),
                ConfigMember("firstName", options?["firstName"] ?? .null), ConfigMember("lastName", options?["lastName"] ?? .null),
            ]))
        case "setting":
            let pluginName = field(object, "pluginName").stringValue ?? "", key = field(object, "key").stringValue ?? ""
            let registered = RegisteredSetting.lookup(pluginName: pluginName, key: key)
            snapshot[.setting].append(.object(common(object, state: nil) + [
                ConfigMember("pluginName", .string(pluginName)), ConfigMember("key", .string(key)),
                ConfigMember("value", (field(object, "value")).asLoaderString),
                ConfigMember("defaultValue", registered.map { .string($0.defaultValue) } ?? .null),
            ]))
        case "schedule": snapshot[.schedule].append(schedule(object))
        default:
            break
        }
    }

    private func app(_ object: PlainConfigObject) -> ConfigValue {
        var secretKeys: [ConfigValue] = []
        let options = (object.value["options"]?.members ?? []).map { member -> ConfigMember in
            guard HardcodedSecretRule.isSecretKey(member.key) else { return member }
            secretKeys.append(.object([ConfigMember("key", .string(member.key)), ConfigMember("type", .string("password"))]))
            return ConfigMember(member.key, .string(ObfuscatedOption.marker))
        }
        var refresh = ConfigValue.null
        if let query = object.value["refresh"] {
            refresh = .object([ConfigMember("refreshQuery", query["query"] ?? .null), ConfigMember("state", .string("ready")),
                               ConfigMember("recurringFrequency", query["recurringFrequency"] ?? .null)])
        }
        return .object(common(object) + [
            ConfigMember("name", field(object, "name")), ConfigMember("type", field(object, "type")),
            ConfigMember("options", .object(options)),
            ConfigMember("pluginApp", .object([ConfigMember("name", field(object, "type")), ConfigMember("options", .array(secretKeys))])),
            ConfigMember("appRefreshQuery", refresh),
        ])
    }

    private func source(_ object: PlainConfigObject) -> ConfigValue {
        let mapping = (object.value["mapping"]?.members ?? []).prefix(1).map { ConfigMember($0.key, propertyKey($0.value)) }
        var members = common(object) + [
            ConfigMember("name", field(object, "name")), ConfigMember("type", field(object, "type")),
            ConfigMember("appId", field(object, "appId")), ConfigMember("modelId", field(object, "modelId")),
            ConfigMember("options", object.value["options"] ?? .object([])), ConfigMember("mapping", .object(mapping)),
        ]
        if let schedule = schedulesBySource[object.id] { members.append(ConfigMember("schedule", self.schedule(schedule))) }
        return .object(members)
    }

    /// Served twice, like Grouparoo does: in `GET /schedules` and inside its source (§7.4, §7.5).
    private func schedule(_ object: PlainConfigObject) -> ConfigValue {
        var members = common(object)
        for key in ["name", "sourceId", "incremental", "recurring", "recurringFrequency", "confirmRecords", "refreshEnabled"] {
            members.append(ConfigMember(key, field(object, key)))
        }
        members.append(ConfigMember("options", object.value["options"] ?? .object([])))
        members.append(ConfigMember("filters", servedFilters(object.value["filters"])))
        return .object(members)
    }

    private func servedFilters(_ filters: ConfigValue?) -> ConfigValue {
        .array((filters?.arrayValue ?? []).map { filter in
            .object(["key", "op", "match", "relativeMatchNumber", "relativeMatchUnit", "relativeMatchDirection"].map { key in
                ConfigMember(key, key == "match" ? filter[key].map(\.asLoaderString) ?? .null : filter[key] ?? .null)
            })
        })
    }

    private func property(_ object: PlainConfigObject) -> ConfigValue {
        let options = (object.value["options"]?.members ?? []).map { ConfigMember($0.key, ($0.value).asLoaderString) }
        return .object(common(object) + [
            ConfigMember("sourceId", field(object, "sourceId")), ConfigMember("key", field(object, "key")),
            ConfigMember("type", field(object, "type")), ConfigMember("unique", object.value["unique"] ?? .boolean(false)),
            ConfigMember("isPrimaryKey", .boolean(false)), ConfigMember("options", .object(options)),
            ConfigMember("filters", servedFilters(object.value["filters"])),
            ConfigMember("isArray", object.value["isArray"] ?? .boolean(false)),
        ])
    }

    /// Config rules in the stored list form of `groups:list` (§7.7).
    private func group(_ object: PlainConfigObject) -> ConfigValue {
        let topLevelTypes = ["grouparooId": "string", "grouparooCreatedAt": "date"]
        let rules = (object.value["rules"]?.arrayValue ?? []).map { rule -> ConfigValue in
            let propertyId = rule["propertyId"]?.stringValue
            let property = propertyId.flatMap { byKey["property:\($0)"] }
            let key = property.map { field($0, "key") } ?? rule["key"] ?? propertyId.map(ConfigValue.string) ?? .null
            let topLevel = key.stringValue.map { topLevelTypes[$0] != nil } ?? false
            let type = property.map { field($0, "type") } ?? key.stringValue.flatMap { topLevelTypes[$0] }.map(ConfigValue.string) ?? .null
            var op = rule["op"]?.stringValue ?? ""
            var match = rule["match"].map(\.asLoaderString) ?? .null
            var direction = rule["relativeMatchDirection"] ?? .null
            switch op {
            case "exists": op = "ne"; match = .string("null")
            case "notExists": op = "eq"; match = .string("null")
            case "relative_gt": op = "gt"; direction = .string("subtract")
            case "relative_lt": op = "lt"; direction = .string("add")
            default:
                if type == .string("date"), let text = match.stringValue, let milliseconds = ISODate.milliseconds(text) {
                    match = .string(String(milliseconds))
                }
            }
            return .object([
                ConfigMember("key", key), ConfigMember("topLevel", .boolean(topLevel)), ConfigMember("type", type),
                ConfigMember("operation", .object([ConfigMember("op", .string(op))])), ConfigMember("match", match),
                ConfigMember("relativeMatchNumber", rule["relativeMatchNumber"] ?? .null),
                ConfigMember("relativeMatchUnit", rule["relativeMatchUnit"] ?? .null), ConfigMember("relativeMatchDirection", direction),
            ])
        }
        return .object(common(object) + [
            ConfigMember("name", field(object, "name")), ConfigMember("modelId", field(object, "modelId")),
            ConfigMember("rules", .array(rules)), ConfigMember("matchType", .string("all")),
        ])
    }

    private func destination(_ object: PlainConfigObject) -> ConfigValue {
        let mapping = (object.value["mapping"]?.members ?? []).map { ConfigMember($0.key, propertyKey($0.value)) }
        let memberships = (object.value["destinationGroupMemberships"]?.members ?? []).map { member -> ConfigValue in
            let groupName = member.value.stringValue.flatMap { byKey["group:\($0)"] }.map { field($0, "name") } ?? .null
            return .object([ConfigMember("remoteKey", .string(member.key)), ConfigMember("groupId", member.value),
                            ConfigMember("groupName", groupName)])
        }
        let group = object.value["groupId"].map { ConfigValue.object([ConfigMember("id", $0), ConfigMember("state", .string("ready"))]) }
        return .object(common(object) + [
            ConfigMember("name", field(object, "name")), ConfigMember("type", field(object, "type")),
            ConfigMember("syncMode", field(object, "syncMode")),
            ConfigMember("collection", object.value["collection"] ?? .string("none")),
            ConfigMember("app", .object([ConfigMember("id", field(object, "appId"))])),
            ConfigMember("modelId", field(object, "modelId")), ConfigMember("mapping", .object(mapping)),
            ConfigMember("options", object.value["options"] ?? .object([])), ConfigMember("group", group ?? .null),
            ConfigMember("destinationGroupMemberships", .array(memberships)),
        ])
    }

    /// An api key or team with all 18 topics at their effective values (R-PERM-03).
    private func access(_ object: PlainConfigObject) -> ConfigValue {
        let normalized = ConfigNormalizer([]).normalized(object)
        let options = object.value["options"]
        var members = common(object, state: nil) + [ConfigMember("name", field(object, "name"))]
        if object.objectClass == "apikey" { members.append(ConfigMember("apiKey", field(object, "apiKey"))) }
        members += [
            ConfigMember("permissionAllRead", options?["permissionAllRead"] ?? .null),
            ConfigMember("permissionAllWrite", options?["permissionAllWrite"] ?? .null),
            ConfigMember("permissions", normalized["permissions"] ?? .array([])),
        ]
        return .object(members)
    }
}
