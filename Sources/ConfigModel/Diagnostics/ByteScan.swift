#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast searches over UTF-8 bytes for the reader's hot loops (comments, line starts, the
/// suppression directive): eight bytes at a time, or the C library's vectorised `memchr`.
/// Each answer is exactly what the obvious byte-by-byte loop would give.
enum ByteScan {
    /// Whether two strings are the same UTF-8 bytes. JavaScript compares names and keys by their code units, so
    /// canonically equivalent spellings (`Å` and `A` + U+030A), which `String ==` takes as equal, are different.
    static func sameUTF8(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { one in
            second.withUTF8 { other in
                one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
            }
        }
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `offset` (which must have eight bytes after it) as one little-endian word.
    @inline(__always)
    static func word(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Up to the first eight bytes of `buffer[start..<end]` as a little-endian word, zeros after the last (one load
    /// when eight bytes follow).
    @inline(__always)
    static func prefixWord(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let length = min(end - start, 8)
        if start + 8 <= buffer.count {
            let loaded = word(buffer, start)
            return length == 8 ? loaded : loaded & ((1 &<< (8 &* UInt64(length))) &- 1)
        }
        var gathered: UInt64 = 0
        for offset in 0..<length { gathered |= UInt64(buffer[start + offset]) &<< (8 &* UInt64(offset)) }
        return gathered
    }

    /// False only when no byte of the word is below 0x0E (LF and CR are) or at least 0x80
    /// (U+2028 and U+2029 start with 0xE2): such a word cannot hold a line terminator.
    @inline(__always)
    static func mayHoldLineTerminator(_ word: UInt64) -> Bool {
        ((word &- 0x0E * ones) | word) & highBits != 0
    }

    /// True when some byte of the word equals `byte`.
    @inline(__always)
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let spread = word ^ (UInt64(byte) &* ones)
        return (spread &- ones) & ~spread & highBits != 0
    }

    /// From `index`, skips whole eight-byte words that cannot hold a line terminator; the callers then
    /// look at the next (up to) eight bytes one by one. Returns the end when nothing is left.
    @inline(__always)
    private static func skipWordsWithoutLineTerminator(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index + 8 <= buffer.count, !mayHoldLineTerminator(word(buffer, index)) { index += 8 }
        return index
    }

    /// The first offset at or after `start` where a line terminator (LF, CR, U+2028, U+2029) starts,
    /// or the end of the bytes.
    static func lineTerminator(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            var slowUntil = 0
            while index < buffer.count {
                if index >= slowUntil {
                    index = skipWordsWithoutLineTerminator(buffer, from: index)
                    slowUntil = index + 8
                    if index == buffer.count { break }
                }
                if terminatorLength(buffer, index) > 0 { return index }
                index += 1
            }
            return buffer.count
        }
    }

    /// After a `/*` whose text starts at `start`: the offset just past the closing `*/` (nil when
    /// there is none) and whether a line terminator comes before it.
    static func blockCommentEnd(in bytes: [UInt8], from start: Int) -> (end: Int?, crossesLine: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = start
            // Until the first line terminator, look for both it and `*`.
            var slowUntil = 0
            while index < count {
                if index >= slowUntil, index + 8 <= count {
                    let word = word(buffer, index)
                    if !mayHoldLineTerminator(word), !holds(word, UInt8(ascii: "*")) {
                        index += 8
                        continue
                    }
                    slowUntil = index + 8
                }
                if buffer[index] == UInt8(ascii: "*"), index + 1 < count, buffer[index + 1] == UInt8(ascii: "/") {
                    return (index + 2, false)
                }
                if terminatorLength(buffer, index) > 0 { break }
                index += 1
            }
            guard index < count else { return (nil, false) }
            // A line terminator has been crossed: only the closing `*/` matters now. Its `/` is looked for, not its
            // `*`, which many comments put at the start of every line. `index` is on the terminator, so the byte
            // before a `/` found is inside the comment.
            let base = buffer.baseAddress!
            while index < count {
                guard let slash = memchr(base + index, Int32(UInt8(ascii: "/")), count - index) else { return (nil, true) }
                let found = base.distance(to: slash.assumingMemoryBound(to: UInt8.self))
                if buffer[found - 1] == UInt8(ascii: "*") { return (found + 1, true) }
                index = found + 1
            }
            return (nil, true)
        }
    }

    /// The first offset at or after `start` that holds no space (0x20), or the end: indentation is
    /// skipped eight bytes at a time.
    @inline(__always)
    static func spaceRunEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 8 <= buffer.count {
            let others = word(buffer, index) ^ (0x20 &* ones)
            if others != 0 { return index + others.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < buffer.count, buffer[index] == 0x20 { index += 1 }
        return index
    }

    /// The first offset at or after `start` that is not a space, tab, LF or CR (nearly all of a JSON file's
    /// trivia: a line break and its indentation), or the end.
    static func plainWhitespaceEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            switch buffer[index] {
            case 0x20: index = spaceRunEnd(buffer, from: index + 1)
            case 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    /// The first offset at or after `start` holding `quote`, a backslash, LF or CR (where a quoted
    /// string's plain text stops), or the end.
    static func quotedTextEnd(in bytes: [UInt8], from start: Int, quote: UInt8) -> Int {
        quotedTextEnd(in: bytes, from: start, quote: quote, stopAtNonASCII: false)
    }

    /// `quotedTextEnd`, also stopping at a byte of 0x80 or more: where a quoted string's plain ASCII text stops
    /// (inlined: the JSON5 reader asks for every key and string).
    @inline(__always)
    static func quotedASCIITextEnd(in bytes: [UInt8], from start: Int, quote: UInt8) -> Int {
        quotedTextEnd(in: bytes, from: start, quote: quote, stopAtNonASCII: true)
    }

    @inline(__always)
    private static func quotedTextEnd(in bytes: [UInt8], from start: Int, quote: UInt8, stopAtNonASCII: Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index + 8 <= buffer.count {
                let word = word(buffer, index)
                let stops = zeroBytes(word ^ (UInt64(quote) &* ones)) | zeroBytes(word ^ (0x5C &* ones))
                    | zeroBytes(word ^ (0x0A &* ones)) | zeroBytes(word ^ (0x0D &* ones))
                    | (stopAtNonASCII ? word & highBits : 0)
                if stops != 0 { return index + stops.trailingZeroBitCount / 8 }
                index += 8
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == quote || byte == 0x5C || byte == 0x0A || byte == 0x0D || (stopAtNonASCII && byte >= 0x80) { return index }
                index += 1
            }
            return index
        }
    }

    /// Whether every byte is ASCII and none is a capital `A`…`Z`: text that `lowercased()` leaves as it is.
    static func isLowerCaseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 &- UInt8(ascii: "A") >= 26 }
    }

    /// ASCII `bytes` as a String with `A`…`Z` lowered: what `lowercased()` gives for ASCII text, at a fraction of the
    /// general case mapping.
    static func loweredASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices {
                let byte = bytes[index]
                buffer[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// The first offset of a byte of 0x80 or more (non-ASCII), or the end of the bytes.
    static func firstNonASCII(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            // 32 bytes at a time (every file read is checked whole), then the word and the byte that has one.
            while index + 32 <= count,
                  (word(buffer, index) | word(buffer, index + 8) | word(buffer, index + 16) | word(buffer, index + 24)) & highBits == 0 {
                index += 32
            }
            while index + 8 <= count, word(buffer, index) & highBits == 0 { index += 8 }
            while index < count, buffer[index] < 0x80 { index += 1 }
            return index
        }
    }

    /// Whether `needle` occurs in `haystack`: `memchr` finds each place its byte at `anchor` could be (the rarer that
    /// byte is in the text, the fewer places are compared).
    static func contains(_ needle: [UInt8], in haystack: [UInt8], anchor: Int = 0) -> Bool {
        guard !needle.isEmpty else { return true }
        return haystack.withUnsafeBufferPointer { hay in
            guard let base = hay.baseAddress, hay.count >= needle.count else { return false }
            let lastStart = hay.count - needle.count
            var start = 0
            while start <= lastStart {
                guard let found = memchr(base + start + anchor, Int32(needle[anchor]), lastStart + 1 - start) else { return false }
                start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - anchor
                if memcmp(base + start, needle, needle.count) == 0 { return true }
                start += 1
            }
            return false
        }
    }

    /// The word with the high bit set in exactly the bytes that are zero (no borrow between bytes,
    /// unlike the test in `holds`, so each bit gives a position).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ~highBits
        return ~(((word & low) &+ low) | word | low)
    }

    /// The length in bytes of the line terminator at `index`, 0 when there is none (CRLF counts as the CR alone).
    @inline(__always)
    static func terminatorLength(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = buffer[index]
        if byte == 0x0A || byte == 0x0D { return 1 }
        if byte == 0xE2, index + 2 < buffer.count, buffer[index + 1] == 0x80, buffer[index + 2] & 0xFE == 0xA8 { return 3 }
        return 0
    }
}
