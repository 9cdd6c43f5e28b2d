import Foundation

/// A worker's plain strings (keys, names and string values) by their bytes, kept from one file to the next (the JSON5
/// reader and the JavaScript lexer keep one each): config files repeat a small vocabulary of keys and values, so a
/// string met before is the String made then, found by comparing two words instead of making a String again (and a
/// long one's storage is shared by every value that has it: trees keep their values to the end). A slot holds the
/// last string hashed to it; a collision only means making that string again.
struct PlainStringTable {
    private struct Slot {
        var count = -1
        /// The first eight bytes and the next eight (zero-padded), or for a string over 16 bytes its last eight.
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var text = ""
    }

    private static let slotBits = 10
    private var slots: [Slot] = []

    /// The text of `bytes[start..<end]` (valid UTF-8).
    mutating func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let count = end - start
        // Words are loaded whole: a string less than 16 bytes from the end of the file is simply made.
        guard count > 0, start + 16 <= bytes.count else { return JSLexer.string(bytes, start, end) }
        if slots.isEmpty { slots = Array(repeating: Slot(), count: 1 << Self.slotBits) }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress! + start)
            @inline(__always) func word(at offset: Int) -> UInt64 {
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            // The first `count` bytes of a word (1 to 8): the bytes past the string's end are zeroed.
            @inline(__always) func firstBytes(_ word: UInt64, _ count: Int) -> UInt64 { word & (~0 &>> (64 - 8 * count)) }
            let head = firstBytes(word(at: 0), min(count, 8))
            let tail = count <= 8 ? 0 : count <= 16 ? firstBytes(word(at: 8), count - 8) : word(at: count - 8)
            let hash = ((head ^ tail &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.slotBits)
            let slot = Int(truncatingIfNeeded: hash)
            if slots[slot].count == count, slots[slot].head == head, slots[slot].tail == tail,
               count <= 16 || slots[slot].text.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, base, count) == 0 }) == true {
                return slots[slot].text
            }
            let text = JSLexer.string(bytes, start, end)
            slots[slot] = Slot(count: count, head: head, tail: tail, text: text)
            return text
        }
    }
}
