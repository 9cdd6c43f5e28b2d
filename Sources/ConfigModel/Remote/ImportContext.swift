/// The indexes one conversion needs (rest-api.md §9.1): objects by live id, ready properties by
/// key, and config ids.
struct ImportContext {
    let snapshot: InstanceSnapshot
    let options: ImportConversion.Options
    var result = ImportConversion.Result()

    /// Live objects by id, per class (any state).
    private(set) var byId: [RemoteClass: [String: ConfigValue]] = [:]
    /// Ready properties by key (`getMapping` and `getConfigObject` look keys up among them).
    private(set) var readyPropertiesByKey: [String: ConfigValue] = [:]
    /// Each source's schedule from `GET /schedules`, by the source's live id (a source has at most one).
    private(set) var scheduleBySource: [String: ConfigValue] = [:]

    init(snapshot: InstanceSnapshot, options: ImportConversion.Options) {
        self.snapshot = snapshot
        self.options = options
        for remoteClass in RemoteClass.allCases {
            var index: [String: ConfigValue] = [:]
            for item in snapshot[remoteClass] {
                if let id = item["id"]?.stringValue, index[id] == nil { index[id] = item }
            }
            byId[remoteClass] = index
        }
        for property in snapshot[.property] where property["state"]?.stringValue == "ready" {
            if let key = property["key"]?.stringValue, readyPropertiesByKey[key] == nil { readyPropertiesByKey[key] = property }
        }
        for schedule in snapshot[.schedule] {
            if let source = schedule["sourceId"]?.stringValue, scheduleBySource[source] == nil { scheduleBySource[source] = schedule }
        }
    }

    mutating func convertAll() {
        let order: [RemoteClass] = [.setting, .model, .app, .source, .property, .group, .destination, .apiKey, .team, .teamMember]
        for remoteClass in order where options.only.isEmpty || options.only.contains(remoteClass) {
            var seen = Set<String>()
            for item in snapshot[remoteClass] {
                // Offset paging can repeat a row (API-PAGE-02).
                guard let id = item["id"]?.stringValue, seen.insert(id).inserted else { continue }
                guard admit(item, remoteClass, id: id) else { continue }
                convert(item, remoteClass)
            }
        }
    }

    /// The inclusion rules of §6.1 and the lock filter.
    mutating func admit(_ item: ConfigValue, _ remoteClass: RemoteClass, id: String) -> Bool {
        let state = item["state"]?.stringValue
        let live: Bool
        switch remoteClass {
        case .group: live = state != "draft" && state != "deleted"
        case .apiKey, .team, .teamMember, .setting: live = true
        default: live = state == "ready"
        }
        guard live else {
            result.skipped.append(.init(remoteClass: remoteClass, id: id, reason: .notReady))
            return false
        }
        if !options.includeLocked, LockValue.isCodeConfig(item["locked"]?.stringValue) {
            result.skipped.append(.init(remoteClass: remoteClass, id: id, reason: .lockedByCodeConfig))
            return false
        }
        return true
    }

    // MARK: Ids

    /// `getConfigId()` of a live object of `remoteClass`.
    func configId(_ item: ConfigValue, _ remoteClass: RemoteClass) -> String {
        let liveId = item["id"]?.stringValue ?? ""
        return ConfigIdentity.configId(liveId: liveId, prefix: remoteClass.facts.idPrefix,
                                       name: item[remoteClass.facts.nameField]?.stringValue)
    }

    /// The config id of the object `liveId` of `remoteClass`, or nil when it is not listed.
    func configId(of liveId: String?, _ remoteClass: RemoteClass) -> String? {
        guard let liveId, let item = byId[remoteClass]?[liveId] else { return nil }
        return configId(item, remoteClass)
    }

    func item(_ liveId: String?, _ remoteClass: RemoteClass) -> ConfigValue? {
        liveId.flatMap { byId[remoteClass]?[$0] }
    }

    /// The config id of the ready property with this key.
    func propertyConfigId(key: String) -> String? {
        readyPropertiesByKey[key].map { configId($0, .property) }
    }

    func isReady(_ liveId: String?, _ remoteClass: RemoteClass) -> Bool {
        item(liveId, remoteClass)?["state"]?.stringValue == "ready"
    }

    // MARK: Output

    mutating func emit(_ remoteClass: RemoteClass, _ objects: [PlainConfigObject]) {
        guard let first = objects.first else { return }
        result.files.append(.init(remoteClass: remoteClass, id: first.id, objects: objects))
    }

    mutating func skip(_ item: ConfigValue, _ remoteClass: RemoteClass, _ reason: ImportConversion.Skipped.Reason) {
        result.skipped.append(.init(remoteClass: remoteClass, id: item["id"]?.stringValue ?? "", reason: reason))
    }

    /// Replaces a secret with an environment variable named after the object and key.
    mutating func secret(objectClass: String, objectId: String, key: String, path: String) -> ConfigValue {
        let variable = ConfigIdentity.secretVariable(objectId: objectId, key: key)
        if !result.secrets.contains(where: { $0.variable == variable }) {
            result.secrets.append(.init(variable: variable, location: "\(objectClass):\(objectId) \(path)", objectClass: objectClass))
        }
        return .environmentVariable(variable)
    }
}
