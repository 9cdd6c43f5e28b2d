import Foundation

/// R-LOAD-01/02: the files Grouparoo's glob `**/+(*.json|*.js)` matches, in its order, plus the
/// paths that glob would match but cannot be read (reported instead of silently skipped).
enum ConfigFileFinder {
    struct Found {
        let path: String
        /// Why this path cannot be loaded; nil for an ordinary file.
        let problem: String?
        var severity = Severity.error
    }

    static func files(in root: String) -> [Found] {
        var found: [Found] = []
        collect(directory: root, isRoot: true, descends: true, into: &found)
        // Every path starts with the root, so keys leave it out: shorter keys compare faster.
        let rootLength = root.utf8.count
        let keys = found.map { GlobOrder.key(String(Substring($0.path.utf8.dropFirst(rootLength)))) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { found[$0] }
    }

    /// Walks the tree as glob v7's `**` does: real directories are entered at every depth; a symbolic link
    /// to a directory is read (the files directly inside it match) but not descended into (glob stops
    /// at a symlink while inside a globstar), so a link back up (`sub/loop -> ..`) loads the files one
    /// level inside it a second time, under another path, as Grouparoo does. Symlinked files match.
    /// Names starting with `.` are skipped (`dot: false`). Uses `readdir`'s entry types, which avoids
    /// one `stat` per file on large trees.
    private static func collect(directory: String, isRoot: Bool, descends: Bool, into found: inout [Found]) {
        guard let handle = opendir(directory) else {
            // A missing config directory simply has no files (R-LOAD-03).
            if isRoot && errno == ENOENT { return }
            let reason = String(cString: strerror(errno))
            found.append(Found(path: directory, problem: isRoot ? "cannot read the config directory: \(reason)"
                                   : "cannot read this directory (\(reason)); the config files in it were not checked"))
            return
        }
        defer { closedir(handle) }
        var subdirectories: [String] = []
        var linkedDirectories: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                subdirectories.append(path)
                noteDirectoryNamedLikeAFile(path, name: name, into: &found)
            case Int32(DT_REG):
                if isConfigFileName(name) { found.append(Found(path: path, problem: nil)) }
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    if isConfigFileName(name) {
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
                    noteDirectoryNamedLikeAFile(path, name: name, into: &found)
                } else if isConfigFileName(name) {
                    found.append(Found(path: path, problem: nil))
                }
            default:
                continue
            }
        }
        guard descends else { return }
        for subdirectory in subdirectories { collect(directory: subdirectory, isRoot: false, descends: true, into: &found) }
        for linked in linkedDirectories { collect(directory: linked, isRoot: false, descends: false, into: &found) }
    }

    /// glob matches directories too, so one named `x.json` or `x.js` is handed to the loader.
    private static func noteDirectoryNamedLikeAFile(_ path: String, name: String, into found: inout [Found]) {
        if name.hasSuffix(".json") {
            found.append(Found(path: path, problem: "this directory is named like a config file; "
                                   + "Grouparoo's loader matches it and fails reading it as JSON"))
        } else if name.hasSuffix(".js") {
            found.append(Found(path: path, problem: "this directory is named like a config file; Grouparoo's "
                                   + "loader `require`s it (its index.js), which is not checked here", severity: .warning))
        }
    }

    private static func isConfigFileName(_ name: String) -> Bool {
        name.hasSuffix(".js") || name.hasSuffix(".json")
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

    /// A path's collation key: primary weights, then a case tiebreak.
    struct Key: Comparable {
        let primary: [UInt32]
        let tiebreak: [UInt32]

        static func < (lhs: Key, rhs: Key) -> Bool {
            if let order = precedes(lhs.primary, rhs.primary) { return order }
            return precedes(lhs.tiebreak, rhs.tiebreak) ?? false
        }

        /// Whether `a` sorts before `b`, nil when they are equal; one pass, as the sort compares keys many times.
        private static func precedes(_ a: [UInt32], _ b: [UInt32]) -> Bool? {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for index in 0..<min(a.count, b.count) where a[index] != b[index] { return a[index] < b[index] }
                    return a.count == b.count ? nil : a.count < b.count
                }
            }
        }
    }

    static func key(_ text: String) -> Key {
        var primary: [UInt32] = []
        var tiebreak: [UInt32] = []
        primary.reserveCapacity(text.utf8.count)
        tiebreak.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                primary.append(asciiWeights[Int(scalar.value)])
                // Lower case sorts before upper case, as in ICU's tertiary level.
                tiebreak.append(("A"..."Z").contains(scalar) ? scalar.value + 0x100 : scalar.value)
            } else {
                primary.append(weight(scalar))
                tiebreak.append(scalar.properties.isLowercase ? scalar.value : scalar.value + 0x20_0000)
            }
        }
        return Key(primary: primary, tiebreak: tiebreak)
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
