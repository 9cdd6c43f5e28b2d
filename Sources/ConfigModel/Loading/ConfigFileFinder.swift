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
        /// At most this many are kept, one file descriptor each (the usual soft limit is 1,024); the files of
        /// further directories are opened by their full path.
        static let limit = 256
        // Written only while the tree is walked, before any file is read.
        private var descriptors: [Int32] = []

        /// A descriptor of `handle`'s directory that stays open after `closedir`, or nil past the limit or on failure.
        fileprivate func keep(_ handle: OpaquePointer) -> Int32? {
            guard descriptors.count < Self.limit else { return nil }
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
        collect(directory: root, isRoot: true, descends: true, keeping: directories, into: &found)
        return (found, directories)
    }

    /// Walks the tree as glob v7's `**` does: real directories are entered at every depth; a symbolic link
    /// to a directory is read (the files directly inside it match) but not descended into (glob stops
    /// at a symlink while inside a globstar), so a link back up (`sub/loop -> ..`) loads the files one
    /// level inside it a second time, under another path, as Grouparoo does. Symlinked files match.
    /// Names starting with `.` are skipped (`dot: false`). Uses `readdir`'s entry types, which avoids
    /// one `stat` per file on large trees.
    private static func collect(directory: String, isRoot: Bool, descends: Bool, keeping directories: OpenDirectories,
                                into found: inout [Found]) {
        guard let handle = opendir(directory) else {
            // A missing config directory simply has no files (R-LOAD-03).
            if isRoot && errno == ENOENT { return }
            let reason = String(cString: strerror(errno))
            found.append(Found(path: directory, problem: isRoot ? "cannot read the config directory: \(reason)"
                                   : "cannot read this directory (\(reason)); the config files in it were not checked"))
            return
        }
        defer { closedir(handle) }
        let prefix = directory + "/"
        let directoryName = directories.keep(handle).map { FileBytes.NameInDirectory(directory: $0, nameStart: prefix.utf8.count) }
        var subdirectories: [String] = []
        var linkedDirectories: [String] = []
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
        guard descends else { return }
        for subdirectory in subdirectories {
            collect(directory: subdirectory, isRoot: false, descends: true, keeping: directories, into: &found)
        }
        for linked in linkedDirectories { collect(directory: linked, isRoot: false, descends: false, keeping: directories, into: &found) }
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

/// An approximation of `String.prototype.localeCompare` (ICU root collation), which glob v7
/// sorts with: punctuation before digits before letters, letters compared without case first,
/// then lower case before upper case.
enum GlobOrder {
    private static let punctuationOrder: [Unicode.Scalar] = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    /// Primary weights of every ASCII scalar, computed once (the sort compares each path many times).
    private static let asciiWeights: [UInt32] = (0..<128).map { weight(Unicode.Scalar(UInt8($0))) }

    /// Ranks of the ASCII weights, from 1: when every path is ASCII, a scalar's weight fits in one byte.
    private static let asciiRanks: [UInt8] = {
        let distinct = Set(asciiWeights).sorted()
        return asciiWeights.map { UInt8(distinct.firstIndex(of: $0)! + 1) }
    }()

    /// The indices of `paths`, which all start with the same `rootLength` bytes, in glob's order (a stable sort).
    /// Each path's primary weights are laid out one after another in one buffer, one byte each (its ASCII
    /// rank) or, when some path is not ASCII, three bytes, most significant first, so keys compare as plain
    /// bytes (`memcmp`). They leave the root out (shorter keys compare faster; the tiebreak's equal prefixes
    /// change nothing). The case tiebreak is worked out only for keys that tie.
    static func order(_ paths: [String], rootLength: Int) -> [Int] {
        let (keys, starts) = asciiKeys(paths, rootLength: rootLength) ?? scalarKeys(paths, rootLength: rootLength)
        return keys.withUnsafeBufferPointer { keys in
            starts.withUnsafeBufferPointer { starts in
                let precedes = { (left: Int, right: Int) -> Bool in
                    let leftKey = UnsafeBufferPointer(rebasing: keys[starts[left]..<starts[left + 1]])
                    let rightKey = UnsafeBufferPointer(rebasing: keys[starts[right]..<starts[right + 1]])
                    if let order = Self.precedes(leftKey, rightKey) { return order }
                    return tiebreak(paths[left]).withUnsafeBufferPointer { leftCase in
                        tiebreak(paths[right]).withUnsafeBufferPointer { rightCase in Self.precedes(leftCase, rightCase) ?? false }
                    }
                }
                return paths.indices.sorted(by: precedes)
            }
        }
    }

    /// The one-byte keys (ASCII ranks) of every path after the root, one after another, and where each
    /// starts; nil when some path is not ASCII. Written through pointers in one pass: this runs for every
    /// file found, before any is read.
    private static func asciiKeys(_ paths: [String], rootLength: Int) -> (keys: [UInt8], starts: [Int])? {
        var starts = [0]
        starts.reserveCapacity(paths.count + 1)
        var isASCII = true
        let keys = asciiRanks.withUnsafeBufferPointer { ranks in
            [UInt8](unsafeUninitializedCapacity: paths.reduce(0) { $0 + $1.utf8.count - rootLength }) { buffer, count in
                for var path in paths where isASCII {
                    path.withUTF8 { bytes in
                        for byte in UnsafeBufferPointer(rebasing: bytes[rootLength...]) {
                            guard byte < 0x80 else { return isASCII = false }
                            buffer[count] = ranks[Int(byte)]
                            count += 1
                        }
                    }
                    starts.append(count)
                }
            }
        }
        return isASCII ? (keys, starts) : nil
    }

    /// The three-byte keys of every path after the root, one after another, and where each starts.
    private static func scalarKeys(_ paths: [String], rootLength: Int) -> (keys: [UInt8], starts: [Int]) {
        var keys: [UInt8] = []
        var starts = [0]
        for path in paths {
            keys += weights(Substring(path.utf8.dropFirst(rootLength)), weight)
            starts.append(keys.count)
        }
        return (keys, starts)
    }

    /// Whether `a` sorts before `b`, nil when they are equal.
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return a.count == b.count ? nil : a.count < b.count
    }

    /// Lower case sorts before upper case, as in ICU's tertiary level.
    private static func tiebreak(_ text: String) -> [UInt8] {
        weights(Substring(text)) { scalar in
            if scalar.isASCII { return ("A"..."Z").contains(scalar) ? scalar.value + 0x100 : scalar.value }
            return scalar.properties.isLowercase ? scalar.value : scalar.value + 0x20_0000
        }
    }

    /// `weight` of every scalar of `text`, three bytes each (no weight reaches 2^24).
    private static func weights(_ text: Substring, _ weight: (Unicode.Scalar) -> UInt32) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.utf8.count * 3) { buffer, count in
            for scalar in text.unicodeScalars {
                let value = weight(scalar)
                buffer[count] = UInt8(truncatingIfNeeded: value >> 16)
                buffer[count + 1] = UInt8(truncatingIfNeeded: value >> 8)
                buffer[count + 2] = UInt8(truncatingIfNeeded: value)
                count += 3
            }
        }
    }

    private static func weight(_ scalar: Unicode.Scalar) -> UInt32 {
        if let index = punctuationOrder.firstIndex(of: scalar) { return 0x100 + UInt32(index) }
        if scalar == " " { return 0x50 }
        if ("0"..."9").contains(scalar) { return 0x200 + scalar.value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        if ("a"..."z").contains(lower) { return 0x300 + lower.value }
        return 0x1000 + lower.value
    }
}
