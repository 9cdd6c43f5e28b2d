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

    /// Longest file name (one path component, in UTF-8 bytes) the common file systems accept.
    static let maximumNameLength = 255

    /// Checks every target first (so a refused file means nothing is written), then writes each.
    /// All or nothing: when a write fails, the files this run created (and folders it made for
    /// them) are removed again; files it replaced with `overwrite` cannot be restored and are
    /// listed in the failure. With `keepWrittenOnFailure` (init, which is resumable by design) the
    /// files written before the failure stay and are listed instead. Returns the absolute paths written.
    /// `interrupted` is asked before each file: a signal that arrived stops the run like a failed write.
    @discardableResult
    func write(_ files: [PlannedFile], keepWrittenOnFailure: Bool = false, interrupted: () -> Int32? = { nil }) throws -> [URL] {
        let realRoot = configDirectory.resolvingSymlinksInPath().path
        let targets = try files.map { try checkedTarget($0.relativePath, realRoot: realRoot) }
        var created: [URL] = []
        var replaced: [URL] = []
        var createdFolders: [URL] = []
        for (file, target) in zip(files, targets) {
            do {
                if let signal = interrupted() { throw InterruptedError(signal: signal) }
                let existed = entryExists(target)
                try writeAtomically(Data(file.contents.utf8), to: target, createdFolders: &createdFolders)
                if existed { replaced.append(target) } else { created.append(target) }
            } catch {
                var failure = WriteFailure(path: target, underlying: error, replaced: replaced)
                if keepWrittenOnFailure {
                    failure.kept = created
                } else {
                    for url in created.reversed() {
                        if (try? FileManager.default.removeItem(at: url)) != nil { failure.removed.append(url) } else { failure.kept.append(url) }
                    }
                    failure.removed.reverse()
                    // Deepest first; a folder that is not empty (someone else wrote there) stays.
                    for folder in createdFolders.reversed() { _ = rmdir(folder.path) }
                }
                throw failure
            }
        }
        return targets
    }

    /// The absolute target for `relativePath`, refused when it could land outside the config dir
    /// (absolute paths, `..`, symbolic links leading out) or would replace a file without `--overwrite`.
    func checkedTarget(_ relativePath: String, realRoot: String? = nil) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relativePath.hasPrefix("/"), !components.contains(".."), !components.contains(""), !components.contains("."),
              !relativePath.contains("\0")
        else {
            throw GenerateError("refusing to write \(relativePath.debugDescription): the path would leave the config directory \(configDirectory.path)")
        }
        if let long = components.first(where: { $0.utf8.count > SafeFileWriter.maximumNameLength }) {
            throw GenerateError("cannot write \(configDirectory.appendingPathComponent(relativePath).path): the file name "
                + "\(long.prefix(40))… is \(long.utf8.count) bytes long; file systems allow at most \(SafeFileWriter.maximumNameLength) (use a shorter id)")
        }
        let realRoot = realRoot ?? configDirectory.resolvingSymlinksInPath().path
        var current = configDirectory
        // Nothing exists below a missing step, so the file system is asked no further (an import checks 10,000 paths).
        var reachedMissing = false
        for component in components {
            current.appendPathComponent(component)
            guard !reachedMissing else { continue }
            var info = stat()
            guard lstat(current.path, &info) == 0 else {
                reachedMissing = true
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK, !FileManager.default.fileExists(atPath: current.path) {
                throw GenerateError("refusing to write through \(current.path): it is a symbolic link to something that does not exist")
            }
            // Every existing step must still resolve inside the real config dir.
            if !isInside(current.resolvingSymlinksInPath().path, root: realRoot) {
                throw GenerateError("refusing to write \(current.path): it resolves to \(current.resolvingSymlinksInPath().path), outside the config directory \(realRoot)")
            }
        }
        if !reachedMissing {
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

    private func writeAtomically(_ data: Data, to target: URL, createdFolders: inout [URL]) throws {
        let folder = target.deletingLastPathComponent()
        var missing: [URL] = []
        var ancestor = folder
        while !entryExists(ancestor), ancestor.path != "/" {
            missing.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw NotAFolderError(path: ancestor)
        }
        createdFolders += missing.reversed()  // before creating: a half-made chain is removed too
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Re-check after creating folders: nothing may have been redirected meanwhile.
        guard isInside(folder.resolvingSymlinksInPath().path, root: configDirectory.resolvingSymlinksInPath().path) else {
            throw GenerateError("refusing to write \(target.path): its folder resolves outside the config directory")
        }
        let temporary = folder.appendingPathComponent(Self.temporaryName())
        try PlainFileWrite.create(temporary.path, contents: data)
        defer { try? FileManager.default.removeItem(at: temporary) }
        if overwrite {
            guard rename(temporary.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } else {
            // link() fails if the target appeared since the check, so we never clobber a file.
            guard link(temporary.path, target.path) == 0 else {
                if errno == EEXIST { throw GenerateError("\(target.path) already exists (use --overwrite to replace it)") }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
    }

    /// `.gg-1a2b3c4d.tmp`: hidden, and short, so a target name close to the 255-byte limit still has a temporary sibling.
    static func temporaryName() -> String {
        String(format: ".gg-%08x.tmp", UInt32.random(in: 0...UInt32.max))
    }

    // lstat, not FileManager's attributes (which build a dictionary): an import checks 10,000 paths.
    func entryExists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    private func isSymbolicLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}

/// A write of `SafeFileWriter` failed: which file, why, and what the run left behind.
struct WriteFailure: Error, CustomStringConvertible {
    /// The file that could not be written.
    var path: URL
    var underlying: any Error
    /// Files this run created and removed again.
    var removed: [URL] = []
    /// Files this run wrote that are still there (init keeps them; or their removal failed).
    var kept: [URL] = []
    /// Files that existed and were already replaced (`--overwrite`); their old contents are gone.
    var replaced: [URL] = []

    /// "cannot write config/apps/x.js: permission denied", with paths shown by `display`.
    func message(display: (String) -> String = { $0 }) -> String {
        if let ours = underlying as? GenerateError { return ours.description }
        if let interruption = underlying as? InterruptedError { return "interrupted by \(SignalDeferral.name(of: interruption.signal))" }
        if let notAFolder = underlying as? NotAFolderError {
            return "cannot write \(display(path.path)): \(display(notAFolder.path.path)) is a file, not a folder"
        }
        return "cannot write " + FileErrorDescription.describe(underlying, path: display(path.path))
    }

    var description: String { message() }
}

/// A folder on the way to a target is a file (or something else that is not a folder).
struct NotAFolderError: Error {
    var path: URL
}
