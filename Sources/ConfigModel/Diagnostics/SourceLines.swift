/// A file's lines, split with JavaScript's line terminators (LF, CRLF, CR, U+2028, U+2029) so line
/// numbers agree with the reader's positions. Used to show or inspect the text a diagnostic points at.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts; a line ends where the terminator before the next start begins.
    private let lines: LineTable

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lines = LineTable(bytes)
    }

    public func line(_ number: Int) -> String? {
        lineBytes(number).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of line `number` (1-based), without its terminator.
    public func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lines.lineCount else { return nil }
        let start = lines.start(ofLine: number - 1)
        guard number < lines.lineCount else { return bytes[start...] }
        let next = lines.start(ofLine: number)
        let terminatorLength: Int
        switch bytes[next - 1] {
        case 0x0A: terminatorLength = next >= 2 && bytes[next - 2] == 0x0D ? 2 : 1
        case 0x0D: terminatorLength = 1
        default: terminatorLength = 3  // U+2028 or U+2029
        }
        return bytes[start..<(next - terminatorLength)]
    }
}

/// A file's lines one at a time, with the same line breaks as `SourceLines` but no table of the whole
/// file: it scans on from the last line it found and stops at the one asked for (an earlier line starts
/// the scan again). Diagnostics come in line order, so showing a file's excerpts reads it once, and
/// only as far as the last line shown.
public struct SourceLineCursor: Sendable {
    private let bytes: [UInt8]
    /// The line the cursor is on, the offset where it starts and, once found, where it ends (many diagnostics
    /// can point into one long line: its end is searched for once).
    private var line = 1
    private var start = 0
    private var end: Int?

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes of line `number` (1-based), without its terminator; nil past the last line.
    public mutating func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1 else { return nil }
        if number < line { (line, start, end) = (1, 0, nil) }
        var lineEnd = end ?? ByteScan.lineTerminator(in: bytes, from: start)
        defer { end = lineEnd }
        while line < number {
            guard lineEnd < bytes.count else { return nil }
            start = lineEnd + terminatorLength(at: lineEnd)
            line += 1
            lineEnd = ByteScan.lineTerminator(in: bytes, from: start)
        }
        return bytes[start..<lineEnd]
    }

    /// The length of the terminator starting at `index`: CRLF is one terminator, U+2028 and U+2029 take 3 bytes.
    private func terminatorLength(at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        default: return 3
        }
    }
}
