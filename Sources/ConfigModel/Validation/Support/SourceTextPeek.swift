import Foundation

/// Looks at the characters a value was written with, to tell a string literal (`"abc"`) from a value
/// computed from the environment (`process.env.X`). Files are read lazily, once each.
final class SourceTextPeek {
    private var files: [String: SourceLines] = [:]

    /// True when the text at `span` starts a string literal, or the file is JSON (which only has literals).
    func isLiteral(_ span: SourceSpan) -> Bool {
        if span.file.hasSuffix(".json") { return true }
        guard let character = firstCharacter(at: span) else { return false }
        return character == "\"" || character == "'" || character == "`"
    }

    private func firstCharacter(at span: SourceSpan) -> Unicode.Scalar? {
        if files[span.file] == nil {
            files[span.file] = SourceLines(FileManager.default.contents(atPath: span.file).map { [UInt8]($0) } ?? [])
        }
        guard let line = files[span.file]?.line(span.start.line) else { return nil }
        let scalars = line.unicodeScalars
        guard span.start.column >= 1, span.start.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: span.start.column - 1)]
    }
}
