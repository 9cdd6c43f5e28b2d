import ConfigModel
import Foundation

/// The checked-in `.grouparoo-gen.json`: which rules a repository turns off or on, whether
/// warnings fail the run, and which SQL dialect group-rule ops are checked against.
///
///     { "disable": ["template-placeholder"], "enable": ["hardcoded-secret"], "strict": true, "dialect": "postgres",
///       "mode": "config", "ignore": ["legacy/**"] }
struct ProjectSettings {
    static let fileName = ".grouparoo-gen.json"

    var disable: [String] = []
    var enable: [String] = []
    var strict: Bool?
    var dialect: SQLDialect?
    var mode: RunMode?
    /// Types and options of the project's own plugins.
    var customPlugins: PluginCatalog?
    /// Globs of files whose diagnostics are not reported (relative to this file's directory).
    var ignore: [IgnoredPaths.Pattern] = []
    /// Where the settings came from; nil when no file was found.
    var path: String?

    /// The nearest settings file in `directory` or one of its ancestors, stopping at the
    /// repository root (the first directory holding `.git`) so a file elsewhere on the
    /// machine never leaks into a project.
    /// The walk up joins and cuts the standardized path's text: `URL`'s path methods cost more than the rest of
    /// reading the options.
    static func find(startingAt directory: String) -> String? {
        let fileManager = FileManager.default
        var current = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            let folder = current.hasSuffix("/") ? current : current + "/"
            if fileManager.fileExists(atPath: folder + fileName) { return folder + fileName }
            if fileManager.fileExists(atPath: folder + ".git") { return nil }
            guard current != "/", let slash = current.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            current = slash == current.utf8.startIndex ? "/" : String(Substring(current.utf8[..<slash]))
        }
    }

    /// Reads and checks a settings file (JSON; JSON5's comments and trailing commas are accepted
    /// too); every mistake is a usage error naming the file, with line:column where there is one.
    static func load(from path: String) throws(UsageError) -> ProjectSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read \(ControlCharacters.escaped(path))")
        }
        let shownPath = ControlCharacters.escaped(path)
        let parsed = JSON5.parse([UInt8](data), file: path)
        guard let document = parsed.value else {
            let problem = parsed.diagnostics.first
            let position = problem?.span.map { ":\($0.start.line):\($0.start.column)" } ?? ""
            let reason = (problem?.message).map { ": " + ControlCharacters.escaped($0) } ?? ""
            throw UsageError(message: "\(shownPath)\(position): the settings file is not valid JSON\(reason)")
        }
        guard case .object(let members) = document.value else {
            throw UsageError(message: "\(place(path, document)) the settings file must hold a JSON object")
        }
        var settings = ProjectSettings(path: path)
        for property in members.properties.sorted(by: { $0.key < $1.key }) {
            let key = property.key
            let value = property.value
            switch key {
            case "disable": settings.disable = try stringList(value, key: key, path: path)
            case "enable": settings.enable = try stringList(value, key: key, path: path)
            case "strict":
                guard case .boolean(let flag) = value.value else {
                    throw UsageError(message: "\(place(path, value)) \"strict\" must be true or false")
                }
                settings.strict = flag
            case "plugins":
                settings.customPlugins = try CustomPluginSettings.parse(value, path: path)
            case "ignore":
                guard case .array(let items) = value.value else {
                    throw UsageError(message: "\(place(path, value)) \"ignore\" must be a list of path globs")
                }
                for item in items {
                    guard case .string(let glob) = item.value, !glob.isEmpty else {
                        throw UsageError(message: "\(place(path, item)) \"ignore\" must be a list of path globs")
                    }
                    settings.ignore.append(IgnoredPaths.Pattern(text: glob, span: item.span))
                }
            case "dialect":
                guard case .string(let name) = value.value, let dialect = SQLDialect(rawValue: name) else {
                    throw UsageError(message: "\(place(path, value)) \"dialect\" must be \"sqlite\" or \"postgres\"")
                }
                settings.dialect = dialect
            case "mode":
                guard case .string(let name) = value.value, let mode = RunMode(rawValue: name) else {
                    throw UsageError(message: "\(place(path, value)) \"mode\" must be \"validate\" or \"config\"")
                }
                settings.mode = mode
            default:
                let known = ["disable", "enable", "strict", "dialect", "mode", "ignore", "plugins"]
                let hint = ArgumentParser.closestMatches(to: key, in: known, limit: 1).first.map { " (did you mean \"\($0)\"?)" } ?? ""
                let keyPlace = "\(shownPath):\(property.keySpan.start.line):\(property.keySpan.start.column):"
                throw UsageError(message: "\(keyPlace) unknown setting \"\(ControlCharacters.escaped(key))\"\(hint); "
                    + "known settings: \(known.joined(separator: ", "))")
            }
        }
        return settings
    }

    /// `path:line:column:` of a value in the settings file.
    private static func place(_ path: String, _ value: LocatedValue) -> String {
        "\(ControlCharacters.escaped(path)):\(value.span.start.line):\(value.span.start.column):"
    }

    private static func stringList(_ value: LocatedValue, key: String, path: String) throws(UsageError) -> [String] {
        guard case .array(let items) = value.value else {
            throw UsageError(message: "\(place(path, value)) \"\(key)\" must be a list of rule ids")
        }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item.value else {
                throw UsageError(message: "\(place(path, item)) \"\(key)\" must be a list of rule ids")
            }
            strings.append(text)
        }
        return strings
    }
}
