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
    /// Index into `FilePathTable`: every value carries a span, and copying a small integer
    /// instead of a path string saves a reference-count update per copy.
    private let fileID: Int32
    private var startLine: Int32
    private var startColumn: Int32
    private var storedEnd: SpanEnd

    public var start: TextPosition {
        get { TextPosition(line: Int(startLine), column: Int(startColumn)) }
        set {
            let end = self.end
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
    init(fileID: Int32, start: TextPosition, end: TextPosition) {
        self.fileID = fileID
        startLine = Int32(clamping: start.line)
        startColumn = Int32(clamping: start.column)
        storedEnd = SpanEnd(end, from: start)
    }

    public var file: String { FilePathTable.shared.path(for: fileID) }

    /// A span for a whole file, used when no finer position is known
    /// (for example, values produced by the Node evaluator).
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 1))
    }
}

/// A span's end in 32 bits: lines after the start (11 bits) and column (20 bits). The rare end
/// that does not fit (a value over 2,047 lines long, a column past a million) is kept in
/// `WideSpanEnds`, and the top bit says so.
/// The encoding is canonical (one end, one encoding), so comparing and hashing the bits is exact.
private struct SpanEnd: Hashable, Sendable {
    private static let wideFlag: UInt32 = 1 << 31
    private static let columnBits: UInt32 = 20
    private static let maximumLineOffset = (1 << 11) - 1
    private static let maximumColumn = (1 << 20) - 1

    private let bits: UInt32

    init(_ end: TextPosition, from start: TextPosition) {
        let lineOffset = end.line - start.line
        if 0 <= lineOffset, lineOffset <= SpanEnd.maximumLineOffset, 0 <= end.column, end.column <= SpanEnd.maximumColumn {
            bits = UInt32(lineOffset) << SpanEnd.columnBits | UInt32(end.column)
        } else {
            bits = SpanEnd.wideFlag | WideSpanEnds.shared.index(for: end)
        }
    }

    func position(from startLine: Int32) -> TextPosition {
        if bits & SpanEnd.wideFlag != 0 { return WideSpanEnds.shared.position(at: bits & ~SpanEnd.wideFlag) }
        let column = Int(bits & ((1 << SpanEnd.columnBits) - 1))
        return TextPosition(line: Int(startLine) + Int(bits >> SpanEnd.columnBits), column: column)
    }
}

/// Span ends too far from their start to pack, each stored once. Only very long values and very
/// long lines get here, so one lock is enough.
private final class WideSpanEnds: @unchecked Sendable {
    static let shared = WideSpanEnds()

    // Guarded by `lock`.
    private var positions: [TextPosition] = []
    private var indexes: [TextPosition: UInt32] = [:]
    private let lock = NSLock()

    func index(for position: TextPosition) -> UInt32 {
        lock.withLock {
            if let index = indexes[position] { return index }
            // 2^31 distinct wide ends would need more memory than any config tree gets.
            let index = UInt32(positions.count)
            positions.append(position)
            indexes[position] = index
            return index
        }
    }

    func position(at index: UInt32) -> TextPosition {
        lock.withLock { positions[Int(index)] }
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
    // Guarded by `lock` for writing; a slot is read only after its id was returned.
    private let segments = UnsafeMutablePointer<UnsafeMutablePointer<String>?>.allocate(capacity: segmentCount)
    private var count = 0
    private var ids: [String: Int32] = [:]
    private let lock = NSLock()

    private init() {
        segments.initialize(repeating: nil, count: FilePathTable.segmentCount)
    }

    func id(for path: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        // One hash per call: the lookup inserts the next id when the path is new (the reader
        // interns every file it reads, so most calls are for new paths).
        let next = Int32(count)
        let id = FilePathTable.value(of: &ids[path, default: next])
        guard id == next else { return id }
        let (segment, offset) = FilePathTable.slot(count)
        if segments[segment] == nil {
            segments[segment] = .allocate(capacity: FilePathTable.firstSegmentSize << segment)
        }
        (segments[segment]! + offset).initialize(to: path)
        count += 1
        return id
    }

    private static func value(of slot: inout Int32) -> Int32 { slot }

    func path(for id: Int32) -> String {
        let (segment, offset) = FilePathTable.slot(Int(id))
        return segments[segment]![offset]
    }

    /// Segment k starts at index `firstSegmentSize * (2^k - 1)`.
    private static func slot(_ index: Int) -> (segment: Int, offset: Int) {
        let block = index / firstSegmentSize + 1
        let segment = Int.bitWidth - block.leadingZeroBitCount - 1
        return (segment, index - firstSegmentSize * ((1 << segment) - 1))
    }
}
