/// A file's UTF-8 bytes, known to be valid, with the means to turn a byte offset into a
/// line and column. Columns count Unicode scalars (what a caret under the line needs),
/// so the reader works on bytes while every reported position stays in scalars.
struct SourceText {
    let file: String
    private let fileID: Int32
    /// Valid UTF-8: decoding replaced or rejected anything else.
    let bytes: [UInt8]
    /// Where each line starts, and the line of every 64th byte.
    private let lines: LineTable
    /// For files with non-ASCII text: the number of scalars before every `checkpointStride`-th byte,
    /// so a column costs at most one stride of counting. Empty for ASCII files (bytes are scalars).
    private let scalarCheckpoints: [Int]
    private static let checkpointStride = 64

    /// Whether a column is the byte offset from the line's start (an ASCII file) and every line and column fits
    /// a span's 32 bits: `span`'s shortcut.
    private let columnsAreBytes: Bool
    /// Every span of a `.json` file starts with a literal (`SourceSpan.startsWithLiteral`).
    private let isJSON: Bool

    /// `bytes` must be valid UTF-8.
    init(file: String, validUTF8 bytes: [UInt8]) {
        self.init(file: file, validUTF8: bytes, lines: LineTable(bytes))
    }

    /// `lines` must be `LineTable(bytes)` (decoding has it already).
    init(file: String, validUTF8 bytes: [UInt8], lines: LineTable) {
        self.file = file
        self.fileID = FilePathTable.shared.id(for: file)
        isJSON = SourceText.isJSONPath(file)
        self.bytes = bytes
        self.lines = lines
        scalarCheckpoints = lines.isASCII ? [] : SourceText.checkpoints(bytes)
        columnsAreBytes = lines.isASCII && bytes.count < Int32.max
    }

    private static func checkpoints(_ bytes: [UInt8]) -> [Int] {
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / checkpointStride + 1)
        var scalars = 0
        for (index, byte) in bytes.enumerated() {
            if index > 0, index % checkpointStride == 0 { checkpoints.append(scalars) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        return checkpoints
    }

    /// Scalars before a byte offset (which must be at a scalar boundary or the end).
    private func scalarCount(before offset: Int) -> Int {
        if scalarCheckpoints.isEmpty { return offset }
        // The end of a file whose length is a multiple of the stride has no checkpoint of its own.
        let block = min(offset / SourceText.checkpointStride, scalarCheckpoints.count - 1)
        var count = scalarCheckpoints[block]
        var index = block * SourceText.checkpointStride
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The scalar starting at byte `index` and its length in bytes.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        // Valid UTF-8 is guaranteed, so the lead byte gives the length and the rest are continuation bytes.
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    func position(of index: Int) -> TextPosition {
        position(of: index, line: lineIndex(of: index))
    }

    @inline(__always)
    private func position(of index: Int, line: Int) -> TextPosition {
        let offset = min(max(index, 0), bytes.count)
        let lineStart = lines.start(ofLine: line)
        // In an ASCII file (nearly always) every byte is a scalar: no counting.
        let column = scalarCheckpoints.isEmpty ? offset - lineStart : scalarCount(before: offset) - scalarCount(before: lineStart)
        return TextPosition(line: line + 1, column: column + 1)
    }

    /// The 0-based line holding byte `index`, looking from line `line` (at or before it) on.
    @inline(__always)
    private func lineIndex(of index: Int, from line: Int) -> Int {
        lines.line(holding: min(max(index, 0), bytes.count), from: line, textEnd: bytes.count).line
    }

    /// The 0-based line holding byte `index`.
    @inline(__always)
    private func lineIndex(of index: Int) -> Int {
        lines.line(holding: min(max(index, 0), bytes.count))
    }

    /// A span on one line of an ASCII file (nearly every span) takes one look-up for the line and both columns by
    /// subtraction, its parts stored as they are (`columnsAreBytes` says they fit).
    func span(_ start: Int, _ end: Int) -> SourceSpan {
        if columnsAreBytes, start >= 0, start <= end, end <= bytes.count {
            let (line, lineStart, nextLineStart) = lines.line(holding: start, textEnd: bytes.count)
            if let span = oneLineSpan(start, end, line: line, lineStart: lineStart, nextLineStart: nextLineStart) { return span }
        }
        return generalSpan(start, end)
    }

    /// `span(start, end)` remembering the line found in `cursor`, as the evaluator does for every value: a start on
    /// the line of the one before (a value and its key, most parts of an expression) needs no look-up. Any other is
    /// looked up afresh, not stepped to: a call jumps back and forth between a function and its caller. Inlined.
    @inline(__always)
    func span(_ start: Int, _ end: Int, after cursor: inout LineCursor) -> SourceSpan {
        if columnsAreBytes, start >= 0, start <= end, end <= bytes.count {
            if start >= cursor.end || start < cursor.start {
                let (line, lineStart, nextLineStart) = lines.line(holding: start, textEnd: bytes.count)
                cursor = LineCursor(line: line, start: lineStart, end: nextLineStart)
            }
            if let span = oneLineSpan(start, end, line: cursor.line, lineStart: cursor.start, nextLineStart: cursor.end) {
                return span
            }
            // An object, array or function over several lines: only its end's line is looked up.
            if end >= cursor.end {
                let (endLine, endLineStart, _) = lines.line(holding: end, textEnd: bytes.count)
                return SourceSpan(fileID: fileID, start: TextPosition(line: cursor.line &+ 1, column: start &- cursor.start &+ 1),
                                  end: TextPosition(line: endLine &+ 1, column: end &- endLineStart &+ 1),
                                  startsWithLiteral: startsWithLiteral(start))
            }
        }
        return generalSpan(start, end)
    }

    /// A span on one line of an ASCII file, its parts stored as they are; nil when it ends on a later line or too far.
    @inline(__always)
    private func oneLineSpan(_ start: Int, _ end: Int, line: Int, lineStart: Int, nextLineStart: Int) -> SourceSpan? {
        let endColumn = end &- lineStart &+ 1
        guard end < nextLineStart, endColumn < SourceSpan.oneLineColumnLimit else { return nil }
        return SourceSpan(fileID: fileID, line: Int32(truncatingIfNeeded: line &+ 1),
                          column: Int32(truncatingIfNeeded: start &- lineStart &+ 1),
                          endColumn: UInt32(truncatingIfNeeded: endColumn), startsWithLiteral: startsWithLiteral(start))
    }

    /// `span` for any offsets: across lines, in a file with non-ASCII text, backwards or outside the text.
    @inline(never)
    private func generalSpan(_ start: Int, _ end: Int) -> SourceSpan {
        let startLine = lineIndex(of: start)
        // Most spans end on the line they start on, or a few lines later: step on from the start's line.
        let endLine = end >= start && end - start < 1 << LineTable.blockShift
            ? lineIndex(of: end, from: startLine) : lineIndex(of: end)
        return SourceSpan(fileID: fileID, start: position(of: start, line: startLine), end: position(of: end, line: endLine),
                          startsWithLiteral: startsWithLiteral(start))
    }

    /// Whether a span starting at byte `start` starts with a literal: a JSON file's always, JavaScript's when a quote opens it.
    @inline(__always)
    private func startsWithLiteral(_ start: Int) -> Bool {
        if isJSON { return true }
        // Clamped as `position(of:)` clamps, so the flag describes the character the span's start names.
        let offset = min(max(start, 0), bytes.count)
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        return byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
    }

    /// Where a reader walking forward is: the line of the last offset it asked for, and that line's bounds.
    struct LineCursor {
        fileprivate var line = 0
        fileprivate var start = 0
        /// Where the next line starts (past the end for the last line); 0 until the first look-up.
        fileprivate var end = 0
    }

    /// `position(of:)` for an offset in the text (0 through the end), asked in increasing order as a reader
    /// building spans asks: an offset on the cursor's line costs a comparison, a later one steps on from it.
    @inline(__always)
    func position(of index: Int, after cursor: inout LineCursor) -> TextPosition {
        if index >= cursor.end || index < cursor.start { move(&cursor, to: index) }
        // In an ASCII file (nearly always) every byte is a scalar: no counting.
        let column = scalarCheckpoints.isEmpty ? index - cursor.start : scalarCount(before: index) - scalarCount(before: cursor.start)
        return TextPosition(line: cursor.line + 1, column: column + 1)
    }

    private func move(_ cursor: inout LineCursor, to index: Int) {
        let offset = min(max(index, 0), bytes.count)
        // An offset before the cursor's line (asked out of order) is looked up afresh.
        let (line, start, end) = index >= cursor.start ? lines.line(holding: offset, from: cursor.line, textEnd: bytes.count)
            : lines.line(holding: offset, textEnd: bytes.count)
        cursor = LineCursor(line: line, start: start, end: end)
    }

    /// The span from byte `start`, whose position the caller found already, to the position `end`.
    func span(from start: Int, at startPosition: TextPosition, to end: TextPosition) -> SourceSpan {
        SourceSpan(fileID: fileID, start: startPosition, end: end, startsWithLiteral: startsWithLiteral(start))
    }

    /// `span(from:at:to:)` for `length` ASCII bytes that end no line (a plain token): the end is as many columns on,
    /// and a short one is stored as it is.
    func span(from start: Int, at startPosition: TextPosition, asciiLength length: Int) -> SourceSpan {
        let endColumn = startPosition.column + length
        guard endColumn >= 0, endColumn < SourceSpan.oneLineColumnLimit else {
            return span(from: start, at: startPosition, to: TextPosition(line: startPosition.line, column: endColumn))
        }
        return SourceSpan(fileID: fileID, line: Int32(truncatingIfNeeded: startPosition.line),
                          column: Int32(truncatingIfNeeded: startPosition.column), endColumn: UInt32(truncatingIfNeeded: endColumn),
                          startsWithLiteral: startsWithLiteral(start))
    }

    /// The text between two byte offsets at scalar boundaries.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    var lineCount: Int { lines.lineCount }

    /// The text of a 1-based line, without its terminator (for caret displays).
    func line(_ number: Int) -> String {
        guard number >= 1, number <= lines.lineCount else { return "" }
        let start = lines.start(ofLine: number - 1)
        return text(start, ByteScan.lineTerminator(in: bytes, from: start))
    }
}

/// Why a file could not be read: a real mistake in the file (`syntax`, `runtime`),
/// or valid JavaScript that needs Node to evaluate (`unsupported`).
struct ReadError: Error {
    enum Kind {
        case syntax
        case unsupported
        case runtime
    }

    let kind: Kind
    let message: String
    let position: TextPosition
    /// The file the error is in, when it is not the file being read (a `require`d file).
    var file: String?

    init(_ kind: Kind, _ message: String, at position: TextPosition, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.file = file
    }
}
