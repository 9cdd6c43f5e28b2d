import ConfigModel
import Foundation

/// The `"plugins"` setting of `.grouparoo-gen.json`: types and options of a project's own plugins, so
/// their apps, sources and destinations are checked instead of reported as `unknown-plugin-type`.
///
///     "plugins": {
///       "apps": [{ "type": "crm", "plugin": "grouparoo-plugin-crm", "options": ["apiKey", "region?"] }],
///       "connections": [{ "type": "crm-import", "direction": "import", "apps": ["crm"], "options": ["list"] }]
///     }
///
/// An option name ending in `?` is optional. `plugin` (the npm package) is checked against package.json
/// like an official plugin's; without it, only the types and options are.
enum CustomPluginSettings {
    static func parse(_ value: LocatedValue, path: String) throws(UsageError) -> PluginCatalog {
        guard case .object(let members) = value.value else { throw problem(path, value, "must be an object with \"apps\" and \"connections\"") }
        var apps: [ConfigModel.PluginApp] = []
        var connections: [PluginConnection] = []
        for property in members.properties {
            // A misspelt key would leave the plugin undeclared without a word, so every key is checked.
            guard let entryKeys = entryKeys[property.key] else {
                throw problem(path, property.keySpan, "unknown key \"\(ControlCharacters.escaped(property.key))\"; use \"apps\" and \"connections\"")
            }
            guard case .array(let items) = property.value.value else {
                throw problem(path, property.value, "\"\(property.key)\" must be a list of objects")
            }
            for item in items {
                guard case .object(let fields) = item.value, let type = string(fields["type"]) else {
                    throw problem(path, item, "each entry needs a \"type\"")
                }
                if let unknown = fields.properties.first(where: { !entryKeys.contains($0.key) }) {
                    throw problem(path, unknown.keySpan, "entry has an unknown key \"\(ControlCharacters.escaped(unknown.key))\"; "
                                  + "an entry of \"\(property.key)\" takes \(entryKeys.joined(separator: ", "))")
                }
                let plugin = string(fields["plugin"]) ?? ""
                let options = try optionList(fields["options"], path: path)
                if property.key == "apps" {
                    apps.append(ConfigModel.PluginApp.custom(type: type, plugin: plugin, options: options))
                    continue
                }
                guard let direction = string(fields["direction"]).flatMap(ConnectionDirection.init(rawValue:)) else {
                    throw problem(path, item, "a connection needs \"direction\": \"import\" or \"export\"")
                }
                let appTypes = try stringList(fields["apps"], path: path, what: "\"apps\"")
                connections.append(.custom(type: type, plugin: plugin, direction: direction, apps: appTypes, options: options,
                                           scheduleOptions: try optionList(fields["scheduleOptions"], path: path)))
            }
        }
        return PluginCatalog(apps: apps, connections: connections)
    }

    /// The keys an entry of each list takes.
    private static let entryKeys: [String: [String]] = [
        "apps": ["type", "plugin", "options"],
        "connections": ["type", "plugin", "direction", "apps", "options", "scheduleOptions"],
    ]

    private static func optionList(_ value: LocatedValue?, path: String) throws(UsageError) -> [PluginOption] {
        try stringList(value, path: path, what: "options").map { name in
            name.hasSuffix("?") ? .optional(String(name.dropLast())) : .required(name)
        }
    }

    private static func stringList(_ value: LocatedValue?, path: String, what: String) throws(UsageError) -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value.value else { throw problem(path, value, "\(what) must be a list of names") }
        var names: [String] = []
        for item in items {
            guard let name = string(item) else { throw problem(path, item, "\(what) must be a list of names") }
            names.append(name)
        }
        return names
    }

    private static func string(_ value: LocatedValue?) -> String? {
        if case .string(let text)? = value?.value, !text.isEmpty { return text }
        return nil
    }

    private static func problem(_ path: String, _ value: LocatedValue, _ message: String) -> UsageError {
        problem(path, value.span, message)
    }

    private static func problem(_ path: String, _ span: SourceSpan, _ message: String) -> UsageError {
        UsageError(message: "\(ControlCharacters.escaped(path)):\(span.start.line):\(span.start.column): \"plugins\" \(message)")
    }
}
