/// Each object whose `options` a plugin defines, with the option list that applies (R-OPT-02..04):
/// apps by their type, sources and destinations by their connection, properties and schedules by
/// their source's connection. Auto-bootstrapped properties are skipped: Grouparoo does not validate
/// them again (R-PROP-02).
struct PluginOptionTarget {
    let entry: ConfigEntry
    /// The plugin type named in messages (a property's and schedule's is the source's type).
    let type: String
    let options: Field<JSObject>?
    /// Grouparoo's `name || key` label.
    let label: String
    /// Option values Grouparoo validates: `undefined` and `null` are dropped, property values become strings
    /// (so `false` and `0` are present), and then `""` is dropped too (R-OPT-05, R-PROP-09).
    let providedOptions: [JSProperty]
    /// The definitions that apply given the other values (e.g. `sortColumn` only for some aggregations).
    let applicableDefinitions: [PluginOption]

    /// `app`, `source`, `destination`, `property` or `schedule`, as Grouparoo's messages spell it: the entry's
    /// class (targets are kept for the whole run, and a stored copy cost 16 bytes each).
    var modelName: String { entry.dispatchClass?.preferredSpelling ?? "object" }

    /// Works out the provided options and applicable definitions once: three rules read them for every object.
    /// `stringifiesValues`: property option values are converted with `.toString()` before validation (R-PROP-09).
    init(entry: ConfigEntry, type: String, definitions: [PluginOption], options: Field<JSObject>?,
         label: String, stringifiesValues: Bool = false, lists: ApplicableLists) {
        self.entry = entry
        self.type = type
        self.options = options
        self.label = label
        let provided = Self.provided(options, stringifiesValues: stringifiesValues)
        providedOptions = provided
        applicableDefinitions = Self.applicable(definitions, provided: provided, lists: lists)
    }

    private static func provided(_ options: Field<JSObject>?, stringifiesValues: Bool) -> [JSProperty] {
        let properties = options?.value.properties ?? []
        // Most objects write every option as a non-empty string: the target then shares the object's own
        // list instead of holding a copy for the whole run.
        if properties.allSatisfy({ isValidatedAsWritten($0.value.value, stringifiesValues: stringifiesValues) }) {
            return properties
        }
        var provided: [JSProperty] = []
        provided.reserveCapacity(properties.count)  // `compactMap` grew its room as it went
        for index in properties.indices {
            var property = properties[index]
            switch property.value.value {
            case .undefined, .null:
                continue
            case .string:
                break
            case let value where stringifiesValues:
                property.replaceValue(LocatedValue(.string(JavaScriptValues.string(value)), span: property.value.span))
            default:
                provided.append(property)
                continue
            }
            if case .string(let text) = property.value.value, text.isEmpty { continue }
            provided.append(property)
        }
        return provided
    }

    /// Whether Grouparoo validates the value as it is written: nothing dropped, nothing converted.
    private static func isValidatedAsWritten(_ value: JSValue, stringifiesValues: Bool) -> Bool {
        switch value {
        case .undefined, .null: return false
        case .string(let text): return !text.isEmpty
        default: return !stringifiesValues
        }
    }

    private static func applicable(_ definitions: [PluginOption], provided: [JSProperty], lists: ApplicableLists) -> [PluginOption] {
        // Most definitions apply whatever the values; an object provides few options, so the one a definition
        // depends on is found by a scan (the first with the key) rather than a table of every value.
        guard definitions.contains(where: { $0.onlyWhenKey != nil }) else { return definitions }
        return lists.list(definitions) { definition in
            guard let key = definition.onlyWhenKey else { return true }
            guard let index = provided.firstIndex(where: { $0.key == key }) else { return false }
            return definition.onlyWhenValues.contains(JavaScriptValues.string(provided[index].value.value))
        }
    }

    static func all(in config: ValidationInput, plugins: PluginCatalog) -> [PluginOptionTarget] {
        let counts = [config.apps.count, config.sources.count, config.destinations.count, config.properties.count,
                      config.schedules.count]
        // Working out an object's provided options and applicable definitions does not depend on the others
        // and costs as much as a rule, so the objects (in this order: apps, sources, …) are spread over the cores.
        var targets = LargeStack.parallelMap(counts.reduce(0, +), minimumPerWorker: 256,
                                             makeState: { (ApplicableLists(), SourceConnectionMemo()) }) { index, state -> PluginOptionTarget? in
            let (lists, sources) = state
            var (list, position) = (0, index)
            while position >= counts[list] {
                position -= counts[list]
                list += 1
            }
            // Each object unretained: both cores read the lists, and a retain per object made the other wait.
            switch list {
            case 0: return config.apps.withUnretained(at: position) { app($0, plugins, lists) }
            case 1: return config.sources.withUnretained(at: position) { source($0, plugins, lists) }
            case 2: return config.destinations.withUnretained(at: position) { destination($0, plugins, lists) }
            case 3: return config.properties.withUnretained(at: position) { property($0, config, plugins, lists, sources) }
            default: return config.schedules.withUnretained(at: position) { schedule($0, config, plugins, lists, sources) }
            }
        }
        // Kept for the whole run: room for exactly the targets there are (`compactMap` doubles its room as it goes).
        // Each is moved out, not copied (a copy retained its parts, and freeing `targets` released them again).
        var found: [PluginOptionTarget] = []
        found.reserveCapacity(targets.reduce(0) { $1 == nil ? $0 : $0 + 1 })
        for index in targets.indices {
            if let target = targets[index].take() { found.append(target) }
        }
        return found
    }

    static func app(_ app: Decoded<AppConfig>, _ plugins: PluginCatalog,
                    _ lists: ApplicableLists = ApplicableLists()) -> PluginOptionTarget? {
        guard let type = app.config.type?.value, let plugin = plugins.apps[type] else { return nil }
        return PluginOptionTarget(entry: app.entry, type: type, definitions: plugin.options,
                                  options: app.config.options, label: app.entry.nameOrKey, lists: lists)
    }

    static func source(_ source: Decoded<SourceConfig>, _ plugins: PluginCatalog,
                       _ lists: ApplicableLists = ApplicableLists()) -> PluginOptionTarget? {
        guard let type = source.config.type?.value, let connection = plugins.connections[type] else { return nil }
        return PluginOptionTarget(entry: source.entry, type: type, definitions: connection.options,
                                  options: source.config.options, label: source.entry.nameOrKey, lists: lists)
    }

    static func destination(_ destination: Decoded<DestinationConfig>, _ plugins: PluginCatalog,
                            _ lists: ApplicableLists = ApplicableLists()) -> PluginOptionTarget? {
        guard let type = destination.config.type?.value, let connection = plugins.connections[type] else { return nil }
        return PluginOptionTarget(entry: destination.entry, type: type,
                                  definitions: connection.options, options: destination.config.options,
                                  label: destination.entry.nameOrKey, lists: lists)
    }

    static func property(_ property: Decoded<PropertyConfig>, _ config: ValidationInput,
                         _ plugins: PluginCatalog, _ lists: ApplicableLists = ApplicableLists(),
                         _ sources: SourceConnectionMemo = SourceConnectionMemo()) -> PluginOptionTarget? {
        guard !config.isBootstrapped(property.entry),
              case let (type, definitions?, _)? = sources.options(property.config.sourceId, config, plugins) else { return nil }
        return PluginOptionTarget(entry: property.entry, type: type, definitions: definitions,
                                  options: property.config.options, label: property.config.effectiveKey,
                                  stringifiesValues: true, lists: lists)
    }

    static func schedule(_ schedule: Decoded<ScheduleConfig>, _ config: ValidationInput,
                         _ plugins: PluginCatalog, _ lists: ApplicableLists = ApplicableLists(),
                         _ sources: SourceConnectionMemo = SourceConnectionMemo()) -> PluginOptionTarget? {
        guard let (type, _, definitions) = sources.options(schedule.config.sourceId, config, plugins),
              let source = schedule.config.sourceId.flatMap({ config.source(id: $0.value) }) else { return nil }
        // An empty name becomes `${source.name} schedule` before validation (R-SCH-04).
        return PluginOptionTarget(entry: schedule.entry, type: type,
                                  definitions: definitions, options: schedule.config.options,
                                  label: schedule.config.effectiveName(sourceName: source.config.effectiveName), lists: lists)
    }

    static func sourceConnection(_ sourceID: Field<String>?, _ config: ValidationInput,
                                 _ plugins: PluginCatalog) -> (String, PluginConnection)? {
        guard let source = sourceID.flatMap({ config.source(id: $0.value) }), let type = source.config.type?.value,
              let connection = plugins.connections[type] else { return nil }
        return (type, connection)
    }
}

/// What option targets need of the connection of the last source id one worker asked about: a source's properties
/// are neighbours, and each look-up found the source by id, hashed its type and copied the whole connection out
/// (some 1,200 instructions a property).
final class SourceConnectionMemo {
    /// A source's type and the option lists of its properties and schedules.
    typealias SourceOptions = (type: String, propertyOptions: [PluginOption]?, scheduleOptions: [PluginOption])

    // One worker's, on one thread (the run-time exclusivity check cost a call per access).
    @exclusivity(unchecked) private var lastID: String?
    @exclusivity(unchecked) private var last: SourceOptions?

    /// `PluginOptionTarget.sourceConnection`'s type and option lists.
    func options(_ sourceID: Field<String>?, _ config: ValidationInput, _ plugins: PluginCatalog) -> SourceOptions? {
        // The answer depends on the id alone; equal ids (as `String` compares them) find the same source.
        if let id = sourceID?.value, let lastID, id == lastID { return last }
        if let (type, connection) = PluginOptionTarget.sourceConnection(sourceID, config, plugins) {
            last = (type, connection.propertyOptions, connection.scheduleOptions)
        } else {
            last = nil
        }
        lastID = sourceID?.value
        return last
    }
}

/// The applicable-definition lists one worker made, so objects whose deciding values agree share one list
/// (a list per object cost ~130 bytes, kept for the whole run).
final class ApplicableLists {
    private struct Key: Hashable {
        let definitions: UnsafeRawPointer?
        let applies: UInt64
    }

    // Each list keeps the definitions it was made from, so no other list can take their address meanwhile.
    // One worker's, on one thread: the run-time exclusivity check cost a call per object.
    @exclusivity(unchecked) private var made: [Key: (definitions: [PluginOption], applicable: [PluginOption])] = [:]
    /// The last list asked for: a source's properties are neighbours and nearly always get the same one, which is then
    /// found without hashing the key.
    @exclusivity(unchecked) private var last: (key: Key, applicable: [PluginOption])?

    /// `definitions.filter(applies)`, shared with earlier calls that gave the same definitions and the same answers.
    func list(_ definitions: [PluginOption], applies: (PluginOption) -> Bool) -> [PluginOption] {
        guard definitions.count <= UInt64.bitWidth else { return definitions.filter(applies) }
        var mask: UInt64 = 0
        for index in definitions.indices where applies(definitions[index]) { mask |= 1 << index }
        let key = Key(definitions: definitions.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, applies: mask)
        if let last, last.key == key { return last.applicable }
        let applicable: [PluginOption]
        if let found = made[key] {
            applicable = found.applicable
        } else {
            applicable = definitions.indices.filter { mask & 1 << $0 != 0 }.map { definitions[$0] }
            made[key] = (definitions, applicable)
        }
        last = (key, applicable)
        return applicable
    }
}
