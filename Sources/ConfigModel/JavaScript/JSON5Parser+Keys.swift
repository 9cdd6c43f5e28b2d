import Foundation

/// Object keys. A plain key (quoted without escapes, or an unquoted ASCII name) is made from its bytes at once
/// (a long one through the file's key table); any other goes through the general string and name readers.
extension JSON5Parser {
    /// The key at the reader, and where its text lies in `bytes` when it is plain ASCII (the object then compares
    /// keys by their bytes).
    mutating func parseKey() throws -> (text: String, plainASCII: Range<Int>?) {
        let lead = bytes[index]
        if lead == UInt8(ascii: "\"") || lead == UInt8(ascii: "'") {
            var end = ByteScan.quotedASCIITextEnd(in: bytes, from: index + 1, quote: lead)
            let isASCII = end >= bytes.count || bytes[end] < 0x80
            if !isASCII { end = ByteScan.quotedTextEnd(in: bytes, from: end, quote: lead) }
            guard end < bytes.count, bytes[end] == lead else { return (try parseString(), nil) }
            let text = index + 1..<end
            index = end + 1
            return (keys.key(bytes, text.lowerBound, end), isASCII ? text : nil)
        }
        var end = index
        if JSLexer.isASCIINameStart(lead) {
            end += 1
            while end < bytes.count, JSLexer.isASCIINamePart(bytes[end]) { end += 1 }
        }
        // A backslash or non-ASCII byte may continue the name: the general reader decides.
        guard end > index, end == bytes.count || (bytes[end] < 0x80 && bytes[end] != UInt8(ascii: "\\")) else {
            return (try parseIdentifierName(), nil)
        }
        let text = index..<end
        index = end
        return (keys.key(bytes, text.lowerBound, end), text)
    }
}

/// One file's long keys by their bytes. Every object of a large array repeats its keys: the String made the
/// first time is reused, so a long key's storage is shared by every object instead of repeated (a key of up
/// to 15 bytes is a small String, stored inline, and is simply made again). A slot holds the last key hashed to
/// it; a collision only means building that key again.
struct JSON5KeyTable {
    private struct Slot {
        var start = 0
        var count = -1
        var text = ""
    }

    private var slots: [Slot] = []
    private let slotCount: Int

    /// Only a file of 64 KB or more gets a table (a small one repeats too few keys to pay for setting it up);
    /// larger files have more keys to tell apart.
    init(byteCount: Int) {
        var slotCount = byteCount < 1 << 16 ? 0 : 16
        while slotCount > 0, slotCount < 256, slotCount * 256 < byteCount { slotCount *= 2 }
        self.slotCount = slotCount
    }

    /// The text of the plain key `bytes[start..<end]` (valid UTF-8).
    mutating func key(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let count = end - start
        guard count > 15, slotCount > 0 else { return JSLexer.string(bytes, start, end) }
        if slots.isEmpty { slots = Array(repeating: Slot(), count: slotCount) }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let slot = Int(truncatingIfNeeded: JSON5KeyTable.hash(base + start, count)) & (slotCount - 1)
            if slots[slot].count == count, memcmp(base + start, base + slots[slot].start, count) == 0 {
                return slots[slot].text
            }
            let text = JSLexer.string(bytes, start, end)
            slots[slot] = Slot(start: start, count: count, text: text)
            return text
        }
    }

    private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        // The length and the first and last eight bytes (keys are longer than 15) tell most keys apart.
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        hash = (hash ^ UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)) &* multiplier
        hash ^= UnsafeRawPointer(bytes + count - 8).loadUnaligned(as: UInt64.self)
        return (hash &* multiplier) >> 32
    }
}
