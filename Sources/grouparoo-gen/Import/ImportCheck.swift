import ConfigModel
import Foundation

/// Validates the config an import would leave behind, before anything is written: the existing
/// directory and the new files are put together in a temporary folder and checked with our rules.
/// Secrets the new files read are given stand-in values (their real values are the user's to set).
enum ImportCheck {
    /// Errors in the new files (or anywhere, when the directory was empty), with paths pointing
    /// into the real config directory.
    static func problems(files: [PlannedFile], request: ImportWrite.Request, secretVariables: [String],
                         context: CommandContext) -> [Diagnostic] {
        guard !files.isEmpty else { return [] }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("grouparoo-gen-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("config")
        var hadConfig = false
        do {
            if FileManager.default.fileExists(atPath: request.directory) {
                try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: request.directory, toPath: root.path)
                hadConfig = true
            }
            for file in files {
                let target = root.appendingPathComponent(file.relativePath)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: target)  // the copy of a file --overwrite replaces
                try PlainFileWrite.create(target.path, contents: Data(file.contents.utf8))
            }
        } catch {
            return [Diagnostic(severity: .error, ruleID: "import-check", message: "cannot check the imported config: \(FileErrorDescription.describe(error))", span: nil)]
        }
        var environment = context.environment
        for variable in secretVariables where environment[variable] == nil { environment[variable] = "set-by-import-check" }
        let read = ConfigReader(options: ReaderOptions(environment: environment)).readDirectory(at: root.path)
        let report = Validator().validate(read)
        let newFiles = Set(files.map { root.appendingPathComponent($0.relativePath).path })
        let realRoot = URL(fileURLWithPath: request.directory).standardizedFileURL.path
        return report.diagnostics.filter { diagnostic in
            diagnostic.severity == .error && (!hadConfig || diagnostic.span.map { newFiles.contains($0.file) } ?? true)
        }.map { diagnostic in
            var moved = diagnostic
            if let span = diagnostic.span, span.file.hasPrefix(root.path) {
                moved.span = SourceSpan(file: realRoot + span.file.dropFirst(root.path.count), start: span.start, end: span.end)
            }
            return moved
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
