/// Collects report text and hands it to a stream in chunks of about 64 KiB: ten thousand
/// diagnostics become a few hundred writes instead of ten thousand small ones.
struct ChunkedOutput {
    static let chunkSize = 64 * 1024

    private let sink: (String) -> Void
    private var buffer = ""

    init(_ sink: @escaping (String) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(ChunkedOutput.chunkSize + 4096)
    }

    mutating func append(_ text: String) {
        if text.utf8.count >= ChunkedOutput.chunkSize {
            flush()
            ChunkedOutput.write(text, in: ChunkedOutput.chunkSize, to: sink)
            return
        }
        buffer += text
        if buffer.utf8.count >= ChunkedOutput.chunkSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer = ""
        buffer.reserveCapacity(ChunkedOutput.chunkSize + 4096)
    }

    /// Splits a long text into pieces of at most `size` UTF-8 bytes, never inside a character's encoding.
    static func write(_ text: String, in size: Int, to sink: (String) -> Void) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            var end = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) ?? utf8.endIndex
            // Step back to the start of a Unicode scalar so no piece ends mid-sequence.
            while end < utf8.endIndex, end > start, String.Index(end, within: text.unicodeScalars) == nil {
                end = utf8.index(before: end)
            }
            if end == start { end = utf8.index(after: start) }
            sink(String(text.unicodeScalars[start..<end]))
            start = end
        }
    }
}
