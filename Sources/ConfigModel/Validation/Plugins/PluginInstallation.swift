/// Which plugins a Grouparoo project loads: the `grouparoo.plugins` list of its package.json, which
/// Grouparoo itself reads (`getPluginManifest`), and its dependencies, to say what is missing where.
public struct PluginInstallation: Sendable, Equatable {
    /// The package.json this came from.
    public let path: String
    /// `grouparoo.plugins`: the plugins Grouparoo loads.
    public let listed: Set<String>
    /// `dependencies` and `devDependencies`.
    public let dependencies: Set<String>

    /// Reads a package.json; nil when it has no `grouparoo.plugins` list (then it does not say which
    /// plugins are loaded, and nothing is checked against it).
    public static func read(packageJSON bytes: [UInt8], path: String) -> PluginInstallation? {
        guard case .object(let package)? = JSON5.parse(bytes, file: path).value?.value,
              case .object(let grouparoo)? = package["grouparoo"]?.value,
              case .array(let plugins)? = grouparoo["plugins"]?.value else { return nil }
        let listed = plugins.compactMap { item -> String? in
            if case .string(let name) = item.value { return name }
            return nil
        }
        var dependencies: Set<String> = []
        for key in ["dependencies", "devDependencies"] {
            if case .object(let names)? = package[key]?.value { dependencies.formUnion(names.keys) }
        }
        return PluginInstallation(path: path, listed: Set(listed), dependencies: dependencies)
    }

    public init(path: String, listed: Set<String>, dependencies: Set<String>) {
        self.path = path
        self.listed = listed
        self.dependencies = dependencies
    }
}

extension PluginApp {
    /// An app type a project's own (custom) plugin provides, declared in `.grouparoo-gen.json`.
    public static func custom(type: String, plugin: String, options: [PluginOption]) -> PluginApp {
        PluginApp(type: type, plugin: plugin, options: options)
    }
}

extension PluginConnection {
    /// A connection a project's own plugin provides. Its property options are not known (not checked);
    /// a source accepts schedules (with these options) and filters, since nothing says otherwise.
    public static func custom(type: String, plugin: String, direction: ConnectionDirection, apps: [String],
                              options: [PluginOption], scheduleOptions: [PluginOption]) -> PluginConnection {
        PluginConnection(type: type, plugin: plugin, direction: direction, apps: apps, options: options,
                         scheduleOptions: scheduleOptions,
                         features: direction == .importing ? [.schedules, .incrementalSchedules, .filters] : [])
    }
}
