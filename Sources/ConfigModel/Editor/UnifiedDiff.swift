import Foundation

/// A unified diff (`diff -u` style, 3 lines of context) of a fix application. The changed lines come
/// from the replacements themselves, so no general diff algorithm is needed and big files stay cheap.
public enum UnifiedDiff {
    public static let contextLines = 3

    /// The diff text for one file, headers `--- a/PATH` and `+++ b/PATH`; empty when nothing changed.
    public static func render(_ application: EditorFixApplication, path: String) -> String {
        let changes = lineChanges(application)
        guard !changes.isEmpty else { return "" }
        let lines = split(application.original)
        // `diff -u` marks a last line without `\n`; edits never add or remove that newline.
        let noFinalNewline = application.original.last.map { $0 != UInt8(ascii: "\n") } ?? false
        let marker = "\\ No newline at end of file"
        func markEnd(_ body: inout [String], endsFile: Bool) { if endsFile, noFinalNewline { body.append(marker) } }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var delta = 0
        for hunk in hunks(changes) {
            let first = max(0, hunk[0].oldLines.lowerBound - contextLines)
            let last = min(lines.count, hunk[hunk.count - 1].oldLines.upperBound + contextLines)
            var body: [String] = []
            var cursor = first
            var newCount = 0
            for change in hunk {
                body += lines[cursor..<change.oldLines.lowerBound].map { " " + $0 }
                let endsFile = change.oldLines.upperBound == lines.count
                body += lines[change.oldLines].map { "-" + $0 }
                markEnd(&body, endsFile: endsFile)
                body += change.newLines.map { "+" + $0 }
                markEnd(&body, endsFile: endsFile)
                newCount += change.oldLines.lowerBound - cursor + change.newLines.count
                cursor = change.oldLines.upperBound
            }
            body += lines[cursor..<last].map { " " + $0 }
            markEnd(&body, endsFile: last == lines.count && cursor < last)
            newCount += last - cursor
            let oldCount = last - first
            output += "@@ -\(first + 1),\(oldCount) +\(first + 1 + delta),\(newCount) @@\n" + body.map { $0 + "\n" }.joined()
            delta += hunk.reduce(0) { $0 + $1.newLines.count - $1.oldLines.count }
        }
        return output
    }

    /// Whole original lines (0-based, half-open) and the lines that replace them.
    struct LineChange {
        var oldLines: Range<Int>
        var newLines: [String]
    }

    /// The replaced lines, one change per run of neighbouring lines.
    static func lineChanges(_ application: EditorFixApplication) -> [LineChange] {
        let bytes = application.original
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func line(of offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }
        // Replacements on the same or neighbouring lines form one block of `-` lines then `+` lines.
        var groups: [(lines: ClosedRange<Int>, replacements: [EditorFixApplication.Replacement])] = []
        for replacement in application.replacements {
            let lines = line(of: replacement.range.lowerBound)...line(of: replacement.range.upperBound)
            if let last = groups.last, lines.lowerBound <= last.lines.upperBound + 1 {
                groups[groups.count - 1] = (last.lines.lowerBound...max(last.lines.upperBound, lines.upperBound), last.replacements + [replacement])
            } else {
                groups.append((lines, [replacement]))
            }
        }
        return groups.map { group in
            let start = lineStarts[group.lines.lowerBound]
            let endLine = group.lines.upperBound + 1
            let end = endLine < lineStarts.count ? lineStarts[endLine] - 1 : bytes.count
            var text: [UInt8] = []
            var cursor = start
            for replacement in group.replacements {
                text += bytes[cursor..<replacement.range.lowerBound] + replacement.newText
                cursor = replacement.range.upperBound
            }
            text += bytes[cursor..<end]
            return LineChange(oldLines: group.lines.lowerBound..<endLine, newLines: split(text, keepLast: true))
        }
    }

    /// Changes whose context would touch or overlap share a hunk.
    static func hunks(_ changes: [LineChange]) -> [[LineChange]] {
        var hunks: [[LineChange]] = []
        for change in changes {
            if let previous = hunks.last?.last, change.oldLines.lowerBound - previous.oldLines.upperBound <= 2 * contextLines {
                hunks[hunks.count - 1].append(change)
            } else {
                hunks.append([change])
            }
        }
        return hunks
    }

    /// Lines without their `\n`; a final newline does not start another line unless `keepLast`.
    static func split(_ bytes: [UInt8], keepLast: Bool = false) -> [String] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if !keepLast, lines.last == "" { lines.removeLast() }
        return lines
    }
}
