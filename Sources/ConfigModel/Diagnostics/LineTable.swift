#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of a file starts (after LF, CR, CRLF, U+2028 and U+2029), the 0-based line holding the byte at every
/// multiple of `1 << blockShift` through the end (so finding an offset's line is one look-up and a step or two), and
/// whether all the bytes are ASCII. One allocation holds both tables, the blocks' lines first (their count is known
/// before the scan): every file read makes one, and a second array was a second allocation and free per file.
// Unchecked: the storage is written only while the table is made (a `ManagedBuffer` cannot be `Sendable` itself).
struct LineTable: @unchecked Sendable {
    static let blockShift = 6

    /// The table's memory. An `Array` made with room to write into finds its element type at run time (some 400
    /// instructions, as much as the scan of a small file); this class's type is known.
    private final class Storage: ManagedBuffer<Void, Int> {}

    /// The line of every block start, then the start of every line.
    private let storage: Storage
    private let blockCount: Int
    let lineCount: Int
    let isASCII: Bool

    /// The offset where 0-based line `line` starts.
    @inline(__always)
    func start(ofLine line: Int) -> Int {
        precondition(line >= 0 && line < lineCount, "line out of range")
        return storage.withUnsafeMutablePointerToElements { $0[blockCount + line] }
    }

    /// The 0-based line holding byte `offset`, which must lie in the text (0 through the end).
    @inline(__always)
    func line(holding offset: Int) -> Int {
        line(holding: offset, textEnd: offset).line
    }

    /// The 0-based line holding byte `offset` (which must lie in the text, 0 through `textEnd`), where it starts, and
    /// where the next line starts (past `textEnd` for the last line). Inlined into every span the evaluator makes.
    @inline(__always)
    func line(holding offset: Int, textEnd: Int) -> (line: Int, start: Int, nextStart: Int) {
        storage.withUnsafeMutablePointerToElements { line(in: $0, holding: offset, from: $0[offset >> Self.blockShift], textEnd: textEnd) }
    }

    /// `line(holding:textEnd:)` stepping on from `line`, which must be at or before the offset's line (a reader walking
    /// forward knows the last one).
    @inline(__always)
    func line(holding offset: Int, from line: Int, textEnd: Int) -> (line: Int, start: Int, nextStart: Int) {
        storage.withUnsafeMutablePointerToElements { self.line(in: $0, holding: offset, from: line, textEnd: textEnd) }
    }

    /// Read unchecked: `line` is a line, and the loop stops at the end of the starts.
    @inline(__always)
    private func line(in table: UnsafeMutablePointer<Int>, holding offset: Int, from line: Int,
                      textEnd: Int) -> (line: Int, start: Int, nextStart: Int) {
        let starts = table + blockCount
        var next = line &+ 1
        while next < lineCount, starts[next] <= offset { next &+= 1 }
        return (next &- 1, starts[next &- 1], next < lineCount ? starts[next] : textEnd &+ 1)
    }

    init(_ bytes: [UInt8]) {
        let isASCII = ByteScan.firstNonASCII(in: bytes) == bytes.count
        let blockCount = bytes.count >> Self.blockShift + 1
        // Room for lines of 16 bytes on average: config files' lines are rarely shorter. A scan that finds more goes on
        // counting them without writing them, and the next one has room for exactly that many.
        var room = bytes.count / 16 + 2
        while true {
            let storage = unsafeDowncast(Storage.create(minimumCapacity: blockCount + room) { _ in }, to: Storage.self)
            // Written through a pointer: appending cost a uniqueness check and a count update for every line.
            let lineCount = storage.withUnsafeMutablePointerToElements { [room] table in
                var starts = Starts(base: table + blockCount, room: room)
                bytes.withUnsafeBufferPointer { LineTable.scan($0, plainASCII: isASCII, into: &starts) }
                if starts.count <= room { starts.writeBlockLines(into: table, count: blockCount) }
                return starts.count
            }
            if lineCount <= room {
                (self.storage, self.blockCount, self.lineCount, self.isASCII) = (storage, blockCount, lineCount, isASCII)
                return
            }
            room = lineCount
        }
    }

    /// The line starts found so far, written while there is room for them.
    private struct Starts {
        let base: UnsafeMutablePointer<Int>
        let room: Int
        var count = 0

        init(base: UnsafeMutablePointer<Int>, room: Int) {
            (self.base, self.room) = (base, room)
        }

        @inline(__always)
        mutating func append(_ offset: Int) {
            if count < room { base[count] = offset }
            count += 1
        }

        /// The line of each block start: every block start before the next line's start lies in the line.
        func writeBlockLines(into blocks: UnsafeMutablePointer<Int>, count blockCount: Int) {
            var block = 0
            for line in 0..<count {
                let nextStart = line + 1 < count ? base[line + 1] : Int.max
                while block < blockCount, block << LineTable.blockShift < nextStart {
                    blocks[block] = line
                    block += 1
                }
            }
        }
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, plainASCII: Bool, into starts: inout Starts) {
        starts.append(0)
        let count = buffer.count
        guard let base = buffer.baseAddress, count > 0 else { return }
        // ASCII without CR (nearly every config file): LF is the only terminator, and `memchr` finds each one.
        if plainASCII, memchr(base, 0x0D, count) == nil {
            var offset = 0
            while let found = memchr(base + offset, 0x0A, count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
            return
        }
        var index = 0
        while index + 8 <= count {
            let word = ByteScan.word(buffer, index)
            if !ByteScan.mayHoldLineTerminator(word) {
                // No byte below 0x0E and none non-ASCII: nothing to note.
                index += 8
            } else if word & ByteScan.highBits == 0, !ByteScan.holds(word, 0x0D) {
                // ASCII without CR: the only terminators are LFs, found by bit mask.
                var lineFeeds = ByteScan.zeroBytes(word ^ (0x0A &* ByteScan.ones))
                while lineFeeds != 0 {
                    starts.append(index + lineFeeds.trailingZeroBitCount >> 3 + 1)
                    lineFeeds &= lineFeeds - 1
                }
                index += 8
            } else {
                // A terminator may run past the word's end: the next word then starts after it.
                let wordEnd = index + 8
                while index < wordEnd { index = scanByte(buffer, index, &starts) }
            }
        }
        while index < count { index = scanByte(buffer, index, &starts) }
    }

    /// One step of the byte-by-byte scan at `index`: notes a line start after a terminator (CRLF and U+2028/U+2029
    /// taken whole) and returns the offset of the next byte to look at.
    @inline(__always)
    private static func scanByte(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int, _ starts: inout Starts) -> Int {
        let byte = buffer[index]
        var next = index + 1
        if byte == 0x0A {
            starts.append(next)
        } else if byte == 0x0D {
            if next < buffer.count, buffer[next] == 0x0A { next += 1 }
            starts.append(next)
        } else if byte >= 0x80 {
            let length = ByteScan.terminatorLength(buffer, index)
            if length > 0 {
                next = index + length
                starts.append(next)
            }
        }
        return next
    }
}
