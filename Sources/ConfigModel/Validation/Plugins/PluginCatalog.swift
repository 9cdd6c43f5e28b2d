/// One option a plugin app, connection, property or schedule accepts (R-OPT-02..04).
public struct PluginOption: Sendable, Hashable {
    public let key: String
    public let isRequired: Bool
    /// The complete list of accepted values when the plugin declares it statically; empty otherwise.
    public let allowedValues: [String]
    /// The option exists (and is required) only when another option has one of these values,
    /// e.g. `sortColumn` only for the "most recent value" aggregation.
    public let onlyWhenKey: String?
    public let onlyWhenValues: [String]

    public static func required(_ key: String, values: [String] = [], onlyWhen: (String, [String])? = nil) -> PluginOption {
        PluginOption(key: key, isRequired: true, allowedValues: values, onlyWhen: onlyWhen)
    }

    public static func optional(_ key: String, values: [String] = [], onlyWhen: (String, [String])? = nil) -> PluginOption {
        PluginOption(key: key, isRequired: false, allowedValues: values, onlyWhen: onlyWhen)
    }

    init(key: String, isRequired: Bool, allowedValues: [String], onlyWhen: (String, [String])?) {
        self.key = key
        self.isRequired = isRequired
        self.allowedValues = allowedValues
        self.onlyWhenKey = onlyWhen?.0
        self.onlyWhenValues = onlyWhen?.1 ?? []
    }
}

/// An app type a plugin registers, e.g. `postgres`.
public struct PluginApp: Sendable {
    public let type: String
    public let plugin: String
    public let options: [PluginOption]
    /// The app implements `appQuery`, which an app `refresh` query needs (R-APP-11).
    public let supportsRefreshQuery: Bool

    init(type: String, plugin: String, options: [PluginOption], supportsRefreshQuery: Bool = false) {
        self.type = type
        self.plugin = plugin
        self.options = options
        self.supportsRefreshQuery = supportsRefreshQuery
    }
}

/// Which way a connection moves records: sources import, destinations export.
public enum ConnectionDirection: String, Sendable {
    case importing = "import"
    case exporting = "export"
}

/// Capabilities of a connection that decide offline-checkable rules.
public struct ConnectionFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The source can have a schedule (`importRecords`, R-SCH-05).
    public static let schedules = ConnectionFeatures(rawValue: 1 << 0)
    /// `incremental: true` schedules are supported (R-SCH-06).
    public static let incrementalSchedules = ConnectionFeatures(rawValue: 1 << 1)
    /// The source has a preview and does not skip mapping, so it needs a one-entry `mapping` (R-SRC-10).
    public static let requiresMapping = ConnectionFeatures(rawValue: 1 << 2)
    /// Property and schedule `filters` are accepted (R-PROP-11).
    public static let filters = ConnectionFeatures(rawValue: 1 << 3)
}

/// A connection type a plugin registers, e.g. `postgres-import-table`.
public struct PluginConnection: Sendable {
    public let type: String
    public let plugin: String
    public let direction: ConnectionDirection
    /// App types this connection works with (R-SRC-03d).
    public let apps: [String]
    public let options: [PluginOption]
    /// Options of properties of a source of this type; `nil` when not known statically.
    public let propertyOptions: [PluginOption]?
    /// Options of schedules of a source of this type; empty means none are allowed (R-SCH-09).
    public let scheduleOptions: [PluginOption]
    /// Sync modes a destination supports; empty means the connection declares none.
    public let syncModes: [String]
    public let defaultSyncMode: String?
    public let features: ConnectionFeatures

    init(type: String, plugin: String, direction: ConnectionDirection, apps: [String], options: [PluginOption],
         propertyOptions: [PluginOption]? = nil, scheduleOptions: [PluginOption] = [],
         syncModes: [String] = [], defaultSyncMode: String? = nil, features: ConnectionFeatures) {
        self.type = type
        self.plugin = plugin
        self.direction = direction
        self.apps = apps
        self.options = options
        self.propertyOptions = propertyOptions
        self.scheduleOptions = scheduleOptions
        self.syncModes = syncModes
        self.defaultSyncMode = defaultSyncMode
        self.features = features
    }
}

/// The plugin apps and connections validation checks `type` and `options` against.
/// The table is compiled in (see `Scripts/generate-plugin-table.py`), so a copied binary needs no data files.
public struct PluginCatalog: Sendable {
    public let apps: [String: PluginApp]
    public let connections: [String: PluginConnection]

    public init(apps: [PluginApp], connections: [PluginConnection]) {
        // Room for every type at once: growing step by step rehashed the catalog's tables a dozen times at start-up.
        var appsByType = [String: PluginApp](minimumCapacity: apps.count)
        for app in apps where appsByType[app.type] == nil { appsByType[app.type] = app }
        var connectionsByType = [String: PluginConnection](minimumCapacity: connections.count)
        for connection in connections where connectionsByType[connection.type] == nil {
            connectionsByType[connection.type] = connection
        }
        self.apps = appsByType
        self.connections = connectionsByType
    }

    /// Every official plugin of Grouparoo 0.9.
    public static let bundled: PluginCatalog = officialPlugins

    /// This catalog plus the other's apps and connections (this one wins on a clash).
    public func merging(_ other: PluginCatalog) -> PluginCatalog {
        PluginCatalog(apps: Array(apps.values) + Array(other.apps.values),
                      connections: Array(connections.values) + Array(other.connections.values))
    }

    /// Sorted app type names, as Grouparoo lists them in "Current apps installed are: …".
    public var appTypeNames: [String] { apps.keys.sorted() }

    /// Sorted connection type names.
    public var connectionTypeNames: [String] { connections.keys.sorted() }
}
