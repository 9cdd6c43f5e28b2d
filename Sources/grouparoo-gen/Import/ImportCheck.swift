import ConfigModel
import Foundation

/// Validates the config an import would leave behind, before anything is written: the existing
/// directory with the new files laid over it in memory, checked with our rules. Secrets the new
/// files read are given stand-in values (their real values are the user's to set).
enum ImportCheck {
    /// Errors in the new files, or anywhere when the directory held no config before.
    static func problems(files: [PlannedFile], request: ImportWrite.Request, secretVariables: [String],
                         context: CommandContext) -> [Diagnostic] {
        guard !files.isEmpty else { return [] }
        var environment = context.environment
        for variable in secretVariables where environment[variable] == nil { environment[variable] = "set-by-import-check" }
        let read = ConfigOverlay.read(directory: request.directory, adding: files.map { ($0.relativePath, $0.contents) },
                                      options: ReaderOptions(environment: environment))
        let root = URL(fileURLWithPath: request.directory).standardizedFileURL.path
        let newFiles = Set(files.map { root + "/" + $0.relativePath })
        let hadConfig = read.files.contains { !newFiles.contains($0.path) }
        return Validator().validate(read).diagnostics.filter { diagnostic in
            diagnostic.severity == .error && (!hadConfig || diagnostic.span.map { newFiles.contains($0.file) } ?? true)
        }
    }
}

/// `.env.example` next to the config directory (where `init` puts it), created or extended with
/// `NAME=` lines for the variables the imported files read. Never holds a value.
struct EnvExample {
    /// Nil when the config directory has no parent folder to hold it.
    let path: String?
    /// Variables not yet listed.
    let missing: [String]
    private let existing: String

    init(directory: String, variables: [String]) {
        let parent = URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent().path
        path = parent.isEmpty ? nil : parent + "/.env.example"
        existing = path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        let listed = Set(existing.split(whereSeparator: \.isNewline).compactMap { line in
            line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
        })
        var seen = Set<String>()
        missing = variables.filter { !listed.contains($0) && seen.insert($0).inserted }
    }

    /// Appends the missing lines; returns a problem message when that fails.
    func write() -> String? {
        guard let path, !missing.isEmpty else { return nil }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += (text.isEmpty ? "" : "\n") + "# secrets of objects imported by grouparoo-gen import (Grouparoo never returns them)\n"
        text += missing.map { "\($0)=\n" }.joined()
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let writer = SafeFileWriter(configDirectory: folder.path, overwrite: true)
        do {
            try writer.write([PlannedFile(relativePath: url.lastPathComponent, contents: text)])
            return nil
        } catch {
            return "cannot write " + FileErrorDescription.describe(error, path: path)
        }
    }
}
