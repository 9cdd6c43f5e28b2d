/// Each object whose `options` a plugin defines, with the option list that applies (R-OPT-02..04):
/// apps by their type, sources and destinations by their connection, properties and schedules by
/// their source's connection. Auto-bootstrapped properties are skipped: Grouparoo does not validate
/// them again (R-PROP-02).
struct PluginOptionTarget {
    let entry: ConfigEntry
    /// `app`, `source`, `destination`, `property` or `schedule`, as Grouparoo's messages spell it.
    let modelName: String
    /// The plugin type named in messages (a property's and schedule's is the source's type).
    let type: String
    let definitions: [PluginOption]
    let options: Field<JSObject>?
    /// Grouparoo's `name || key` label.
    let label: String
    /// Option values Grouparoo validates: `undefined` and `null` are dropped, property values become strings
    /// (so `false` and `0` are present), and then `""` is dropped too (R-OPT-05, R-PROP-09).
    let providedOptions: [JSProperty]
    /// The definitions that apply given the other values (e.g. `sortColumn` only for some aggregations).
    let applicableDefinitions: [PluginOption]

    /// Works out the provided options and applicable definitions once: three rules read them for every object.
    /// `stringifiesValues`: property option values are converted with `.toString()` before validation (R-PROP-09).
    init(entry: ConfigEntry, modelName: String, type: String, definitions: [PluginOption], options: Field<JSObject>?,
         label: String, stringifiesValues: Bool = false) {
        self.entry = entry
        self.modelName = modelName
        self.type = type
        self.definitions = definitions
        self.options = options
        self.label = label
        let provided = Self.provided(options, stringifiesValues: stringifiesValues)
        providedOptions = provided
        applicableDefinitions = Self.applicable(definitions, provided: provided)
    }

    private static func provided(_ options: Field<JSObject>?, stringifiesValues: Bool) -> [JSProperty] {
        (options?.value.properties ?? []).compactMap { property in
            var property = property
            switch property.value.value {
            case .undefined, .null:
                return nil
            case .string:
                break
            case let value where stringifiesValues:
                property.value = LocatedValue(.string(JavaScriptValues.string(value)), span: property.value.span)
            default:
                return property
            }
            if case .string(let text) = property.value.value, text.isEmpty { return nil }
            return property
        }
    }

    private static func applicable(_ definitions: [PluginOption], provided: [JSProperty]) -> [PluginOption] {
        // Most definitions apply whatever the values; the value table is built only when one depends on them.
        guard definitions.contains(where: { $0.onlyWhenKey != nil }) else { return definitions }
        let values = Dictionary(provided.map { ($0.key, JavaScriptValues.string($0.value.value)) },
                                uniquingKeysWith: { first, _ in first })
        return definitions.filter { definition in
            guard let key = definition.onlyWhenKey else { return true }
            return values[key].map(definition.onlyWhenValues.contains) ?? false
        }
    }

    static func all(in config: ValidationInput, plugins: PluginCatalog) -> [PluginOptionTarget] {
        var targets: [PluginOptionTarget] = []
        for app in config.apps {
            guard let type = app.config.type?.value, let plugin = plugins.apps[type] else { continue }
            targets.append(PluginOptionTarget(entry: app.entry, modelName: "app", type: type, definitions: plugin.options,
                                              options: app.config.options, label: app.entry.nameOrKey))
        }
        for source in config.sources {
            guard let type = source.config.type?.value, let connection = plugins.connections[type] else { continue }
            targets.append(PluginOptionTarget(entry: source.entry, modelName: "source", type: type,
                                              definitions: connection.options, options: source.config.options,
                                              label: source.entry.nameOrKey))
        }
        for destination in config.destinations {
            guard let type = destination.config.type?.value, let connection = plugins.connections[type] else { continue }
            targets.append(PluginOptionTarget(entry: destination.entry, modelName: "destination", type: type,
                                              definitions: connection.options, options: destination.config.options,
                                              label: destination.entry.nameOrKey))
        }
        for property in config.properties where !config.isBootstrapped(property.entry) {
            guard let (type, connection) = sourceConnection(property.config.sourceId, config, plugins),
                  let definitions = connection.propertyOptions else { continue }
            targets.append(PluginOptionTarget(entry: property.entry, modelName: "property", type: type,
                                              definitions: definitions, options: property.config.options,
                                              label: property.config.effectiveKey, stringifiesValues: true))
        }
        for schedule in config.schedules {
            guard let (type, connection) = sourceConnection(schedule.config.sourceId, config, plugins),
                  let source = schedule.config.sourceId.flatMap({ config.source(id: $0.value) }) else { continue }
            // An empty name becomes `${source.name} schedule` before validation (R-SCH-04).
            targets.append(PluginOptionTarget(entry: schedule.entry, modelName: "schedule", type: type,
                                              definitions: connection.scheduleOptions, options: schedule.config.options,
                                              label: schedule.config.effectiveName(sourceName: source.config.effectiveName)))
        }
        return targets
    }

    static func sourceConnection(_ sourceID: Field<String>?, _ config: ValidationInput,
                                 _ plugins: PluginCatalog) -> (String, PluginConnection)? {
        guard let source = sourceID.flatMap({ config.source(id: $0.value) }), let type = source.config.type?.value,
              let connection = plugins.connections[type] else { return nil }
        return (type, connection)
    }
}
