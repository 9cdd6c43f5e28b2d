import Foundation

/// Looks at the characters a value was written with, to tell a string literal (`"abc"`) from a value
/// computed from the environment (`process.env.X`). Files are read lazily, once each.
final class SourceTextPeek {
    private var lines: [String: [Substring]] = [:]

    /// True when the text at `span` starts a string literal, or the file is JSON (which only has literals).
    func isLiteral(_ span: SourceSpan) -> Bool {
        if span.file.hasSuffix(".json") { return true }
        guard let character = firstCharacter(at: span) else { return false }
        return character == "\"" || character == "'" || character == "`"
    }

    private func firstCharacter(at span: SourceSpan) -> Unicode.Scalar? {
        if lines[span.file] == nil {
            let text = (try? String(contentsOfFile: span.file, encoding: .utf8)) ?? ""
            lines[span.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let fileLines = lines[span.file], span.start.line >= 1, span.start.line <= fileLines.count else { return nil }
        let scalars = fileLines[span.start.line - 1].unicodeScalars
        guard span.start.column >= 1, span.start.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: span.start.column - 1)]
    }
}
