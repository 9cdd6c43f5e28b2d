import Foundation

/// Puts an `InitPlan` on disk without touching anything that exists: every path that is already
/// taken (a file, a folder or a symbolic link, even a dangling one) is skipped, as is a config
/// file whose objects the existing config already defines under another file name; the rest is
/// written through `SafeFileWriter`, which never leaves the repository folder.
struct InitFileApplier {
    /// Absolute path of the repository folder.
    let root: String
    /// What `root/config` already defines.
    var existing = InitExistingConfig()

    enum Outcome: Equatable {
        case written(String)
        case skipped(String)
        /// Free path, but an object in it is already defined elsewhere in the config.
        case alreadyDefined(String, InitExistingConfig.Definition)

        var relativePath: String {
            switch self {
            case .written(let path), .skipped(let path), .alreadyDefined(let path, _): return path
            }
        }
    }

    /// What `apply` would do, in plan order.
    func preview(_ files: [PlannedFile]) -> [Outcome] {
        files.map { file in
            if isTaken(file.relativePath) { return .skipped(file.relativePath) }
            if let definition = existing.conflict(for: file, at: absolutePath(file.relativePath)) {
                return .alreadyDefined(file.relativePath, definition)
            }
            return .written(file.relativePath)
        }
    }

    /// Writes every file whose path is free. All targets are checked before the first write, so a
    /// refused path means nothing is written. A write that fails midway throws a `WriteFailure`
    /// whose `kept` lists the files written before it (they stay: running init again skips them).
    func apply(_ files: [PlannedFile]) throws -> [Outcome] {
        let outcomes = preview(files)
        let free = zip(files, outcomes).compactMap { file, outcome in outcome == .written(file.relativePath) ? file : nil }
        guard !free.isEmpty else { return outcomes }
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure(path: URL(fileURLWithPath: root), underlying: error)
        }
        try SafeFileWriter(configDirectory: root, overwrite: false).write(free, keepWrittenOnFailure: true)
        return outcomes
    }

    func absolutePath(_ relativePath: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(relativePath).path
    }

    /// lstat, not stat: a symbolic link counts as taken and is never followed.
    private func isTaken(_ relativePath: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: absolutePath(relativePath))) != nil
    }
}
