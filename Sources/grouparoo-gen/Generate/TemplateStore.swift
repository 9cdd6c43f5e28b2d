import Foundation
import JSEmitter

/// Where template text comes from: the copies embedded in the binary, each of which a file of the
/// same name in `--templates DIR` replaces.
struct TemplateStore: Sendable {
    struct MissingTemplateError: Error, CustomStringConvertible {
        var name: String
        var description: String { "no template named \"\(name)\" is embedded or found in --templates" }
    }

    /// Template text by file name, overrides already applied.
    private(set) var sources: [String: String]
    /// Names whose text came from `--templates DIR`, for `--describe`.
    private(set) var overridden: Set<String> = []

    /// The embedded templates only.
    static let embedded = TemplateStore(sources: EmbeddedTemplates.files)

    init(sources: [String: String]) {
        self.sources = sources
    }

    /// Problems with `--templates DIR` that do not stop the run (a file matching no template).
    private(set) var warnings: [String] = []

    /// Embedded templates with every `*.template` file of `directory` taking precedence. File
    /// names are compared with the built-in names case-insensitively (`apikey.js.template`
    /// replaces `apiKey.js.template`), as template names on the command line are, and as a
    /// case-insensitive file system (macOS, Windows) would anyway. A file matching no template is
    /// ignored with a warning naming the closest built-in name. Reading happens once, here, so
    /// planning stays free of file access.
    static func withOverrides(from directory: URL) throws -> TemplateStore {
        var store = TemplateStore.embedded
        let known = store.sources.keys.sorted()
        var byLowercasedName: [String: String] = [:]
        for name in known { byLowercasedName[name.lowercased()] = name }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw GenerateError("--templates takes a folder of NAME.template files, but \(ControlCharacters.escaped(directory.path)) "
                + "is a file; put it in a folder under a built-in template's name (e.g. apiKey.js.template, see "
                + "`generate <template> --describe`) and pass the folder")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var chosenFile: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".template") {
            let file = directory.appendingPathComponent(name)
            guard let builtIn = store.sources[name] != nil ? name : byLowercasedName[name.lowercased()] else {
                let hint = ArgumentParser.closestMatches(to: name, in: known, limit: 1).first
                    .map { "; did you mean \($0)?" } ?? "; `generate <template> --describe` names the file each template reads"
                store.warnings.append("\(ControlCharacters.escaped(file.path)) matches no template and is ignored\(hint)")
                continue
            }
            if let other = chosenFile[builtIn] {
                throw GenerateError("--templates has both \(ControlCharacters.escaped(other)) and \(ControlCharacters.escaped(name)) "
                    + "for the template \(builtIn) (names are compared case-insensitively); keep one")
            }
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw GenerateError("cannot read --templates file " + FileErrorDescription.describe(error, path: file.path))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw GenerateError("cannot read --templates file \(ControlCharacters.escaped(file.path)): not UTF-8 text")
            }
            chosenFile[builtIn] = name
            store.sources[builtIn] = text
            store.overridden.insert(builtIn)
        }
        return store
    }

    /// The parsed template `name`; a malformed template reports its file name with line:column.
    func template(_ name: String) throws -> Template {
        guard let source = sources[name] else { throw MissingTemplateError(name: name) }
        return try Template(name: name, source: source)
    }
}
