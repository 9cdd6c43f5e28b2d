import Foundation

/// Looks at the characters a value was written with, to tell a string literal (`"abc"`) from a value
/// computed from the environment (`process.env.X`). Files are read lazily; only the last one read is
/// kept (callers go through the objects in file order), so memory does not grow with the tree.
final class SourceTextPeek {
    private var lastFile: (path: String, lines: SourceLines)?

    /// True when the text at `span` starts a string literal, or the file is JSON (which only has literals).
    func isLiteral(_ span: SourceSpan) -> Bool {
        if span.file.hasSuffix(".json") { return true }
        guard let character = firstCharacter(at: span) else { return false }
        return character == "\"" || character == "'" || character == "`"
    }

    private func firstCharacter(at span: SourceSpan) -> Unicode.Scalar? {
        let path = span.file
        if lastFile?.path != path {
            lastFile = (path, SourceLines(FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []))
        }
        guard let line = lastFile?.lines.line(span.start.line) else { return nil }
        let scalars = line.unicodeScalars
        guard span.start.column >= 1, span.start.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: span.start.column - 1)]
    }
}
