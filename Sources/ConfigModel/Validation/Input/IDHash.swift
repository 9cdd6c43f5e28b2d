/// A hash of an ASCII id, read eight bytes at a time: the id table is looked up tens of thousands of times per
/// run (every typed lookup and reference), and `String.hashValue` (SipHash) cost several times as much. Only
/// ASCII text is hashed this way, where equal strings are equal bytes; `asciiEquivalent` gives the ASCII id a
/// non-ASCII string equals, if any. Ids come from the project's own config, so nothing untrusted fills the table.
enum IDHash {
    /// The hash of `text`'s bytes, nil when some byte is not ASCII.
    static func ofASCII(_ text: String) -> Int? {
        // Read in place (a string bridged from another type, never on Linux, from a copy of its bytes): `withUTF8` on
        // a copy cost a reference-count round trip per look-up.
        text.utf8.withContiguousStorageIfAvailable(ofASCII(bytes:)) ?? Array(text.utf8).withUnsafeBufferPointer(ofASCII(bytes:))
    }

    private static func ofASCII(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var highBits: UInt64 = 0
        var offset = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while offset + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                highBits |= word
                hash = mix(hash ^ word)
                offset += 8
            }
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            for index in offset..<bytes.count { word = word << 8 | UInt64(bytes[index]) }
            highBits |= word
            hash = mix(hash ^ word)
        }
        return highBits & 0x8080_8080_8080_8080 == 0 ? Int(truncatingIfNeeded: hash) : nil
    }

    /// The ASCII string `text` equals (`String`'s equality is canonical equivalence: three characters are
    /// equivalent to an ASCII one), nil when it equals none.
    static func asciiEquivalent(_ text: String) -> String? {
        var ascii = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                ascii.append(scalar)
            } else if let equivalent = asciiSingletons[scalar] {
                ascii.append(equivalent)
            } else {
                return nil
            }
        }
        return String(ascii)
    }

    /// The only scalars whose canonical decomposition is an ASCII one (a test checks every scalar).
    static let asciiSingletons: [Unicode.Scalar: Unicode.Scalar] = ["\u{037E}": ";", "\u{1FEF}": "`", "\u{212A}": "K"]

    /// SplitMix64's finalizer: every input bit reaches the low bits the table's slot is taken from.
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = (value ^ value >> 30) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ mixed >> 27) &* 0x94D0_49BB_1331_11EB
        return mixed ^ mixed >> 31
    }
}
