/// How report formats spell file paths: relative to the working directory when the file is
/// inside it (what CI annotations and code scanning expect), absolute otherwise.
struct ReportPaths {
    let workingDirectory: String
    let configDirectory: String
    /// `workingDirectory` with a slash at the end.
    private let base: String
    private let baseIsASCII: Bool

    init(workingDirectory: String, configDirectory: String) {
        self.workingDirectory = workingDirectory
        self.configDirectory = configDirectory
        base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        baseIsASCII = base.utf8.allSatisfy { $0 < 0x80 }
    }

    func display(_ path: String) -> String {
        if path == workingDirectory { return "." }
        return relativePart(path).map(String.init) ?? path
    }

    func isInsideWorkingDirectory(_ path: String) -> Bool {
        relativePart(path) != nil
    }

    /// What follows `base` in `path`, when `path` starts with it and goes on (by Characters, as String compares).
    /// Bytes answer for ASCII: a prefix of ASCII bytes followed by an ASCII byte ends at a Character's end, and
    /// ASCII text equals only the same bytes. This runs for every diagnostic of a report.
    private func relativePart(_ path: String) -> Substring? {
        let utf8 = path.utf8
        if baseIsASCII, utf8.count > base.utf8.count, utf8.starts(with: base.utf8) {
            let rest = utf8.index(utf8.startIndex, offsetBy: base.utf8.count)
            if utf8[rest] < 0x80 { return path[rest...] }
        } else if baseIsASCII, utf8.allSatisfy({ $0 < 0x80 }) {
            return nil
        }
        guard path.hasPrefix(base), path.count > base.count else { return nil }
        return path.dropFirst(base.count)
    }
}
