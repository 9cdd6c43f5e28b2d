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

    /// Embedded templates with every `*.template` file of `directory` taking precedence.
    /// Reading happens once, here, so planning stays free of file access.
    static func withOverrides(from directory: URL) throws -> TemplateStore {
        var store = TemplateStore.embedded
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names.sorted() where name.hasSuffix(".template") {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            guard let text = String(data: data, encoding: .utf8) else {
                throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: directory.appendingPathComponent(name).path])
            }
            store.sources[name] = text
            store.overridden.insert(name)
        }
        return store
    }

    /// The parsed template `name`; a malformed template reports its file name with line:column.
    func template(_ name: String) throws -> Template {
        guard let source = sources[name] else { throw MissingTemplateError(name: name) }
        return try Template(name: name, source: source)
    }
}
