import Foundation

/// R-LOAD-01/02: the files Grouparoo's glob `**/+(*.json|*.js)` matches, in its order, plus the
/// paths that glob would match but cannot be read (reported instead of silently skipped).
enum ConfigFileFinder {
    struct Found {
        let path: String
        /// Why this path cannot be loaded; nil for an ordinary file.
        let problem: String?
        var severity = Severity.error
        /// `readdir` said this is a regular file (not a link), so reading it needs no `fstat`.
        var listedAsRegularFile = false
        /// Its directory, kept open, and its name: nil when the directory could not be kept open.
        var name: FileBytes.NameInDirectory?
    }

    /// Directories kept open while their files are read (see `FileBytes.NameInDirectory`), closed when this goes.
    final class OpenDirectories: @unchecked Sendable {
        /// At most this many are kept, one file descriptor each; the files of further directories are opened by
        /// their full path.
        let limit: Int
        // Written only by the walking thread; readers get a descriptor through the `Found` it is in.
        private var descriptors: [Int32] = []

        init(limit: Int = OpenDirectories.limit(openFileLimit: OpenDirectories.openFileLimit())) {
            self.limit = limit
        }

        /// Kept directories take at most half of the descriptors the process may open, less a reserve: the workers
        /// open files while the walk goes on, and a file that cannot be opened for want of a descriptor would be
        /// reported unreadable (which one depends on timing). 256 at the usual soft limit of 1,024; none at 64.
        static func limit(openFileLimit: Int) -> Int {
            min(256, max(0, openFileLimit / 2 - 32))
        }

        /// `RLIMIT_NOFILE`'s soft limit (`ulimit -n`), or 1,024 if it cannot be read.
        static func openFileLimit() -> Int {
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
            return Int(clamping: limit.rlim_cur)
        }

        /// A descriptor of `handle`'s directory that stays open after `closedir`, or nil past the limit or on failure.
        fileprivate func keep(_ handle: OpaquePointer) -> Int32? {
            guard descriptors.count < limit else { return nil }
            let descriptor = fcntl(dirfd(handle), F_DUPFD_CLOEXEC, 0)
            guard descriptor >= 0 else { return nil }
            descriptors.append(descriptor)
            return descriptor
        }

        deinit { for descriptor in descriptors { close(descriptor) } }
    }

    /// The files in the order the walk finds them (`GlobOrder.order` gives glob's), and their directories kept open
    /// to read them by name.
    static func files(in root: String) -> (found: [Found], directories: OpenDirectories) {
        var found: [Found] = []
        let directories = OpenDirectories()
        walk(root, keeping: directories) { found += $0 }
        return (found, directories)
    }

    /// The walk of `files(in:)`, handing each directory's files to `publish` as soon as they are listed (the reader
    /// reads them while the walk goes on).
    static func walk(_ root: String, keeping directories: OpenDirectories, publish: ([Found]) -> Void) {
        collect(directory: root, isRoot: true, descends: true, keeping: directories, publish: publish)
    }

    /// Walks the tree as glob v7's `**` does: real directories are entered at every depth; a symbolic link
    /// to a directory is read (the files directly inside it match) but not descended into (glob stops
    /// at a symlink while inside a globstar), so a link back up (`sub/loop -> ..`) loads the files one
    /// level inside it a second time, under another path, as Grouparoo does. Symlinked files match.
    /// Names starting with `.` are skipped (`dot: false`). Uses `readdir`'s entry types, which avoids
    /// one `stat` per file on large trees.
    private static func collect(directory: String, isRoot: Bool, descends: Bool, keeping directories: OpenDirectories,
                                publish: ([Found]) -> Void) {
        guard let handle = opendir(directory) else {
            // A missing config directory simply has no files (R-LOAD-03).
            if isRoot && errno == ENOENT { return }
            let reason = String(cString: strerror(errno))
            publish([Found(path: directory, problem: isRoot ? "cannot read the config directory: \(reason)"
                               : "cannot read this directory (\(reason)); the config files in it were not checked")])
            return
        }
        let prefix = directory + "/"
        let directoryName = directories.keep(handle).map { FileBytes.NameInDirectory(directory: $0, nameStart: prefix.utf8.count) }
        var subdirectories: [String] = []
        var linkedDirectories: [String] = []
        var found: [Found] = []
        while let entry = readdir(handle) {
            // Names are checked as bytes (glob's patterns match code units); only kept names become a path.
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                EntryName(raw.bindMemory(to: UInt8.self).prefix { $0 != 0 }, prefix: prefix)
            }
            guard let name else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                subdirectories.append(name.path)
                noteDirectoryNamedLikeAFile(name, into: &found)
            case Int32(DT_REG):
                if name.ending != nil {
                    found.append(Found(path: name.path, problem: nil, listedAsRegularFile: true, name: directoryName))
                }
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                let path = name.path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    if name.ending != nil {
                        found.append(Found(path: path, problem: "this symbolic link points at nothing; Grouparoo's loader fails to read it"))
                    }
                    continue
                }
                if isDirectory.boolValue {
                    // A real directory on a file system without entry types is walked like any other.
                    if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN), !isSymbolicLink(path) {
                        subdirectories.append(path)
                    } else {
                        linkedDirectories.append(path)
                    }
                    noteDirectoryNamedLikeAFile(name, into: &found)
                } else if name.ending != nil {
                    found.append(Found(path: path, problem: nil, name: directoryName))
                }
            default:
                continue
            }
        }
        // Closed before descending, so the walk holds one directory stream at a time however deep the tree.
        closedir(handle)
        if !found.isEmpty { publish(found) }
        guard descends else { return }
        for subdirectory in subdirectories {
            collect(directory: subdirectory, isRoot: false, descends: true, keeping: directories, publish: publish)
        }
        for linked in linkedDirectories { collect(directory: linked, isRoot: false, descends: false, keeping: directories, publish: publish) }
    }

    /// `prefix + name` in storage of exactly its size: `+` doubles the prefix's room, and every
    /// path found is kept for the whole run (about 100 bytes a file at 50k files).
    static func joined(_ prefix: String, _ name: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + name.count) { buffer in
                _ = buffer.initialize(fromContentsOf: head)
                _ = buffer[head.count...].initialize(fromContentsOf: name)
                return head.count + name.count
            }
        }
    }

    /// glob matches directories too, so one named `x.json` or `x.js` is handed to the loader.
    private static func noteDirectoryNamedLikeAFile(_ name: EntryName, into found: inout [Found]) {
        switch name.ending {
        case .json:
            found.append(Found(path: name.path, problem: "this directory is named like a config file; "
                                   + "Grouparoo's loader matches it and fails reading it as JSON"))
        case .js:
            found.append(Found(path: name.path, problem: "this directory is named like a config file; Grouparoo's "
                                   + "loader `require`s it (its index.js), which is not checked here", severity: .warning))
        case nil:
            break
        }
    }

    /// A directory entry glob does not skip: names starting with `.` are left out (`dot: false`).
    private struct EntryName {
        enum Ending { case js, json }

        let path: String
        /// How the name ends when it matches `*.js` or `*.json`.
        let ending: Ending?

        init?(_ name: Slice<UnsafeBufferPointer<UInt8>>, prefix: String) {
            guard let first = name.first, first != UInt8(ascii: ".") else { return nil }
            path = ConfigFileFinder.joined(prefix, name)
            ending = Self.name(name, endsWith: ".json") ? .json : Self.name(name, endsWith: ".js") ? .js : nil
        }

        private static func name(_ name: Slice<UnsafeBufferPointer<UInt8>>, endsWith suffix: String) -> Bool {
            name.count >= suffix.utf8.count && name.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }
}
