/// A position as editors count it (LSP): 0-based line and 0-based UTF-16 code unit in that line.
public struct EditorPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: EditorPosition, rhs: EditorPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

public struct EditorRange: Hashable, Sendable {
    public var start: EditorPosition
    public var end: EditorPosition

    public init(start: EditorPosition, end: EditorPosition) {
        self.start = start
        self.end = end
    }
}

/// One edit from the editor: `range == nil` replaces the whole text.
public struct EditorTextChange: Sendable {
    public var range: EditorRange?
    public var text: String

    public init(range: EditorRange?, text: String) {
        self.range = range
        self.text = text
    }
}

/// A file's text as UTF-8 bytes with the line starts of both line models: the editor's (LSP: `\n`, `\r\n`,
/// `\r`) and the reader's (JavaScript also breaks at U+2028/U+2029), so positions convert both ways.
public struct EditorDocument: Sendable {
    public private(set) var bytes: [UInt8]
    public var version: Int
    private var editorLineStarts: [Int] = [0]
    private var readerLineStarts: [Int] = [0]

    public init(text: String, version: Int = 0) {
        self.init(bytes: Array(text.utf8), version: version)
    }

    public init(bytes: [UInt8], version: Int = 0) {
        self.bytes = bytes
        self.version = version
        indexLines()
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Applies the editor's changes in order (each range refers to the text after the previous change).
    public mutating func apply(_ changes: [EditorTextChange]) {
        for change in changes {
            guard let range = change.range else {
                bytes = Array(change.text.utf8)
                indexLines()
                continue
            }
            let start = offset(of: range.start)
            let end = max(start, offset(of: range.end))
            bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
            indexLines()
        }
    }

    /// The UTF-8 offset of an editor position; lines and characters past the end are clamped.
    public func offset(of position: EditorPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < editorLineStarts.count else { return bytes.count }
        let lineStart = editorLineStarts[position.line]
        let lineEnd = contentEnd(ofLineStartingAt: lineStart, starts: editorLineStarts, line: position.line)
        var offset = lineStart
        var units = 0
        while offset < lineEnd, units < position.character {
            let length = Self.scalarLength(bytes[offset])
            units += length == 4 ? 2 : 1
            offset += length
        }
        return min(offset, lineEnd)
    }

    /// The editor position of a UTF-8 offset.
    public func position(ofOffset target: Int) -> EditorPosition {
        let offset = min(max(0, target), bytes.count)
        let line = Self.lineIndex(of: offset, in: editorLineStarts)
        var index = editorLineStarts[line]
        var units = 0
        while index < offset {
            let length = Self.scalarLength(bytes[index])
            units += length == 4 ? 2 : 1
            index += length
        }
        return EditorPosition(line: line, character: units)
    }

    /// The UTF-8 offset of a reader position (1-based line, column in Unicode scalars).
    public func offset(of position: TextPosition) -> Int {
        let line = position.line - 1
        guard line >= 0 else { return 0 }
        guard line < readerLineStarts.count else { return bytes.count }
        let lineEnd = contentEnd(ofLineStartingAt: readerLineStarts[line], starts: readerLineStarts, line: line)
        var offset = readerLineStarts[line]
        var scalars = 1
        while offset < lineEnd, scalars < position.column {
            offset += Self.scalarLength(bytes[offset])
            scalars += 1
        }
        return min(offset, lineEnd)
    }

    public func editorPosition(of position: TextPosition) -> EditorPosition { self.position(ofOffset: offset(of: position)) }

    public func editorRange(of span: SourceSpan) -> EditorRange {
        EditorRange(start: editorPosition(of: span.start), end: editorPosition(of: span.end))
    }

    /// The reader position of an editor position.
    public func textPosition(of position: EditorPosition) -> TextPosition {
        let offset = offset(of: position)
        let line = Self.lineIndex(of: offset, in: readerLineStarts)
        var index = readerLineStarts[line]
        var column = 1
        while index < offset {
            index += Self.scalarLength(bytes[index])
            column += 1
        }
        return TextPosition(line: line + 1, column: column)
    }

    /// The text of the line holding `position`, up to that position.
    public func linePrefix(at position: EditorPosition) -> String {
        let line = min(max(0, position.line), editorLineStarts.count - 1)
        return String(decoding: bytes[editorLineStarts[line]..<offset(of: position)], as: UTF8.self)
    }

    private func contentEnd(ofLineStartingAt start: Int, starts: [Int], line: Int) -> Int {
        var end = line + 1 < starts.count ? starts[line + 1] : bytes.count
        while end > start, Self.isBreakByte(bytes[end - 1]) { end -= 1 }
        // U+2028/U+2029 end a reader line as three bytes E2 80 A8/A9.
        if end - start >= 3, line + 1 < starts.count, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
           bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9 {
            end -= 3
        }
        return end
    }

    private mutating func indexLines() {
        var editor = [0]
        var reader = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                let next = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                editor.append(next)
                reader.append(next)
                index = next
                continue
            }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                reader.append(index + 3)
            }
            index += 1
        }
        editorLineStarts = editor
        readerLineStarts = reader
    }

    private static func isBreakByte(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    private static func lineIndex(of offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for stray continuation bytes, so walking always advances).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
