/// Decodes every object once and builds the lists and indexes `ValidationInput` holds.
struct ValidationInputBuilder {
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
    /// Each entry's index in the typed list its model went to, by position; -1 for entries without a model.
    var typedIndices: [Int32] = []
    /// Exact property key (`key || name`) → first property entry.
    var propertyEntriesByKey = PropertyKeyTable()
    /// Every entry, the id index, the node table, each entry's node provider and the bootstrapped properties, made on
    /// another core while this one files the models away (and the caller indexes them): `result()` waits for them.
    let indexes: LargeStack.Background<(entries: [ConfigEntry], entriesByID: PositionsByID, nodes: NodeLookup,
                                        nodeProviders: [Int], bootstrapped: [Int: Int])>

    init(read: ConfigReadResult) {
        // Where each file's objects start among all objects: an object finds its file by a binary search, so no
        // list of every (file, object) pair is made and freed on this thread.
        var starts: [Int] = []
        starts.reserveCapacity(read.files.count)
        var count = 0
        // By index: each file copied out retained its parts (ten a file) on this serial stage, and released them again.
        for index in read.files.indices {
            starts.append(count)
            count += read.files[index].objects.count
        }
        let files = read.files
        // Decoding is the costly part and each object decodes on its own, so it runs on every core;
        // what is left here only files the results away.
        let decoded = LargeStack.parallelMap(count, minimumPerWorker: ValidationInput.entriesPerWorker,
                                             makeState: { DecodeContext(objectClass: nil) }) { index, context in
            let file = Self.lastFile(startingAtOrBefore: index, starts)
            return DecodedEntry(position: index, file: files[file].path, value: files[file].objects[index - starts[file]],
                                context: context)
        }
        // What the index build needs of each entry was found by the worker that decoded it: this stage reads the
        // entries' objects only to compare ids that share a hash, or for the few unusual node ids and sources.
        // That core lets go of the decoded entries once it has read them, so this one, done first, frees them (a
        // release of each entry and model) while the other builds the rest: it was the longer part of this stage.
        let lent = Lent(decoded)
        indexes = LargeStack.Background(worthAThread: count >= ValidationInput.entriesPerWorker) {
            let (entries, byID, unusual, sources) = { () -> ([ConfigEntry], PositionsByID, [Int], [Int]) in
                let decoded = lent.take()
                let entries = decoded.map(\.entry)
                // By index: an item copied out retained each of its parts, and released them again.
                return (entries, PositionsByID(entries) { decoded[$0].idKey },
                        decoded.indices.filter { !decoded[$0].hasPlainNode }, decoded.indices.filter { decoded[$0].isSource })
            }()
            let nodes = NodeLookup(entries: entries, entriesByID: byID, unusualPositions: unusual)
            return (entries, byID, nodes, nodes.entryProviders(unusualPositions: unusual),
                    Self.bootstrappedProperties(entries, sources: sources, byID))
        }
        typedIndices.reserveCapacity(count)
        var propertyPositions: [Int] = []
        var propertyKeysAreASCII = true
        // By index: an item copied out retained each of its parts, and released them again.
        for index in decoded.indices {
            if !decoded[index].diagnostics.isEmpty { decodeDiagnostics += decoded[index].diagnostics }
            add(decoded[index].model)
            guard let hash = decoded[index].propertyKey?.hash else { continue }
            propertyPositions.append(index)
            if case .ascii = hash {} else { propertyKeysAreASCII = false }
        }
        propertyEntriesByKey = PropertyKeyTable(propertyPositions, keysAreASCII: propertyKeysAreASCII) { decoded[$0].propertyKey! }
    }

    /// The last file whose objects start at or before object `index` (a file without objects starts where the
    /// next one does, so the last such file is the one holding the object).
    static func lastFile(startingAtOrBefore index: Int, _ starts: [Int]) -> Int {
        var (low, high) = (0, starts.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle } else { high = middle }
        }
        return low
    }

    private mutating func add(_ model: DecodedModel?) {
        switch model {
        case .setting(let decoded): Self.file(decoded, in: &settings, &typedIndices)
        case .model(let decoded): Self.file(decoded, in: &models, &typedIndices)
        case .app(let decoded): Self.file(decoded, in: &apps, &typedIndices)
        case .source(let decoded): Self.file(decoded, in: &sources, &typedIndices)
        case .property(let decoded): Self.file(decoded, in: &properties, &typedIndices)
        case .schedule(let decoded): Self.file(decoded, in: &schedules, &typedIndices)
        case .group(let decoded): Self.file(decoded, in: &groups, &typedIndices)
        case .destination(let decoded): Self.file(decoded, in: &destinations, &typedIndices)
        case .apiKey(let decoded): Self.file(decoded, in: &apiKeys, &typedIndices)
        case .team(let decoded): Self.file(decoded, in: &teams, &typedIndices)
        case .teamMember(let decoded): Self.file(decoded, in: &teamMembers, &typedIndices)
        case .record(let decoded): Self.file(decoded, in: &records, &typedIndices)
        case nil: typedIndices.append(-1)
        }
    }

    private static func file<Model>(_ decoded: Decoded<Model>, in list: inout [Decoded<Model>], _ typedIndices: inout [Int32]) {
        typedIndices.append(Int32(list.count))
        list.append(decoded)
    }

    /// `getAutoBootstrappedProperty` for every source (R-SRC-05): the first mapping value naming a
    /// property object whose `sourceId` is this source.
    /// `sources`: the positions of the entries whose `cleanClass` is `source`.
    static func bootstrappedProperties(_ entries: [ConfigEntry], sources: [Int], _ entriesByID: PositionsByID) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for position in sources {
            let source = entries[position]
            guard let sourceID = source.id, case .object(let mapping)? = source.properties["mapping"]?.value else { continue }
            search: for value in mapping.properties {
                guard case .string(let propertyID) = value.value.value else { continue }
                let owned = entriesByID.first(withID: propertyID) { candidate in
                    guard entries[candidate].cleanClass == "property",
                          case .string(let owner)? = entries[candidate].properties["sourceId"]?.value else { return false }
                    return owner == sourceID
                }
                if let owned {
                    result[source.position] = owned
                    break search
                }
            }
        }
        return result
    }
}

/// A value handed to work on another core, which takes it when it starts: a closure holds what it captures until
/// it is freed, after all its work.
private final class Lent<Value>: @unchecked Sendable {
    // Set before the other core starts, taken once there.
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

/// One object as a worker decoded it, ready for `ValidationInputBuilder.add` to file away.
private struct DecodedEntry {
    let entry: ConfigEntry
    let model: DecodedModel?
    let diagnostics: [Diagnostic]
    /// The object's `key || name` when its class is `property` in any letter case (Grouparoo's key
    /// lookup compares `c.class.toLowerCase()`, R-DEP-05, which is how `dispatchClass` reads it), else nil; with
    /// how `PropertyKeyTable` files it.
    let propertyKey: (text: String, hash: PositionsByID.IDKey)?
    /// How the id index files the entry's id.
    let idKey: PositionsByID.IDKey
    /// `NodeLookup.isPlain(entry)`.
    let hasPlainNode: Bool
    /// Whether the entry's `cleanClass` is `source` (whose bootstrapped property is looked for).
    let isSource: Bool

    /// `context`: the worker's, restarted for this object.
    /// `value` is borrowed from the file it was read in: taken as it is, it was copied out first (retaining its parts).
    init(position: Int, file: String, value: borrowing LocatedValue, context: DecodeContext) {
        let keys = TopLevelKeys(value)
        let entry = ConfigEntry(position: position, file: file, value: copy value, keys: keys)
        self.entry = entry
        idKey = PositionsByID.key(of: entry.id)
        hasPlainNode = NodeLookup.isPlain(entry)
        isSource = entry.cleanClass == "source"
        (model, diagnostics) = ConfigObject.decode(value, keys, context: context) { header, reader in
            DecodedModel(header: header, reader: reader, entry: entry)
        }
        if entry.dispatchClass == .property {
            let keyOrName = entry.keyOrName  // two look-ups each time it is read
            let key = keyOrName == "undefined" ? "" : keyOrName
            propertyKey = (key, PositionsByID.key(of: key))
        } else {
            propertyKey = nil
        }
    }
}

/// A typed model with its entry, made on the worker that decoded it.
private enum DecodedModel {
    case setting(Decoded<SettingConfig>)
    case model(Decoded<ModelConfig>)
    case app(Decoded<AppConfig>)
    case source(Decoded<SourceConfig>)
    case property(Decoded<PropertyConfig>)
    case schedule(Decoded<ScheduleConfig>)
    case group(Decoded<GroupConfig>)
    case destination(Decoded<DestinationConfig>)
    case apiKey(Decoded<ApiKeyConfig>)
    case team(Decoded<TeamConfig>)
    case teamMember(Decoded<TeamMemberConfig>)
    case record(Decoded<RecordConfig>)

    /// Decodes the model straight into its wrapper (a `ConfigObject` first would box the model, then copy it out).
    init(header: consuming ConfigObjectHeader, reader: FieldReader, entry: ConfigEntry) {
        switch header.configClass {
        case .setting: self = .setting(Decoded(entry: entry, config: SettingConfig(header: header, reader: reader)))
        case .model: self = .model(Decoded(entry: entry, config: ModelConfig(header: header, reader: reader)))
        case .app: self = .app(Decoded(entry: entry, config: AppConfig(header: header, reader: reader)))
        case .source: self = .source(Decoded(entry: entry, config: SourceConfig(header: header, reader: reader)))
        case .property: self = .property(Decoded(entry: entry, config: PropertyConfig(header: header, reader: reader)))
        case .schedule: self = .schedule(Decoded(entry: entry, config: ScheduleConfig(header: header, reader: reader)))
        case .group: self = .group(Decoded(entry: entry, config: GroupConfig(header: header, reader: reader)))
        case .destination:
            self = .destination(Decoded(entry: entry, config: DestinationConfig(header: header, reader: reader)))
        case .apiKey: self = .apiKey(Decoded(entry: entry, config: ApiKeyConfig(header: header, reader: reader)))
        case .team: self = .team(Decoded(entry: entry, config: TeamConfig(header: header, reader: reader)))
        case .teamMember:
            self = .teamMember(Decoded(entry: entry, config: TeamMemberConfig(header: header, reader: reader)))
        case .record, .profile: self = .record(Decoded(entry: entry, config: RecordConfig(header: header, reader: reader)))
        }
    }
}
