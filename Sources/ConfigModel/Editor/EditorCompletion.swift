/// One completion an editor offers.
public struct EditorCompletionItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case configClass, key, value, reference
    }

    public let label: String
    public let kind: Kind
    public let detail: String

    public init(_ label: String, _ kind: Kind, detail: String) {
        self.label = label
        self.kind = kind
        self.detail = detail
    }
}

/// Completion candidates: class names, the keys a class allows, plugin `type`s and their option keys,
/// enum values, and ids of the right class for reference keys (from the last rules pass, `config`).
public enum EditorCompletion {
    public static func candidates(_ context: EditorTextContext, config: ValidationInput?,
                                  plugins: PluginCatalog = .bundled) -> [EditorCompletionItem] {
        let items: [EditorCompletionItem]
        switch context.slot {
        case .key(let prefix):
            items = keys(context, config: config, plugins: plugins).filter { $0.label.hasPrefix(prefix) }
        case .value(let key, let prefix):
            items = values(for: key, context, config: config, plugins: plugins).filter { $0.label.hasPrefix(prefix) }
        }
        var seen = Set<String>()
        return items.filter { seen.insert($0.label).inserted }
    }

    private static func keys(_ context: EditorTextContext, config: ValidationInput?,
                             plugins: PluginCatalog) -> [EditorCompletionItem] {
        guard let configClass = context.objectClass.flatMap(ConfigClass.init(raw:)) else {
            return context.path.isEmpty ? [EditorCompletionItem("class", .key, detail: "the config object's class")] : []
        }
        switch context.path {
        case []:
            let keys = ["class"] + configClass.allowedKeys.filter { !managedColumns.contains($0) }
            return keys.map { EditorCompletionItem($0, .key, detail: "\(configClass.preferredSpelling) key") }
        case ["options"]:
            return pluginOptions(configClass, context, config: config, plugins: plugins).map { option in
                EditorCompletionItem(option.key, .key, detail: option.isRequired ? "required option" : "option")
            }
        case ["rules"]:
            return ["propertyId", "op", "match", "relativeMatchNumber", "relativeMatchUnit", "relativeMatchDirection"]
                .map { EditorCompletionItem($0, .key, detail: "group rule key") }
        default:
            return []
        }
    }

    private static func values(for key: String, _ context: EditorTextContext, config: ValidationInput?,
                               plugins: PluginCatalog) -> [EditorCompletionItem] {
        let configClass = context.objectClass.flatMap(ConfigClass.init(raw:))
        if context.path == ["mapping"] { return ids(ofClass: "property", config: config) }
        if context.path == ["destinationGroupMemberships"] { return ids(ofClass: "group", config: config) }
        if context.path == ["options"], let configClass {
            let option = pluginOptions(configClass, context, config: config, plugins: plugins).first { $0.key == key }
            return (option?.allowedValues ?? []).map { EditorCompletionItem($0, .value, detail: "\(key) value") }
        }
        if ReferenceCollector.isIDKey(key) { return ids(ofClass: ReferenceCollector.prefix(of: key), config: config) }
        switch (context.path, key) {
        case (["rules"], "op"): return enumValues(GroupRuleOp.allCases.map(\.rawValue), key)
        case (["filters"], "op"): return enumValues(FilterOp.allCases.map(\.rawValue), key)
        case (_, "relativeMatchUnit"): return enumValues(RelativeMatchUnit.allCases.map(\.rawValue), key)
        case (_, "relativeMatchDirection"): return enumValues(RelativeMatchDirection.allCases.map(\.rawValue), key)
        default: break
        }
        guard context.path.isEmpty else { return [] }
        switch (key, configClass) {
        case ("class", _):
            return ConfigClass.allCases.filter { !$0.isDeprecated }
                .map { EditorCompletionItem($0.preferredSpelling, .configClass, detail: "config class") }
        case ("type", .app?):
            return plugins.appTypeNames.map { EditorCompletionItem($0, .value, detail: plugins.apps[$0]?.plugin ?? "app type") }
        case ("type", .source?), ("type", .destination?):
            let direction: ConnectionDirection = configClass == .source ? .importing : .exporting
            return plugins.connectionTypeNames.compactMap { name in
                guard let connection = plugins.connections[name], connection.direction == direction else { return nil }
                return EditorCompletionItem(name, .value, detail: connection.plugin)
            }
        case ("type", .property?): return enumValues(PropertyType.allCases.map(\.rawValue), key)
        case ("type", .model?): return enumValues(ModelType.allCases.map(\.rawValue), key)
        case ("syncMode", _): return enumValues(SyncMode.allCases.map(\.rawValue), key)
        case ("collection", _): return enumValues(DestinationCollection.allCases.map(\.rawValue), key)
        default: return []
        }
    }

    /// The options the object's plugin type takes: the app's or connection's, or for a property or schedule,
    /// those its source's connection declares.
    private static func pluginOptions(_ configClass: ConfigClass, _ context: EditorTextContext,
                                      config: ValidationInput?, plugins: PluginCatalog) -> [PluginOption] {
        switch configClass {
        case .app: return context.objectType.flatMap { plugins.apps[$0]?.options } ?? []
        case .source, .destination: return context.objectType.flatMap { plugins.connections[$0]?.options } ?? []
        case .property, .schedule:
            guard let sourceID = context.objectSourceID, let sourceType = config?.source(id: sourceID)?.entry.properties["type"],
                  case .string(let type) = sourceType.value, let connection = plugins.connections[type] else { return [] }
            return configClass == .property ? connection.propertyOptions ?? [] : connection.scheduleOptions
        default: return []
        }
    }

    private static func ids(ofClass targetClass: String, config: ValidationInput?) -> [EditorCompletionItem] {
        let wanted = targetClass.lowercased()
        return (config?.entries ?? []).compactMap { entry in
            guard entry.cleanClass == wanted, let id = entry.id else { return nil }
            let name = entry.keyOrName == "undefined" ? "" : " " + entry.keyOrName
            return EditorCompletionItem(id, .reference, detail: "\(entry.displayClass ?? targetClass)\(name)")
        }
    }

    private static func enumValues(_ values: [String], _ key: String) -> [EditorCompletionItem] {
        values.map { EditorCompletionItem($0, .value, detail: "\(key) value") }
    }

    /// Columns Grouparoo manages itself; accepted, but never written by hand.
    private static let managedColumns: Set<String> = ["locked", "state", "createdAt", "updatedAt", "passwordHash",
                                                       "lastLoginAt", "calculatedAt", "isPrimaryKey", "invalid"]
}
