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
        if lastFile?.path != path { lastFile = (path, SourceLines(FileBytes.contents(of: path) ?? [])) }
        guard let line = lastFile?.lines.lineBytes(span.start.line), span.start.column >= 1 else { return nil }
        // An ASCII line is one scalar per byte; any other is decoded as the reader decodes it (invalid bytes replaced).
        if line.allSatisfy({ $0 < 0x80 }) {
            guard span.start.column <= line.count else { return nil }
            return Unicode.Scalar(line[line.startIndex + span.start.column - 1])
        }
        let scalars = String(decoding: line, as: UTF8.self).unicodeScalars
        guard span.start.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: span.start.column - 1)]
    }
}
