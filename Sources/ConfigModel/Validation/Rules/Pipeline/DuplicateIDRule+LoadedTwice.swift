import Foundation

extension DuplicateIDRule {
    /// One object written once but loaded from two files: Grouparoo loads every `.js` file, including one another
    /// file already pulls in with `require`. The note points at that `require`, not at the object again.
    func loadedTwice(_ entry: ConfigEntry, first: ConfigEntry, config: ValidationInput) -> Diagnostic {
        let className = entry.cleanClass ?? "undefined"
        let shownID = entry.id ?? JavaScriptValues.string(entry.idProperty?.value.value ?? .undefined)
        let defining = entry.anchor.file
        let how: String
        let requiring: String
        if first.file == defining || entry.file == defining {
            requiring = first.file == defining ? entry.file : first.file
            how = "from \(Self.shown(defining, in: config)) itself and again through `require` in \(Self.shown(requiring, in: config))"
        } else {
            requiring = entry.file
            how = "through `require` in both \(Self.shown(first.file, in: config)) and \(Self.shown(entry.file, in: config))"
        }
        return diagnostic("duplicate id `\(shownID)`: this \(className) is loaded twice, \(how); Grouparoo loads every "
                          + ".js file in the config directory and counts each object every time it is loaded", on: entry,
                          grouparoo: "Duplicate ID values found for \(shownID) of class \(className)",
                          notes: [DiagnosticNote("\(Self.shown(requiring, in: config)) loads it again here",
                                                 span: Self.requireCall(in: requiring))])
    }

    /// The first line of `file` that calls `require(`, else the whole file.
    private static func requireCall(in file: String) -> SourceSpan {
        let lines = SourceLines(FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? [])
        var number = 1
        while let line = lines.line(number) {
            if let range = line.range(of: "require(") {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                return SourceSpan(file: file, start: TextPosition(line: number, column: column),
                                  end: TextPosition(line: number, column: column + "require".count))
            }
            number += 1
        }
        return .wholeFile(file)
    }

    /// A file as the user knows it: relative to the config directory's parent (`config/a.js`).
    private static func shown(_ file: String, in config: ValidationInput) -> String {
        let parent = URL(fileURLWithPath: config.read.directory).deletingLastPathComponent().path + "/"
        return file.hasPrefix(parent) ? String(file.dropFirst(parent.count)) : file
    }
}
