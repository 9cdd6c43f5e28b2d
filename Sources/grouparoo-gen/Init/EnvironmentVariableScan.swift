import ConfigModel

/// Finds the environment variables config files read, by evaluating them with our reader and an
/// empty environment: every `process.env.NAME` read then reports `unset-env-var`. This sees what
/// the files really read (not a text search that would also match comments).
enum EnvironmentVariableScan {
    struct Variable: Equatable, Sendable {
        var name: String
        /// Files reading it, in the order given.
        var files: [String]
    }

    /// Variables read by `files` (path and contents, nothing is read from disk), sorted by name.
    static func variables(in files: [PlannedFile]) -> [Variable] {
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        var filesByName: [String: [String]] = [:]
        for file in files where file.relativePath.hasSuffix(".js") || file.relativePath.hasSuffix(".json") {
            let result = reader.read(contents: Array(file.contents.utf8), path: file.relativePath)
            for diagnostic in result.diagnostics where diagnostic.readerProblem == .unsetEnvVar {
                guard let name = variableName(in: diagnostic.message) else { continue }
                if !filesByName[name, default: []].contains(file.relativePath) {
                    filesByName[name, default: []].append(file.relativePath)
                }
            }
        }
        return filesByName.keys.sorted().map { Variable(name: $0, files: filesByName[$0]!) }
    }

    /// The reader words it "environment variable `NAME` is not set, …": NAME is the first
    /// back-quoted word.
    static func variableName(in message: String) -> String? {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }
}
