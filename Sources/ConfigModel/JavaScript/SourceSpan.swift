/// A 1-based line and column in a source file. Columns count Unicode scalars,
/// so a caret printed under the line lands on the right character.
public struct TextPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a value came from: a file and the range of text inside it.
public struct SourceSpan: Hashable, Sendable {
    public var file: String
    public var start: TextPosition
    public var end: TextPosition

    public init(file: String, start: TextPosition, end: TextPosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A span for a whole file, used when no finer position is known
    /// (for example, values produced by the Node evaluator).
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 1))
    }
}

extension SourceSpan: CustomStringConvertible {
    public var description: String { "\(file):\(start.line):\(start.column)" }
}
