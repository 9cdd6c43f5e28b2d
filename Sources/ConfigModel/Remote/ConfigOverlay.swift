import Foundation

/// What a config directory would read to with some files added or replaced, without writing them:
/// `import` validates its result this way before it writes anything.
public enum ConfigOverlay {
    /// `files` are (path relative to `directory`, contents); a file at an existing path replaces it.
    public static func read(directory: String, adding files: [(path: String, contents: String)], options: ReaderOptions) -> ConfigReadResult {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let added = files.map { (path: root + "/" + $0.path, contents: $0.contents) }
        let addedPaths = Set(added.map(\.path))
        var isDirectory: ObjCBool = false
        var existing: [FileReadResult] = []
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
            existing = ConfigReader(options: options).readDirectory(at: root).files.filter { !addedPaths.contains($0.path) }
        }
        let reader = ConfigReader(options: options)
        let new = LargeStack.parallelMap(added.count, minimumPerWorker: 64) { index in
            reader.read(contents: Array(added[index].contents.utf8), path: added[index].path)
        }
        return ConfigReadResult(directory: root, files: existing + new)
    }
}
