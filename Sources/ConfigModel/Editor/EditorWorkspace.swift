/// A config directory as an editor session holds it: every file's latest read, where changed buffers
/// replace single files, so a change costs one file's read plus a rules pass.
public struct EditorWorkspace: Sendable {
    public let directory: String
    public private(set) var files: [FileReadResult]
    private var positions: [String: Int] = [:]

    public init(_ read: ConfigReadResult) {
        directory = read.directory
        files = read.files
        for (index, file) in files.enumerated() { positions[file.path] = index }
    }

    public func file(_ path: String) -> FileReadResult? { positions[path].map { files[$0] } }

    public func contains(_ path: String) -> Bool { positions[path] != nil }

    /// The workspace with one file's read replaced (or added at the end, for a file new to the directory).
    public func replacing(_ file: FileReadResult) -> EditorWorkspace {
        var copy = self
        if let index = positions[file.path] {
            copy.files[index] = file
        } else {
            copy.positions[file.path] = copy.files.count
            copy.files.append(file)
        }
        return copy
    }

    /// The workspace without the files at `paths` (deleted on disk).
    public func removing(_ paths: Set<String>) -> EditorWorkspace {
        EditorWorkspace(ConfigReadResult(directory: directory, files: files.filter { !paths.contains($0.path) }))
    }

    public var read: ConfigReadResult { ConfigReadResult(directory: directory, files: files) }

    /// The reads of `paths`, in config order (some rules let the first object win).
    func files(at paths: Set<String>) -> [FileReadResult] {
        paths.compactMap { positions[$0] }.sorted().map { files[$0] }
    }

    /// Runs the rules over the whole directory and groups the diagnostics by file (every file present,
    /// so a file whose problems went away gets an empty list).
    /// `isCancelled` is asked between the stages; a cancelled pass returns `nil`.
    public func check(with validator: Validator, isCancelled: () -> Bool = { false }) -> EditorCheck? {
        let input = ValidationInput(read: read, dialect: validator.dialect, plugins: validator.plugins)
        guard !isCancelled() else { return nil }
        let report = validator.validate(input)
        var byFile: [String: [Diagnostic]] = [:]
        for file in files { byFile[file.path] = [] }
        for diagnostic in report.diagnostics {
            guard let span = diagnostic.span else { continue }
            byFile[span.file, default: []].append(diagnostic)
        }
        guard !isCancelled() else { return nil }
        return EditorCheck(input: input, diagnosticsByFile: byFile, referencingFiles: EditorCheck.referencingFiles(input))
    }
}

/// The outcome of one rules pass: the indexed config (for navigation) and the diagnostics per file.
public struct EditorCheck: Sendable {
    public let input: ValidationInput
    public let diagnosticsByFile: [String: [Diagnostic]]
    let referencingFiles: [String: Set<String>]
}
