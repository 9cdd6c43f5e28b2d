import ConfigModel
import Foundation

/// One side of a diff: its objects and the apply order of its graph.
struct DiffSide {
    /// How the user named it (`config`, `git:origin/main`, the host).
    var label: String
    var objects: [PlainConfigObject]
    /// Node ids (`class:id`) in the order Grouparoo applies them.
    var order: [String]
    /// Files read with errors, so a reader knows the side may be incomplete.
    var unreadableFiles = 0

    /// A side read from a config directory; `shownAs` replaces the directory in file paths (for git).
    static func directory(_ path: String, label: String, options: ReaderOptions, shownAs: String? = nil) -> DiffSide {
        let result = DiffRead.directory(path, options: options)
        let read = result.read
        var objects = result.objects
        if let shownAs {
            for index in objects.indices {
                if let file = objects[index].file, file.hasPrefix(path) { objects[index].file = shownAs + file.dropFirst(path.count) }
            }
        }
        let unreadable = Set(read.files.filter { $0.needsNode || $0.diagnostics.contains { $0.severity == .error && $0.readerProblem == .syntaxError } }.map(\.path))
        return DiffSide(label: label, objects: objects, order: ApplyOrder.of(read), unreadableFiles: unreadable.count)
    }

    /// A side built from a live instance's objects (already converted).
    static func live(_ objects: [PlainConfigObject], label: String) -> DiffSide {
        DiffSide(label: label, objects: objects, order: ApplyOrder.of(objects))
    }
}

/// Reads the config at a git revision: `git:REV` (the config directory's path in the repository)
/// or `git:REV:PATH` (PATH from the repository root, as in `git show REV:PATH`).
struct GitRevision {
    var revision: String
    var path: String?

    init?(_ argument: String) {
        guard argument.hasPrefix("git:") else { return nil }
        let rest = argument.dropFirst(4)
        if let colon = rest.firstIndex(of: ":") {
            revision = String(rest[..<colon])
            path = String(rest[rest.index(after: colon)...])
        } else {
            revision = String(rest)
        }
        if revision.isEmpty { return nil }
    }

    /// Extracts the config into `scratch`; returns the extracted directory or git's complaint.
    func extract(into scratch: URL, defaultPath: String, workingDirectory: String) -> Result<(directory: String, shownAs: String), UsageError> {
        let top: String
        switch Self.git(["rev-parse", "--show-toplevel"], in: workingDirectory) {
        case .success(let output): top = output.trimmingCharacters(in: .whitespacesAndNewlines)
        case .failure(let problem): return .failure(problem)
        }
        var inRepository = path ?? ""
        if path == nil {
            let absolute = URL(fileURLWithPath: defaultPath).standardizedFileURL.path
            let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
            let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                return .failure(UsageError(message: "\(absolute) is not inside the git repository \(top); use git:REV:PATH"))
            }
            inRepository = String(resolved.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        inRepository = inRepository.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if case .failure(let problem) = Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top) {
            return .failure(UsageError(message: "git:\(revision): not a revision of \(top) (\(problem.message))"))
        }
        let tarFile = scratch.appendingPathComponent("config.tar")
        var arguments = ["archive", "--format=tar", "-o", tarFile.path, revision]
        if !inRepository.isEmpty { arguments.append(inRepository) }
        if case .failure(let problem) = Self.git(arguments, in: top) {
            return .failure(UsageError(message: "git:\(revision)\(path.map { ":" + $0 } ?? ""): \(problem.message)"))
        }
        let tree = scratch.appendingPathComponent("tree")
        do {
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        } catch {
            return .failure(UsageError(message: "cannot create a temporary folder: \(FileErrorDescription.describe(error))"))
        }
        if case .failure(let problem) = Self.run("/usr/bin/env", ["tar", "-xf", tarFile.path, "-C", tree.path], in: top) {
            return .failure(problem)
        }
        let directory = inRepository.isEmpty ? tree.path : tree.appendingPathComponent(inRepository).path
        return .success((directory, "git:\(revision):\(inRepository)"))
    }

    private static func git(_ arguments: [String], in directory: String) -> Result<String, UsageError> {
        run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    private static func run(_ executable: String, _ arguments: [String], in directory: String) -> Result<String, UsageError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return .failure(UsageError(message: "cannot run \(arguments.first ?? executable): \(FileErrorDescription.describe(error))"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(UsageError(message: ControlCharacters.escaped(message.isEmpty ? "\(arguments.first ?? "") failed" : message)))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
