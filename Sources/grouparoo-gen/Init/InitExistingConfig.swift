import ConfigModel
import Foundation

/// The objects an existing `config/` already defines, read statically, so `init` does not add a
/// second object with the same id (or, within a class, the same name) under another file name —
/// which `validate` would report as `duplicate-id` / `duplicate-name`.
struct InitExistingConfig {
    struct Definition: Equatable {
        /// "model mod_profiles", "model named \"Profiles\"".
        var what: String
        /// Absolute path of the file defining it.
        var file: String
    }

    /// Keyed by `id|class|id` and `name|class|lower-cased name`.
    private var definitions: [String: Definition] = [:]

    init() {}

    /// Reads `configDirectory` when it exists (an empty index otherwise).
    init(configDirectory: String, environment: [String: String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configDirectory, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let read = ConfigReader(options: ReaderOptions(environment: environment)).readDirectory(at: configDirectory)
        for file in read.files {
            for (key, what) in InitExistingConfig.keys(of: file.objects) where definitions[key] == nil {
                definitions[key] = Definition(what: what, file: file.path)
            }
        }
    }

    /// The first existing definition a planned file's objects collide with. `path` is where the
    /// file would be written (its extension decides JavaScript or JSON).
    func conflict(for file: PlannedFile, at path: String) -> Definition? {
        guard !definitions.isEmpty, path.hasSuffix(".js") || path.hasSuffix(".json") else { return nil }
        let planned = ConfigReader(options: ReaderOptions(environment: [:])).read(contents: Array(file.contents.utf8), path: path)
        for (key, _) in InitExistingConfig.keys(of: planned.objects) {
            if let existing = definitions[key], existing.file != path { return existing }
        }
        return nil
    }

    private static func keys(of objects: [LocatedValue]) -> [(key: String, what: String)] {
        var keys: [(String, String)] = []
        for object in objects {
            guard case .object(let members) = object.value, case .string(let className)? = members["class"]?.value else { continue }
            let lowerClass = className.lowercased()
            if case .string(let id)? = members["id"]?.value {
                keys.append(("id|\(lowerClass)|\(id)", "\(className) \(id)"))
            }
            // A property's name is its key (`key` wins when both are given).
            let nameKey = lowerClass == "property" && members["key"] != nil ? "key" : "name"
            if case .string(let name)? = members[nameKey]?.value {
                let what = nameKey == "key" || lowerClass == "property" ? "with the key" : "named"
                keys.append(("name|\(lowerClass)|\(name.lowercased())", "\(className) \(what) \(JSONOutput.quoted(name))"))
            }
        }
        return keys
    }
}
