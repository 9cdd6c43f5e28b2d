import Foundation

/// Writes planned files into a config directory without ever leaving it, overwriting only when
/// asked, and atomically: a reader sees the old file or the new one, never half of one.
struct SafeFileWriter {
    /// The config dir as given (absolute), and with symbolic links resolved.
    let configDirectory: URL
    var overwrite: Bool

    init(configDirectory: String, overwrite: Bool) {
        self.configDirectory = URL(fileURLWithPath: configDirectory).standardizedFileURL
        self.overwrite = overwrite
    }

    /// Checks every target first (so a refused file means nothing is written), then writes each.
    /// Returns the absolute paths written.
    @discardableResult
    func write(_ files: [PlannedFile]) throws -> [URL] {
        let targets = try files.map { try checkedTarget($0.relativePath) }
        var written: [URL] = []
        for (file, target) in zip(files, targets) {
            try writeAtomically(Data(file.contents.utf8), to: target)
            written.append(target)
        }
        return written
    }

    /// The absolute target for `relativePath`, refused when it could land outside the config dir
    /// (absolute paths, `..`, symbolic links leading out) or would replace a file without `--overwrite`.
    func checkedTarget(_ relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"), !components.contains(".."), !components.contains(""), !components.contains("."),
              !relativePath.contains("\0")
        else {
            throw GenerateError("refusing to write \(relativePath.debugDescription): the path would leave the config directory \(configDirectory.path)")
        }
        let realRoot = configDirectory.resolvingSymlinksInPath().path
        var current = configDirectory
        for component in components {
            current.appendPathComponent(component)
            if isSymbolicLink(current), !FileManager.default.fileExists(atPath: current.path) {
                throw GenerateError("refusing to write through \(current.path): it is a symbolic link to something that does not exist")
            }
            // Every existing step must still resolve inside the real config dir.
            if entryExists(current), !isInside(current.resolvingSymlinksInPath().path, root: realRoot) {
                throw GenerateError("refusing to write \(current.path): it resolves to \(current.resolvingSymlinksInPath().path), outside the config directory \(realRoot)")
            }
        }
        if entryExists(current) {
            if isSymbolicLink(current) {
                throw GenerateError("refusing to write \(current.path): it is a symbolic link")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw GenerateError("\(current.path) is a directory")
            }
            if !overwrite {
                throw GenerateError("\(current.path) already exists (use --overwrite to replace it)")
            }
        }
        return current
    }

    private func writeAtomically(_ data: Data, to target: URL) throws {
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Re-check after creating folders: nothing may have been redirected meanwhile.
        guard isInside(folder.resolvingSymlinksInPath().path, root: configDirectory.resolvingSymlinksInPath().path) else {
            throw GenerateError("refusing to write \(target.path): its folder resolves outside the config directory")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        try data.write(to: temporary, options: .withoutOverwriting)
        defer { try? FileManager.default.removeItem(at: temporary) }
        if overwrite {
            guard rename(temporary.path, target.path) == 0 else { throw posixError("cannot replace", target) }
        } else {
            // link() fails if the target appeared since the check, so we never clobber a file.
            guard link(temporary.path, target.path) == 0 else {
                if errno == EEXIST { throw GenerateError("\(target.path) already exists (use --overwrite to replace it)") }
                throw posixError("cannot create", target)
            }
        }
    }

    private func posixError(_ action: String, _ target: URL) -> GenerateError {
        GenerateError("\(action) \(target.path): \(String(cString: strerror(errno)))")
    }

    private func entryExists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }

    private func isSymbolicLink(_ url: URL) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        return type == .typeSymbolicLink
    }

    private func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
