/// Reads a config directory for a diff. A variable the files read but the environment lacks would
/// make its value `undefined` and vanish; instead it becomes `ConfigValue.environmentVariable`, an
/// unknown value, so `password: process.env.DW_PASSWORD` is not reported as a missing password.
public enum DiffRead {
    public struct Result: Sendable {
        public var objects: [PlainConfigObject]
        public var read: ConfigReadResult
    }

    private static let marker = "\u{1}grouparoo-gen-environment:"

    public static func directory(_ path: String, options: ReaderOptions) -> Result {
        let first = ConfigReader(options: options).readDirectory(at: path)
        let unset = Set(first.diagnostics.filter { $0.readerProblem == .unsetEnvVar }.compactMap { variableName(in: $0.message) })
        guard !unset.isEmpty else { return Result(objects: PlainConfigObject.objects(of: first), read: first) }
        var marked = options
        for name in unset { marked.environment[name] = marker + name }
        let reader = ConfigReader(options: marked)
        let reads = first.files.map { file in file.environmentReads.filter { unset.contains($0.name) } }
        // A required module that read one of them gives its exports to every file requiring it (the read is
        // the module's, at a place in another file): then everything is read again.
        guard zip(first.files, reads).allSatisfy({ file, reads in reads.allSatisfy { $0.span.file == file.path } }) else {
            let second = reader.readDirectory(at: path)
            return Result(objects: PlainConfigObject.objects(of: second).map(unmarked), read: second)
        }
        // Otherwise only the files that read one of them are read again (a 10,000-file tree has a
        // few hundred), on every core, and only their objects can hold the marker.
        let again = first.files.indices.filter { !reads[$0].isEmpty }
        var files = first.files
        let reread = LargeStack.parallelMap(again.count) { reader.readFile(at: first.files[again[$0]].path) }
        for (index, file) in zip(again, reread) { files[index] = file }
        let rereadPaths = Set(reread.map(\.path))
        let second = ConfigReadResult(directory: first.directory, files: files)
        let objects = PlainConfigObject.objects(of: second).map { object in
            rereadPaths.contains(object.file ?? "") ? unmarked(object) : object
        }
        return Result(objects: objects, read: second)
    }

    private static func unmarked(_ object: PlainConfigObject) -> PlainConfigObject {
        var copy = object
        copy.value = unmark(object.value)
        return copy
    }

    /// The name in "environment variable `NAME` is not set, …".
    private static func variableName(in message: String) -> String? {
        let parts = message.split(separator: "`", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count >= 2 ? String(parts[1]) : nil
    }

    private static func unmark(_ value: ConfigValue) -> ConfigValue {
        switch value {
        case .string(let text) where text.hasPrefix(marker): return .environmentVariable(String(text.dropFirst(marker.count)))
        case .array(let elements): return .array(elements.map(unmark))
        case .object(let members): return .object(members.map { ConfigMember($0.key, unmark($0.value)) })
        default: return value
        }
    }
}
