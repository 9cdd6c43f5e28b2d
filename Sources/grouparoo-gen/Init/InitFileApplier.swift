import Foundation

/// Puts an `InitPlan` on disk without touching anything that exists: every path that is already
/// taken (a file, a folder or a symbolic link, even a dangling one) is skipped, and the rest is
/// written through `SafeFileWriter`, which never leaves the repository folder.
struct InitFileApplier {
    /// Absolute path of the repository folder.
    let root: String

    enum Outcome: Equatable {
        case written(String)
        case skipped(String)
    }

    /// What `apply` would do, in plan order.
    func preview(_ files: [PlannedFile]) -> [Outcome] {
        files.map { isTaken($0.relativePath) ? .skipped($0.relativePath) : .written($0.relativePath) }
    }

    /// Writes every file whose path is free. All targets are checked before the first write, so a
    /// refused path means nothing is written.
    func apply(_ files: [PlannedFile]) throws -> [Outcome] {
        let outcomes = preview(files)
        let free = zip(files, outcomes).compactMap { file, outcome in outcome == .written(file.relativePath) ? file : nil }
        guard !free.isEmpty else { return outcomes }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try SafeFileWriter(configDirectory: root, overwrite: false).write(free)
        return outcomes
    }

    /// lstat, not stat: a symbolic link counts as taken and is never followed.
    private func isTaken(_ relativePath: String) -> Bool {
        let path = URL(fileURLWithPath: root).appendingPathComponent(relativePath).path
        return (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }
}
