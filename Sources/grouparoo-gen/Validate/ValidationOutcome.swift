import ConfigModel
import Foundation

/// The diagnostics a run shows and the counts its summary and exit code are based on. With
/// `--files`, references are still resolved across the whole config dir, but only diagnostics
/// located in those files, with a note pointing into one of them, or with no location at all
/// are shown and counted.
struct ValidationOutcome {
    let diagnostics: [Diagnostic]
    /// Files and objects checked (with `--files`: the selected files that are in the config dir).
    let fileCount: Int
    let objectCount: Int
    let errorCount: Int
    let warningCount: Int
    let strict: Bool

    /// Valid when there is no error, and with `--strict` no warning either.
    var isValid: Bool { errorCount == 0 && !(strict && warningCount > 0) }

    init(diagnostics: [Diagnostic], fileCount: Int, objectCount: Int, strict: Bool) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.objectCount = objectCount
        self.strict = strict
        // By index, reading the severity in place: `count(where:)` copied each diagnostic out (and destroyed it).
        var (errors, warnings) = (0, 0)
        for index in diagnostics.indices {
            switch diagnostics[index].severity {
            case .error: errors += 1
            case .warning: warnings += 1
            default: break
            }
        }
        (errorCount, warningCount) = (errors, warnings)
    }

    /// Applies the `--files` filter; keeps the engine's order (by file, line and column).
    init(report: ValidationReport, read: ConfigReadResult, onlyFiles: [String], strict: Bool) {
        let selected = onlyFiles.isEmpty ? nil : FileSelection(onlyFiles)
        var shown = report.diagnostics
        var fileCount = report.fileCount
        var objectCount = report.objectCount
        if let selected {
            var isSelected: [String: Bool] = [:]
            func inSelection(_ file: String) -> Bool {
                if let known = isSelected[file] { return known }
                let selectedNow = selected.contains(file)
                isSelected[file] = selectedNow
                return selectedNow
            }
            shown = shown.filter { diagnostic in
                // Without a place it concerns the whole config, so every commit must see it.
                guard let file = diagnostic.span?.file else { return true }
                if inSelection(file) { return true }
                // A duplicate located in an unchanged file, whose note points at the new one,
                // is just as much this commit's problem.
                return diagnostic.notes.contains { note in note.span.map { inSelection($0.file) } ?? false }
            }
            let checkedFiles = read.files.filter { selected.contains($0.path) }
            fileCount = checkedFiles.count
            objectCount = checkedFiles.reduce(0) { $0 + $1.objects.count }
        }
        self.init(diagnostics: shown, fileCount: fileCount, objectCount: objectCount, strict: strict)
    }
}

/// Paths given to `--files`, matched whether or not symbolic links were resolved on either side.
struct FileSelection {
    private let paths: Set<String>

    init(_ files: [String]) {
        paths = Set(files.flatMap { FileSelection.spellings($0) })
    }

    func contains(_ path: String) -> Bool {
        FileSelection.spellings(path).contains { paths.contains($0) }
    }

    private static func spellings(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        return [url.standardizedFileURL.path, url.resolvingSymlinksInPath().path]
    }
}
