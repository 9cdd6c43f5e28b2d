/// How report formats spell file paths: relative to the working directory when the file is
/// inside it (what CI annotations and code scanning expect), absolute otherwise.
struct ReportPaths {
    let workingDirectory: String
    let configDirectory: String

    func display(_ path: String) -> String {
        if path == workingDirectory { return "." }
        return isInsideWorkingDirectory(path) ? String(path.dropFirst(base.count)) : path
    }

    func isInsideWorkingDirectory(_ path: String) -> Bool {
        path.hasPrefix(base) && path.count > base.count
    }

    private var base: String { workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/" }
}
