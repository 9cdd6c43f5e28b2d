/// One conversion per class (rest-api.md §9.2). Members are written in `getConfigObject`'s order.
extension ImportContext {
    mutating func convert(_ item: ConfigValue, _ remoteClass: RemoteClass) {
        switch remoteClass {
        case .model: convertModel(item)
        case .app: convertApp(item)
        case .source: convertSource(item)
        case .schedule: break  // written with its source
        case .property: convertProperty(item)
        case .group: convertGroup(item)
        case .destination: convertDestination(item)
        case .apiKey, .team: convertAccess(item, remoteClass)
        case .teamMember: convertTeamMember(item)
        case .setting: convertSetting(item)
        }
    }

    private func object(_ objectClass: String, _ id: String, _ members: [ConfigMember], locked: ConfigValue?) -> PlainConfigObject {
        PlainConfigObject(objectClass: objectClass, id: id,
                          value: .object([ConfigMember("class", .string(objectClass)), ConfigMember("id", .string(id))] + members),
                          locked: locked?.stringValue)
    }

    private mutating func convertModel(_ item: ConfigValue) {
        guard item["name"]?.isTruthy == true else { return }
        var members: [ConfigMember] = []
        members.add("name", item["name"])
        members.add("type", item["type"])
        emit(.model, [object("model", configId(item, .model), members, locked: item["locked"])])
    }

    private mutating func convertApp(_ item: ConfigValue) {
        guard item["name"]?.isTruthy == true else { return }
        let id = configId(item, .app)
        let secretKeys = Set((item["pluginApp"]?["options"]?.arrayValue ?? []).compactMap { option -> String? in
            guard let type = option["type"]?.stringValue, ObfuscatedOption.secretTypes.contains(type) else { return nil }
            return option["key"]?.stringValue
        })
        var members: [ConfigMember] = []
        members.add("name", item["name"])
        members.add("type", item["type"])
        members.add("options", secretFree(item["options"], objectClass: "app", id: id, alwaysSecret: secretKeys))
        if let refresh = item["appRefreshQuery"], refresh["state"]?.stringValue == "ready" {
            var query: [ConfigMember] = []
            query.add("query", refresh["refreshQuery"])
            query.add("recurringFrequency", refresh["recurringFrequency"])
            members.add("refresh", .object(query))
        }
        emit(.app, [object("app", id, members, locked: item["locked"])])
    }

    /// Options with every secret replaced by an environment variable: obfuscated values, options of a
    /// secret plugin type, and literal values under secret-looking keys (`password`, `token`, …).
    private mutating func secretFree(_ options: ConfigValue?, objectClass: String, id: String,
                                     alwaysSecret: Set<String> = []) -> ConfigValue? {
        guard let members = options?.members else { return options }
        return .object(members.map { member in
            guard case .string(let text) = member.value else { return member }
            let isSecret = text == ObfuscatedOption.marker || alwaysSecret.contains(member.key)
                || (HardcodedSecretRule.isSecretKey(member.key) && HardcodedSecretRule.couldBeSecret(text))
            guard isSecret else { return member }
            return ConfigMember(member.key, secret(objectClass: objectClass, objectId: id, key: member.key,
                                                   path: "options.\(member.key)"))
        })
    }

    private mutating func convertSource(_ item: ConfigValue) {
        guard item["name"]?.isTruthy == true, isReady(item["appId"]?.stringValue, .app),
              isReady(item["modelId"]?.stringValue, .model),
              let appId = configId(of: item["appId"]?.stringValue, .app),
              let modelId = configId(of: item["modelId"]?.stringValue, .model)
        else { return skip(item, .source, .missingParent) }
        let id = configId(item, .source)
        var members: [ConfigMember] = []
        members.add("modelId", .string(modelId))
        members.add("name", item["name"])
        members.add("type", item["type"])
        members.add("appId", .string(appId))
        members.add("options", secretFree(item["options"], objectClass: "source", id: id))
        let mapping = propertyMapping(item["mapping"])
        if !mapping.isEmpty { members.add("mapping", .object(mapping)) }
        var objects = [object("source", id, members, locked: item["locked"])]
        // The schedules list (topic source) is read with the sources; a snapshot without it falls
        // back to the schedule embedded in the source's apiData (§7.4).
        let liveId = item["id"]?.stringValue ?? ""
        if let schedule = scheduleBySource[liveId] ?? item["schedule"], schedule["name"]?.isTruthy == true,
           admit(schedule, .schedule, id: schedule["id"]?.stringValue ?? "") {
            objects.append(convertSchedule(schedule, sourceId: id))
        }
        emit(.source, objects)
    }

    private mutating func convertSchedule(_ item: ConfigValue, sourceId: String) -> PlainConfigObject {
        let liveId = item["id"]?.stringValue ?? ""
        let id = ConfigIdentity.configId(liveId: liveId, prefix: RemoteClass.schedule.facts.idPrefix, name: item["name"]?.stringValue)
        var members: [ConfigMember] = []
        members.add("name", item["name"])
        members.add("sourceId", .string(sourceId))
        for key in ["incremental", "recurring", "recurringFrequency", "confirmRecords", "refreshEnabled"] {
            members.add(key, item[key])
        }
        var scheduleOptions = secretFree(item["options"], objectClass: "schedule", id: id)
        // Query schedules name a property by database id; write its config id so it resolves (§9.2).
        if var optionMembers = scheduleOptions?.members,
           let index = optionMembers.firstIndex(where: { $0.key == "propertyId" }),
           let propertyId = configId(of: optionMembers[index].value.stringValue, .property) {
            optionMembers[index].value = .string(propertyId)
            scheduleOptions = .object(optionMembers)
        }
        members.add("options", scheduleOptions)
        members.add("filters", filters(item["filters"]))
        return object("schedule", id, members, locked: item["locked"])
    }

    /// `{remoteKey: propertyKey}` → `{remoteKey: propertyConfigId}`; unknown keys are kept as written.
    private func propertyMapping(_ mapping: ConfigValue?) -> [ConfigMember] {
        (mapping?.members ?? []).map { member in
            guard let key = member.value.stringValue, let id = propertyConfigId(key: key) else { return member }
            return ConfigMember(member.key, .string(id))
        }
    }

    /// Filters with their null fields dropped (API-CFG-05).
    private func filters(_ value: ConfigValue?) -> ConfigValue? {
        guard let elements = value?.arrayValue else { return value }
        return .array(elements.map { element in
            .object((element.members ?? []).filter { $0.value != .null })
        })
    }

    private mutating func convertProperty(_ item: ConfigValue) {
        guard item["key"]?.isTruthy == true, isReady(item["sourceId"]?.stringValue, .source),
              let sourceId = configId(of: item["sourceId"]?.stringValue, .source)
        else { return skip(item, .property, .missingParent) }
        var members: [ConfigMember] = []
        members.add("type", item["type"])
        members.add("key", item["key"])
        members.add("sourceId", .string(sourceId))
        members.add("unique", item["unique"])
        members.add("isArray", item["isArray"])
        members.add("options", item["options"])
        members.add("filters", filters(item["filters"]))
        emit(.property, [object("property", configId(item, .property), members, locked: item["locked"])])
    }

    private mutating func convertDestination(_ item: ConfigValue) {
        let appLiveId = item["app"]?["id"]?.stringValue
        guard item["name"]?.isTruthy == true, isReady(appLiveId, .app), isReady(item["modelId"]?.stringValue, .model),
              let appId = configId(of: appLiveId, .app), let modelId = configId(of: item["modelId"]?.stringValue, .model)
        else { return skip(item, .destination, .missingParent) }
        let id = configId(item, .destination)
        var members: [ConfigMember] = []
        members.add("modelId", .string(modelId))
        members.add("name", item["name"])
        members.add("type", item["type"])
        members.add("appId", .string(appId))
        members.add("collection", item["collection"])
        if let group = item["group"], group != .null, !["draft", "deleted"].contains(group["state"]?.stringValue ?? ""),
           let groupId = configId(of: group["id"]?.stringValue, .group) ?? group["id"]?.stringValue {
            members.add("groupId", .string(groupId))
        }
        members.add("syncMode", item["syncMode"])
        members.add("options", secretFree(item["options"], objectClass: "destination", id: id))
        members.add("mapping", .object(propertyMapping(item["mapping"])))
        var memberships: [ConfigMember] = []
        for membership in item["destinationGroupMemberships"]?.arrayValue ?? [] {
            guard let remoteKey = membership["remoteKey"]?.stringValue, let groupLiveId = membership["groupId"]?.stringValue else { continue }
            memberships.removeAll { $0.key == remoteKey }
            memberships.append(ConfigMember(remoteKey, .string(configId(of: groupLiveId, .group) ?? groupLiveId)))
        }
        members.add("destinationGroupMemberships", .object(memberships))
        emit(.destination, [object("destination", id, members, locked: item["locked"])])
    }

    private mutating func convertAccess(_ item: ConfigValue, _ remoteClass: RemoteClass) {
        let id = configId(item, remoteClass)
        let objectClass = remoteClass.rawValue
        var members: [ConfigMember] = []
        members.add("name", item["name"])
        if remoteClass == .apiKey {
            members.add("apiKey", secret(objectClass: objectClass, objectId: id, key: "apiKey", path: "apiKey"))
        }
        // An explicit null says the per-topic values apply (R-PERM-03); a missing key would not.
        let all = ["permissionAllRead", "permissionAllWrite"].map { ConfigMember($0, item[$0] ?? .null) }
        members.add("options", .object(all))
        let permissions = (item["permissions"]?.arrayValue ?? [])
            .sorted { ($0["topic"]?.stringValue ?? "") < ($1["topic"]?.stringValue ?? "") }
            .map { permission -> ConfigValue in
                var fields: [ConfigMember] = []
                for key in ["topic", "read", "write"] { fields.add(key, permission[key]) }
                return .object(fields)
            }
        // With both set, every topic follows them and a `permissions` list would only be overridden.
        if all.contains(where: { $0.value == .null }) { members.add("permissions", .array(permissions)) }
        if item["locked"]?.stringValue == "team:initialize" {
            result.notices.append("team \(id) is Grouparoo's built-in first team; code config cannot take it over, so applying "
                + "this config to the same instance fails on its name (rest-api.md API-W-04)")
        }
        emit(remoteClass, [object(objectClass, id, members, locked: item["locked"])])
    }

    private mutating func convertTeamMember(_ item: ConfigValue) {
        guard let teamId = configId(of: item["teamId"]?.stringValue, .team) else { return skip(item, .teamMember, .missingParent) }
        let id = configId(item, .teamMember)
        var members: [ConfigMember] = []
        members.add("teamId", .string(teamId))
        members.add("email", item["email"])
        var names: [ConfigMember] = []
        names.add("firstName", item["firstName"])
        names.add("lastName", item["lastName"])
        // Grouparoo never returns the password (API-MISS-04); the member sets it from the environment.
        names.add("password", secret(objectClass: "teamMember", objectId: id, key: "password", path: "options.password"))
        members.add("options", .object(names))
        emit(.teamMember, [object("teamMember", id, members, locked: item["locked"])])
    }

    private mutating func convertSetting(_ item: ConfigValue) {
        guard let key = item["key"]?.stringValue, let pluginName = item["pluginName"]?.stringValue,
              let value = item["value"], (value).asLoaderString != (item["defaultValue"] ?? .null).asLoaderString,
              !(pluginName == "telemetry" && key == "customer-id"),
              let id = ConfigIdentity.generateId(key) else { return }
        var members: [ConfigMember] = []
        members.add("pluginName", .string(pluginName))
        members.add("key", .string(key))
        members.add("value", value)
        emit(.setting, [object("setting", id, members, locked: item["locked"])])
    }
}
