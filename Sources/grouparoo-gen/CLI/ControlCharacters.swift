/// Makes user-controlled text (config values, ids, file names) safe for a terminal or a CI log:
/// C0 and C1 control characters and DEL are shown as visible escapes, so a config file cannot move
/// the cursor, recolour the screen or fake a line of output. Tabs stay.
enum ControlCharacters {
    /// `keepNewlines` lets a multi-line message keep its line breaks (file names never do).
    static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        if isPlain(text) { return text }
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            result += escape(scalar)
        }
        return result
    }

    /// True when `text` has no line break and nothing to escape, checked on its UTF-8 bytes (most text
    /// is plain, and this runs for every string of every diagnostic printed). A C1 character's
    /// encoding starts with 0xC2, so text with such a byte takes the careful path.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlain)
    }

    /// `isPlain` on UTF-8 bytes: eight at a time, looking at single bytes only in a word that may hold one
    /// to escape (a byte below 0x20, which tabs are, DEL or 0xC2).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Exact as yes/no answers (not per byte): some byte is below `limit` (at most 0x80), some byte is zero.
        func holdsByteBelow(_ word: UInt64, _ limit: UInt8) -> Bool { ((word &- UInt64(limit) &* ones) & ~word & highBits) != 0 }
        func holdsZero(_ word: UInt64) -> Bool { holdsByteBelow(word, 1) }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            if holdsByteBelow(word, 0x20) || holdsZero(word ^ (0x7F &* ones)) || holdsZero(word ^ (0xC2 &* ones)) {
                if !bytes[index..<index + 8].allSatisfy(isPlain) { return false }
            }
            index += 8
        }
        return bytes[index...].allSatisfy(isPlain)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        !((byte < 0x20 && byte != 0x09) || byte == 0x7F || byte == 0xC2)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// `\n`, `\r`, `\e` (ESC), `\x07` for other C0 characters and DEL, `\u{9B}` for C1.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x80...0x9F: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\x" + (hex.count < 2 ? "0" + hex : hex)
        }
    }
}
