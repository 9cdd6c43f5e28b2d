extension String {
    /// True when every byte is ASCII, where a byte is a character of its own (but for CR LF) and byte
    /// comparisons agree with `String`'s character comparisons. Read through contiguous storage: stepping
    /// through `utf8` one byte at a time costs about ten times as much.
    var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
