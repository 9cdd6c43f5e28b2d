import Foundation

/// Writing thousands of new files (an import) with few file-system operations: the files bound for
/// a folder that does not exist yet are written into a hidden staging folder beside it, and the
/// whole folder is then moved into place with one `rename`, instead of a temporary file plus a
/// `link` for every file. A `mkdir` of the final name first claims it, so a folder that appeared
/// meanwhile is never replaced (the files then take the one-by-one way). Files whose folder
/// already exists are written one by one, as `write` does.
extension SafeFileWriter {
    /// The new files below one missing folder whose parent exists.
    private struct StagedFolder {
        var folder: URL
        var staging: URL
        /// Indexes of the planned files that go below `folder`.
        var indexes: [Int] = []
        /// Every file written, and every folder made (outermost first), relative to `folder`.
        var files: [String] = []
        var folders: [String] = []
    }

    /// All or nothing like `write`: a failure before the folders are moved into place leaves
    /// nothing visible; after, the moved folders are emptied of this run's files and removed.
    @discardableResult
    func writeStagingNewFolders(_ files: [PlannedFile], interrupted: () -> Int32? = { nil }) throws -> [URL] {
        let realRoot = configDirectory.resolvingSymlinksInPath().path
        let targets = try files.map { try checkedTarget($0.relativePath, realRoot: realRoot) }
        var (staged, oneByOne) = try stagedFolders(targets)
        for index in staged.indices {
            do {
                try stage(&staged[index], files: files, targets: targets, interrupted: interrupted)
            } catch {
                for folder in staged { removeTree(folder.staging, files: folder.files, folders: folder.folders) }
                throw WriteFailure(path: staged[index].folder, underlying: error)
            }
        }
        var published: [StagedFolder] = []
        for folder in staged {
            if publish(folder) {
                published.append(folder)
            } else {
                removeTree(folder.staging, files: folder.files, folders: folder.folders)
                oneByOne += folder.indexes
            }
        }
        do {
            try write(oneByOne.sorted().map { files[$0] }, interrupted: interrupted)
        } catch var failure as WriteFailure {
            for folder in published.reversed() {
                let (removed, kept) = removeTree(folder.folder, files: folder.files, folders: folder.folders)
                failure.removed += removed
                failure.kept += kept
            }
            throw failure
        }
        return targets
    }

    /// Groups the targets by their topmost missing folder; the rest go one by one.
    private func stagedFolders(_ targets: [URL]) throws -> ([StagedFolder], [Int]) {
        var topMissing: [String: URL?] = [:]
        var staged: [StagedFolder] = []
        var position: [String: Int] = [:]
        var oneByOne: [Int] = []
        let realRoot = configDirectory.resolvingSymlinksInPath().path
        for (index, target) in targets.enumerated() {
            let parent = target.deletingLastPathComponent()
            let missing: URL?
            if let known = topMissing[parent.path] {
                missing = known
            } else {
                var ancestor = parent
                var found: URL?
                while !entryExists(ancestor), ancestor.path != "/" {
                    found = ancestor
                    ancestor = ancestor.deletingLastPathComponent()
                }
                missing = found
                topMissing[parent.path] = found
            }
            guard let folder = missing else {
                oneByOne.append(index)
                continue
            }
            if position[folder.path] == nil {
                // The staging folder's parent must still be inside the config dir, unless the
                // missing folder is the config dir itself (or above it).
                let holder = folder.deletingLastPathComponent()
                if !isInside(configDirectory.path, root: folder.path), !isInside(holder.resolvingSymlinksInPath().path, root: realRoot) {
                    throw GenerateError("refusing to write \(target.path): its folder resolves outside the config directory")
                }
                position[folder.path] = staged.count
                staged.append(StagedFolder(folder: folder, staging: holder.appendingPathComponent(Self.temporaryName())))
            }
            staged[position[folder.path]!].indexes.append(index)
        }
        return (staged, oneByOne)
    }

    private func stage(_ staged: inout StagedFolder, files: [PlannedFile], targets: [URL], interrupted: () -> Int32?) throws {
        guard mkdir(staged.staging.path, 0o777) == 0 else {
            if errno == ENOTDIR { throw NotAFolderError(path: staged.staging.deletingLastPathComponent()) }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        var made: Set<String> = [""]
        let prefix = staged.folder.path.count + 1
        for index in staged.indexes {
            if let signal = interrupted() { throw InterruptedError(signal: signal) }
            let relative = String(targets[index].path.dropFirst(prefix))
            var folder = ""
            for component in relative.split(separator: "/").dropLast() {
                folder += (folder.isEmpty ? "" : "/") + component
                guard made.insert(folder).inserted else { continue }
                guard mkdir(staged.staging.appendingPathComponent(folder).path, 0o777) == 0 else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                staged.folders.append(folder)
            }
            staged.files.append(relative)  // before writing: a half-written file is removed too
            try PlainFileWrite.create(staged.staging.appendingPathComponent(relative).path, contents: Data(files[index].contents.utf8))
        }
    }

    /// Claims the final name with `mkdir` (fails if anything holds it), then moves the staged
    /// folder onto that empty folder. False when the name was taken: nothing was replaced.
    private func publish(_ staged: StagedFolder) -> Bool {
        guard mkdir(staged.folder.path, 0o777) == 0 else { return false }
        guard rename(staged.staging.path, staged.folder.path) == 0 else {
            _ = rmdir(staged.folder.path)
            return false
        }
        return true
    }

    /// Removes this run's files and folders below `root` (deepest first), then `root`; anything
    /// someone else put there stays. Returns the files removed and those that could not be.
    @discardableResult
    private func removeTree(_ root: URL, files: [String], folders: [String]) -> (removed: [URL], kept: [URL]) {
        var removed: [URL] = []
        var kept: [URL] = []
        for file in files {
            let url = root.appendingPathComponent(file)
            if unlink(url.path) == 0 { removed.append(url) } else { kept.append(url) }
        }
        for folder in folders.reversed() { _ = rmdir(root.appendingPathComponent(folder).path) }
        _ = rmdir(root.path)
        return (removed, kept)
    }
}
