import Foundation

extension String {
    /// True when every byte is ASCII, where a byte is a character of its own (but for CR LF) and byte
    /// comparisons agree with `String`'s character comparisons. Read through contiguous storage: stepping
    /// through `utf8` one byte at a time costs about ten times as much.
    var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }

    /// `lowercased()`, but an ASCII string without `A`…`Z` is returned as it is instead of copied (most keys
    /// and emails the uniqueness rules compare are written in lower case already), and other ASCII text (names
    /// are capitalised) is lowered byte by byte, which costs a fraction of the general case mapping.
    func lowercasedIfNeeded() -> String {
        let lowered = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            if ByteScan.isLowerCaseASCII(bytes) { return self }
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return ByteScan.loweredASCII(bytes)
        }
        if case let lowered?? = lowered { return lowered }
        return lowercased()
    }

    /// True when one of the UTF-8 bytes is `byte`, read through contiguous storage as `isAllASCII` is, with `memchr`
    /// (every reference's class and id is asked, and a loop over the bytes cost twice as much).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// True when `byte` occurs twice in a row (`--`), read through contiguous storage as `isAllASCII` is.
    func containsDoubled(_ byte: UInt8) -> Bool {
        let doubled = { (bytes: UnsafeBufferPointer<UInt8>) in
            bytes.indices.dropFirst().contains { bytes[$0] == byte && bytes[$0 - 1] == byte }
        }
        return utf8.withContiguousStorageIfAvailable(doubled) ?? Array(utf8).withUnsafeBufferPointer(doubled)
    }
}
