import Foundation

/// A 1-based line and column in a source file. Columns count Unicode scalars,
/// so a caret printed under the line lands on the right character.
public struct TextPosition: Hashable, Sendable, Comparable {
    // Stored narrow: every value carries two positions, and config trees hold millions of values.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a value came from: a file and the range of text inside it.
/// 16 bytes: every value and every object key carries one, and config trees hold millions.
public struct SourceSpan: Hashable, Sendable {
    /// Index into `FilePathTable` (every value carries a span, and copying a small integer instead of a
    /// path string saves a reference-count update per copy), with `startsWithLiteral` in the top bit, which no id reaches.
    private var fileBits: UInt32
    private static let literalBit: UInt32 = 1 << 31
    private var startLine: Int32
    private var startColumn: Int32
    private var storedEnd: SpanEnd

    /// The file's index in `FilePathTable`: equal exactly when the files are, so output code groups
    /// spans by file without hashing paths.
    public var fileID: Int32 { Int32(bitPattern: fileBits & ~Self.literalBit) }

    /// Whether the text at the start is a literal: always in a `.json` file (JSON holds nothing else), in
    /// JavaScript when a quote (`"`, `'`, `` ` ``) opens it. The reader sets it from the text it has, so no rule
    /// reads a file again to ask; a span made any other way, or whose start moved, says false. Spans compare
    /// and hash by place alone (the reader gives one place one answer).
    public var startsWithLiteral: Bool { fileBits & Self.literalBit != 0 }

    public var start: TextPosition {
        get { TextPosition(line: Int(startLine), column: Int(startColumn)) }
        set {
            let end = self.end
            fileBits &= ~Self.literalBit
            startLine = Int32(clamping: newValue.line)
            startColumn = Int32(clamping: newValue.column)
            storedEnd = SpanEnd(end, from: newValue)
        }
    }

    public var end: TextPosition {
        get { storedEnd.position(from: startLine) }
        set { storedEnd = SpanEnd(newValue, from: start) }
    }

    public init(file: String, start: TextPosition, end: TextPosition) {
        self.init(fileID: FilePathTable.shared.id(for: file), start: start, end: end)
    }

    /// For callers that already interned the path (the reader creates many spans per file).
    init(fileID: Int32, start: TextPosition, end: TextPosition, startsWithLiteral: Bool = false) {
        fileBits = UInt32(bitPattern: fileID) | (startsWithLiteral ? Self.literalBit : 0)
        startLine = Int32(clamping: start.line)
        startColumn = Int32(clamping: start.column)
        storedEnd = SpanEnd(end, from: start)
    }

    /// A span on one line from parts the reader already narrowed (`SourceText.span`'s shortcut): `endColumn` must be
    /// below `oneLineColumnLimit`, so the end takes the near layout, the encoding `init(fileID:start:end:)` gives too.
    @inline(__always)
    init(fileID: Int32, line: Int32, column: Int32, endColumn: UInt32, startsWithLiteral: Bool) {
        fileBits = UInt32(bitPattern: fileID) | (startsWithLiteral ? Self.literalBit : 0)
        startLine = line
        startColumn = column
        storedEnd = SpanEnd(nearLineOffset: 0, column: endColumn)
    }

    /// End columns below this fit a one-line span's stored end.
    static let oneLineColumnLimit = Int(SpanEnd.nearColumnLimit)

    public var file: String { FilePathTable.shared.path(for: fileID) }

    /// This span with `startsWithLiteral` set to `literal` (for a span kept without the flag, `KeySpanOffset`).
    func startingWithLiteral(_ literal: Bool) -> SourceSpan {
        var span = self
        span.fileBits = literal ? fileBits | Self.literalBit : fileBits & ~Self.literalBit
        return span
    }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.fileID == rhs.fileID && lhs.startLine == rhs.startLine && lhs.startColumn == rhs.startColumn
            && lhs.storedEnd == rhs.storedEnd
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileID)
        hasher.combine(startLine)
        hasher.combine(startColumn)
        hasher.combine(storedEnd)
    }

    /// A span for a whole file, used when no finer position is known
    /// (for example, a file that could not be read).
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 1))
    }
}

/// A span's end in 32 bits, in one of two layouts: near (up to 1,023 lines after the start, any
/// column up to a million) or far (up to a million lines after the start, column up to 1,023: long
/// values end with a short closing line). The rare end that fits neither (past column 1,023 *and*
/// 1,023 lines, or past a million) is kept in `WideSpanEnds`, and the top bit says so.
/// The encoding is canonical (near when it fits, else far, else the table), so comparing and hashing the bits is exact.
private struct SpanEnd: Hashable, Sendable {
    private static let wideFlag: UInt32 = 1 << 31
    private static let farFlag: UInt32 = 1 << 30
    private static let nearColumnBits: UInt32 = 20
    private static let farColumnBits: UInt32 = 10
    // Each layout's line offset takes the 30 bits its column leaves.
    private static let nearLineLimit: UInt = 1 << 10
    static let nearColumnLimit: UInt = 1 << 20
    private static let farLineLimit: UInt = 1 << 20
    private static let farColumnLimit: UInt = 1 << 10

    private let bits: UInt32

    // Always inlined: the reader makes a span for every token it keeps.
    @inline(__always)
    init(_ end: TextPosition, from start: TextPosition) {
        // As unsigned, a negative offset or column is too large for either layout.
        let lineOffset = UInt(bitPattern: end.line - start.line)
        let column = UInt(bitPattern: end.column)
        if lineOffset < SpanEnd.nearLineLimit, column < SpanEnd.nearColumnLimit {
            bits = UInt32(lineOffset) << SpanEnd.nearColumnBits | UInt32(column)
        } else if lineOffset < SpanEnd.farLineLimit, column < SpanEnd.farColumnLimit {
            bits = SpanEnd.farFlag | UInt32(lineOffset) << SpanEnd.farColumnBits | UInt32(column)
        } else {
            bits = SpanEnd.wideFlag | WideSpanEnds.shared.index(for: end)
        }
    }

    /// An end in the near layout, from its parts (the caller checked they fit).
    init(nearLineOffset: UInt32, column: UInt32) {
        bits = nearLineOffset << SpanEnd.nearColumnBits | column
    }

    /// The line offset and column of an end in the near layout; nil in the other layouts.
    var near: (lineOffset: UInt32, column: UInt32)? {
        guard bits & (SpanEnd.wideFlag | SpanEnd.farFlag) == 0 else { return nil }
        return (bits >> SpanEnd.nearColumnBits, bits & (1 << SpanEnd.nearColumnBits - 1))
    }

    func position(from startLine: Int32) -> TextPosition {
        if bits & SpanEnd.wideFlag != 0 { return WideSpanEnds.shared.value(at: bits & ~SpanEnd.wideFlag) }
        let columnBits = bits & SpanEnd.farFlag != 0 ? SpanEnd.farColumnBits : SpanEnd.nearColumnBits
        let payload = bits & (SpanEnd.farFlag - 1)
        return TextPosition(line: Int(startLine) + Int(payload >> columnBits), column: Int(payload & (1 << columnBits - 1)))
    }
}

/// Span ends neither layout of `SpanEnd` holds: only values that end past column 1,023 over a thousand
/// lines after their start, or past column a million, get here.
enum WideSpanEnds {
    static let shared = InternTable<TextPosition>()
}

extension SourceSpan {
    // Fields of `relativeBits`, from the top: `startsWithLiteral`, start line offset (biased), start column,
    // end line offset, end column.
    private static let relativeLineBits: UInt64 = 19
    private static let relativeColumnBits: UInt64 = 17
    private static let relativeEndLineBits: UInt64 = 8
    private static let relativeLiteralBit: UInt64 = 1 << (relativeLineBits + 2 * relativeColumnBits + relativeEndLineBits)

    /// This span in 62 bits relative to `base` (a key relative to its value, `KeySpanOffset`): in base's file,
    /// starting within 2^18 lines of base's start, before column 2^17, ending up to 255 lines later before
    /// column 2^17; nil otherwise. Read from the stored fields, as the reader makes one for every key.
    func relativeBits(to base: SourceSpan) -> UInt64? {
        guard fileID == base.fileID, let end = storedEnd.near else { return nil }
        let lineOffset = UInt64(bitPattern: Int64(startLine) - Int64(base.startLine) + 1 << (Self.relativeLineBits - 1))
        // As unsigned, a negative column is too large.
        let column = UInt64(UInt32(bitPattern: startColumn))
        guard lineOffset < 1 << Self.relativeLineBits, column < 1 << Self.relativeColumnBits,
              end.lineOffset < 1 << Self.relativeEndLineBits, end.column < 1 << Self.relativeColumnBits else { return nil }
        return (startsWithLiteral ? Self.relativeLiteralBit : 0)
            | ((lineOffset << Self.relativeColumnBits | column) << Self.relativeEndLineBits | UInt64(end.lineOffset))
            << Self.relativeColumnBits | UInt64(end.column)
    }

    /// The span `relativeBits(to: base)` gave these bits for.
    init(relativeBits bits: UInt64, to base: SourceSpan) {
        let columnMask: UInt64 = 1 << Self.relativeColumnBits - 1
        fileBits = UInt32(bitPattern: base.fileID) | (bits & Self.relativeLiteralBit != 0 ? Self.literalBit : 0)
        let fields = bits & (Self.relativeLiteralBit - 1)
        let lineOffset = Int64(fields >> (2 * Self.relativeColumnBits + Self.relativeEndLineBits)) - 1 << (Self.relativeLineBits - 1)
        startLine = Int32(truncatingIfNeeded: Int64(base.startLine) + lineOffset)
        startColumn = Int32(bits >> (Self.relativeColumnBits + Self.relativeEndLineBits) & columnMask)
        storedEnd = SpanEnd(nearLineOffset: UInt32(bits >> Self.relativeColumnBits & (1 << Self.relativeEndLineBits - 1)),
                            column: UInt32(bits & columnMask))
    }
}

extension SourceSpan: CustomStringConvertible {
    public var description: String { "\(file):\(start.line):\(start.column)" }
}

/// Interns file paths for `SourceSpan`, shared by every thread. Rules ask a span for its file
/// millions of times, so reading a path takes no lock: paths live in segments that never move
/// (segment k holds `firstSegmentSize << k` paths), written once under the lock before their id
/// is handed out. Whoever holds an id got it through that lock or from a thread that did.
final class FilePathTable: @unchecked Sendable {
    static let shared = FilePathTable()

    private static let firstSegmentSize = 1024
    private static let segmentCount = 40
    /// A path and its hash, kept so the table grows and probes without hashing paths again.
    private struct Entry {
        let path: String
        let hash: Int
    }

    // Guarded by `lock` for writing; a slot is read only after its id was returned. `lock` also keeps the accesses
    // apart, so they skip the run-time exclusivity check.
    private let segments = UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>.allocate(capacity: segmentCount)
    @exclusivity(unchecked) private var count = 0
    /// Path → id, holding ids only (a dictionary kept a copy of every path's string beside it).
    @exclusivity(unchecked) private var ids = PositionHashTable(minimumCapacity: 1024)
    private let lock = NSLock()

    private init() {
        segments.initialize(repeating: nil, count: FilePathTable.segmentCount)
    }

    func id(for path: String) -> Int32 {
        // Hashed before the lock is taken: the reader's threads intern every file they read, and waited for each other.
        let hash = FilePathTable.hash(path)
        lock.lock()
        defer { lock.unlock() }
        // One look-up per call: it inserts the next id when the path is new (most calls are for new paths).
        let next = Int32(count)
        if let id = ids.firstOrInsert(next, hash: hash, where: { self.entry($0).pointee.hash == hash && ByteScan.sameUTF8(self.entry($0).pointee.path, path) },
                                      hashOf: { self.entry($0).pointee.hash }) {
            return id
        }
        let (segment, offset) = FilePathTable.slot(count)
        if segments[segment] == nil {
            segments[segment] = .allocate(capacity: FilePathTable.firstSegmentSize << segment)
        }
        (segments[segment]! + offset).initialize(to: Entry(path: path, hash: hash))
        count += 1
        return next
    }

    func path(for id: Int32) -> String {
        entry(id).pointee.path
    }

    private func entry(_ id: Int32) -> UnsafeMutablePointer<Entry> {
        let (segment, offset) = FilePathTable.slot(Int(id))
        return segments[segment]! + offset
    }

    /// A hash of the path's bytes, eight at a time: every file read is interned, and the standard library's
    /// seeded hash cost over a thousand instructions for a typical path. Paths are not chosen by an adversary.
    /// Paths are compared by bytes too: two spellings of one accented name are two files.
    private static func hash(_ path: String) -> Int {
        var path = path
        return path.withUTF8 { bytes in
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
            var index = 0
            let word = { UnsafeRawPointer(bytes.baseAddress! + $0).loadUnaligned(as: UInt64.self) }
            while index + 8 <= bytes.count {
                hash = (hash ^ word(index)) &* multiplier
                hash ^= hash >> 29
                index += 8
            }
            if index < bytes.count, bytes.count >= 8 {
                // The last bytes in one word, which overlaps the one before.
                hash = (hash ^ word(bytes.count - 8)) &* multiplier
            } else {
                while index < bytes.count {
                    hash = (hash ^ UInt64(bytes[index])) &* multiplier
                    index += 1
                }
            }
            // The table takes the low bits: fold the well-mixed high ones down.
            return Int(truncatingIfNeeded: hash ^ hash >> 32)
        }
    }

    /// Segment k starts at index `firstSegmentSize * (2^k - 1)`.
    private static func slot(_ index: Int) -> (segment: Int, offset: Int) {
        let block = index / firstSegmentSize + 1
        let segment = Int.bitWidth - block.leadingZeroBitCount - 1
        return (segment, index - firstSegmentSize * ((1 << segment) - 1))
    }
}
