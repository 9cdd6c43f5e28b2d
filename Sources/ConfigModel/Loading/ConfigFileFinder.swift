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
        /// The listing the file is in, to open it by its name in its directory.
        var listing: Listing?
    }

    /// A directory the walk listed: its number in the walk and where its files' names start in their paths.
    struct Listing: Equatable {
        let number: Int
        let nameStart: Int
    }

    /// The directory a worker last read a file in, kept open while its next files are in the same one: a file is then
    /// opened by its name alone, one path component for the kernel to look up instead of all of them (the path walk
    /// was ~2 % of a 10k-file run). A worker holds one at a time, so descriptors never grow with the tree.
    final class CurrentDirectory {
        private var listing: Listing?
        private var descriptor: Int32 = -1

        /// Where to open `file` by its name, or nil when it was not listed or its directory cannot be opened.
        func name(of file: Found) -> FileBytes.NameInDirectory? {
            guard let listing = file.listing else { return nil }
            if listing != self.listing {
                finish()
                self.listing = listing
                // The path up to the slash before the name ("/" itself for a file at the root).
                let directory = String(decoding: file.path.utf8.prefix(max(1, listing.nameStart - 1)), as: UTF8.self)
                descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            return descriptor >= 0 ? FileBytes.NameInDirectory(directory: descriptor, nameStart: listing.nameStart) : nil
        }

        func finish() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            listing = nil
        }

        deinit { finish() }
    }

    /// The files in the order the walk finds them (`GlobOrder.order` gives glob's).
    static func files(in root: String) -> [Found] {
        var found: [Found] = []
        walk(root) { found += $0 }
        return found
    }

    /// The walk of `files(in:)`, handing each directory's files to `publish` as soon as they are listed (the reader
    /// reads them while the walk goes on).
    static func walk(_ root: String, publish: ([Found]) -> Void) {
        var listings = 0
        collect(directory: root, isRoot: true, descends: true, listings: &listings, publish: publish)
    }

    /// Walks the tree as glob v7's `**` does: real directories are entered at every depth; a symbolic link
    /// to a directory is read (the files directly inside it match) but not descended into (glob stops
    /// at a symlink while inside a globstar), so a link back up (`sub/loop -> ..`) loads the files one
    /// level inside it a second time, under another path, as Grouparoo does. Symlinked files match.
    /// Names starting with `.` are skipped (`dot: false`). Uses `readdir`'s entry types, which avoids
    /// one `stat` per file on large trees.
    private static func collect(directory: String, isRoot: Bool, descends: Bool, listings: inout Int,
                                publish: ([Found]) -> Void) {
        guard let handle = openDirectory(directory, followsLink: isRoot || !descends) else {
            // A missing config directory simply has no files (R-LOAD-03).
            if isRoot && errno == ENOENT { return }
            let reason = String(cString: strerror(errno))
            publish([Found(path: directory, problem: isRoot ? "cannot read the config directory: \(reason)"
                               : "cannot read this directory (\(reason)); the config files in it were not checked")])
            return
        }
        let prefix = directory + "/"
        let listing = Listing(number: listings, nameStart: prefix.utf8.count)
        listings += 1
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
                    found.append(Found(path: name.path, problem: nil, listedAsRegularFile: true, listing: listing))
                }
            case Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK):
                if name.ending != nil { found.append(Found(path: name.path, problem: Self.notARegularFile)) }
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                let path = name.path
                var status = stat()
                guard stat(path, &status) == 0 else {
                    if name.ending != nil {
                        found.append(Found(path: path, problem: errno == ENOENT
                            ? "this symbolic link points at nothing; Grouparoo's loader fails to read it"
                            : "cannot read this file (\(String(cString: strerror(errno))))"))
                    }
                    continue
                }
                if status.st_mode & S_IFMT == S_IFDIR {
                    // A real directory on a file system without entry types is walked like any other.
                    if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN), !isSymbolicLink(path) {
                        subdirectories.append(path)
                    } else {
                        linkedDirectories.append(path)
                    }
                    noteDirectoryNamedLikeAFile(name, into: &found)
                } else if name.ending != nil {
                    let isRegular = status.st_mode & S_IFMT == S_IFREG
                    found.append(Found(path: path, problem: isRegular ? nil : Self.notARegularFile, listing: listing))
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
            collect(directory: subdirectory, isRoot: false, descends: true, listings: &listings, publish: publish)
        }
        for linked in linkedDirectories {
            collect(directory: linked, isRoot: false, descends: false, listings: &listings, publish: publish)
        }
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

    /// A FIFO, socket or device that glob matches: Grouparoo's loader waits forever on a FIFO, and fails on the rest.
    private static let notARegularFile = "cannot read this file (not a regular file); Grouparoo's loader hangs or fails reading it"

    private static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// A stream over `path`'s entries. A directory the walk descends into is opened without following a symbolic link
    /// (one swapped in for it since it was listed would lead the walk elsewhere); the root and linked directories are
    /// reached through their links on purpose.
    private static func openDirectory(_ path: String, followsLink: Bool) -> OpaquePointer? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followsLink ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        guard let handle = fdopendir(descriptor) else {
            let failure = errno
            close(descriptor)
            errno = failure
            return nil
        }
        return handle
    }
}
