/// Decodes every object once and builds the lists and indexes `ValidationInput` holds.
struct ValidationInputBuilder {
    var entries: [ConfigEntry] = []
    var decodeDiagnostics: [Diagnostic] = []
    var settings: [Decoded<SettingConfig>] = []
    var models: [Decoded<ModelConfig>] = []
    var apps: [Decoded<AppConfig>] = []
    var sources: [Decoded<SourceConfig>] = []
    var properties: [Decoded<PropertyConfig>] = []
    var schedules: [Decoded<ScheduleConfig>] = []
    var groups: [Decoded<GroupConfig>] = []
    var destinations: [Decoded<DestinationConfig>] = []
    var apiKeys: [Decoded<ApiKeyConfig>] = []
    var teams: [Decoded<TeamConfig>] = []
    var teamMembers: [Decoded<TeamMemberConfig>] = []
    var records: [Decoded<RecordConfig>] = []
    var nodes: [String: Int] = [:]
    var entriesByID: [String: [Int]] = [:]
    var propertyEntriesByKey: [String: Int] = [:]

    init(read: ConfigReadResult) {
        let values = read.files.flatMap { file in file.objects.map { (file: file.path, value: $0) } }
        // Decoding is the costly part and each object decodes on its own, so it runs on every core.
        let decoded = LargeStack.parallelMap(values.count, minimumPerWorker: 256) { index in
            let result = ConfigObject.decode(values[index].value)
            let entry = ConfigEntry(position: index, file: values[index].file, value: values[index].value)
            return (entry, result.object, result.diagnostics)
        }
        for (entry, object, diagnostics) in decoded {
            decodeDiagnostics += diagnostics
            entries.append(entry)
            add(entry, decoded: object)
        }
    }

    private mutating func add(_ entry: ConfigEntry, decoded: ConfigObject?) {
        if nodes[entry.nodeID] == nil { nodes[entry.nodeID] = entry.position }
        if let id = entry.id { entriesByID[id, default: []].append(entry.position) }
        // Grouparoo's key lookup compares `c.class.toLowerCase()` (R-DEP-05).
        if entry.rawClass?.lowercased() == "property" {
            let key = entry.keyOrName == "undefined" ? "" : entry.keyOrName
            if propertyEntriesByKey[key] == nil { propertyEntriesByKey[key] = entry.position }
        }
        guard let decoded else { return }
        switch decoded {
        case .setting(let config): settings.append(Decoded(entry: entry, config: config))
        case .model(let config): models.append(Decoded(entry: entry, config: config))
        case .app(let config): apps.append(Decoded(entry: entry, config: config))
        case .source(let config): sources.append(Decoded(entry: entry, config: config))
        case .property(let config): properties.append(Decoded(entry: entry, config: config))
        case .schedule(let config): schedules.append(Decoded(entry: entry, config: config))
        case .group(let config): groups.append(Decoded(entry: entry, config: config))
        case .destination(let config): destinations.append(Decoded(entry: entry, config: config))
        case .apiKey(let config): apiKeys.append(Decoded(entry: entry, config: config))
        case .team(let config): teams.append(Decoded(entry: entry, config: config))
        case .teamMember(let config): teamMembers.append(Decoded(entry: entry, config: config))
        case .record(let config): records.append(Decoded(entry: entry, config: config))
        }
    }

    /// Id → index into a typed list; the first object with an id wins.
    static func index<Model>(_ list: [Decoded<Model>]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, item) in list.enumerated() {
            if let id = item.entry.id, result[id] == nil { result[id] = index }
        }
        return result
    }

    /// `getAutoBootstrappedProperty` for every source (R-SRC-05): the first mapping value naming a
    /// property object whose `sourceId` is this source.
    func bootstrappedProperties() -> [Int: Int] {
        var propertiesByID: [String: [Int]] = [:]
        for entry in entries where entry.cleanClass == "property" {
            if let id = entry.id { propertiesByID[id, default: []].append(entry.position) }
        }
        var result: [Int: Int] = [:]
        for source in entries where source.cleanClass == "source" {
            guard let sourceID = source.id, case .object(let mapping)? = source.properties["mapping"]?.value else { continue }
            search: for value in mapping.properties {
                guard case .string(let propertyID) = value.value.value else { continue }
                for candidate in propertiesByID[propertyID] ?? [] {
                    guard case .string(let owner)? = entries[candidate].properties["sourceId"]?.value, owner == sourceID
                    else { continue }
                    result[source.position] = candidate
                    break search
                }
            }
        }
        return result
    }
}
