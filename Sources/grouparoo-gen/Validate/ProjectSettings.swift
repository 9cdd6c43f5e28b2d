import ConfigModel
import Foundation

/// The checked-in `.grouparoo-gen.json`: which rules a repository turns off or on, whether
/// warnings fail the run, and which SQL dialect group-rule ops are checked against.
///
///     { "disable": ["unreferenced-property"], "enable": ["hard-coded-secret"], "strict": true, "dialect": "postgres" }
struct ProjectSettings: Equatable {
    static let fileName = ".grouparoo-gen.json"

    var disable: [String] = []
    var enable: [String] = []
    var strict: Bool?
    var dialect: SQLDialect?
    /// Where the settings came from; nil when no file was found.
    var path: String?

    /// The nearest settings file in `directory` or one of its ancestors, stopping at the
    /// repository root (the first directory holding `.git`) so a file elsewhere on the
    /// machine never leaks into a project.
    static func find(startingAt directory: String) -> String? {
        let fileManager = FileManager.default
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if fileManager.fileExists(atPath: candidate) { return candidate }
            if fileManager.fileExists(atPath: current.appendingPathComponent(".git").path) { return nil }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Reads and checks a settings file; every mistake is a usage error naming the file.
    static func load(from path: String) throws(UsageError) -> ProjectSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read \(path)")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw UsageError(message: "\(path) is not valid JSON")
        }
        guard let members = parsed as? [String: Any] else {
            throw UsageError(message: "\(path) must hold a JSON object")
        }
        var settings = ProjectSettings(path: path)
        for key in members.keys.sorted() {
            let value = members[key]!
            switch key {
            case "disable": settings.disable = try stringList(value, key: key, path: path)
            case "enable": settings.enable = try stringList(value, key: key, path: path)
            case "strict":
                // JSONSerialization gives NSNumber for numbers and booleans alike; booleans have type code "c".
                guard let number = value as? NSNumber, String(cString: number.objCType) == "c" else {
                    throw UsageError(message: "\(path): \"strict\" must be true or false")
                }
                settings.strict = number.boolValue
            case "dialect":
                guard let name = value as? String, let dialect = SQLDialect(rawValue: name) else {
                    throw UsageError(message: "\(path): \"dialect\" must be \"sqlite\" or \"postgres\"")
                }
                settings.dialect = dialect
            default:
                let known = ["disable", "enable", "strict", "dialect"]
                let hint = ArgumentParser.closestMatches(to: key, in: known, limit: 1).first.map { " (did you mean \"\($0)\"?)" } ?? ""
                throw UsageError(message: "\(path): unknown setting \"\(key)\"\(hint); known settings: \(known.joined(separator: ", "))")
            }
        }
        return settings
    }

    private static func stringList(_ value: Any, key: String, path: String) throws(UsageError) -> [String] {
        guard let list = value as? [Any], let strings = list as? [String], strings.count == list.count else {
            throw UsageError(message: "\(path): \"\(key)\" must be a list of rule ids")
        }
        return strings
    }
}
