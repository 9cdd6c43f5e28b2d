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
public struct SourceSpan: Hashable, Sendable {
    /// Index into `FilePathTable`: every value carries a span, and copying a small integer
    /// instead of a path string saves a reference-count update per copy.
    private let fileID: Int32
    public var start: TextPosition
    public var end: TextPosition

    public init(file: String, start: TextPosition, end: TextPosition) {
        self.fileID = FilePathTable.shared.id(for: file)
        self.start = start
        self.end = end
    }

    /// For callers that already interned the path (the reader creates many spans per file).
    init(fileID: Int32, start: TextPosition, end: TextPosition) {
        self.fileID = fileID
        self.start = start
        self.end = end
    }

    public var file: String { FilePathTable.shared.path(for: fileID) }

    /// A span for a whole file, used when no finer position is known
    /// (for example, values produced by the Node evaluator).
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 1))
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
        if let id = ids[path] { return id }
        let (segment, offset) = FilePathTable.slot(count)
        if segments[segment] == nil {
            segments[segment] = .allocate(capacity: FilePathTable.firstSegmentSize << segment)
        }
        (segments[segment]! + offset).initialize(to: path)
        let id = Int32(count)
        count += 1
        ids[path] = id
        return id
    }

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
