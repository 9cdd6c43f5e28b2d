/// Splits a byte stream into JSON-RPC message bodies framed by LSP's base protocol:
/// `Content-Length: N\r\n` (other headers allowed), a blank line, then N bytes of body.
/// Bytes arrive in any chunking: half a header, two messages in one read.
struct MessageFramer {
    enum Frame: Equatable {
        case body([UInt8])
        /// A header block that cannot be used; it is skipped so the stream can go on.
        case badHeader(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bodies larger than this are refused (a wrong length must not make us buffer forever).
    static let maximumBodySize = 256 * 1024 * 1024
    private static let separator: [UInt8] = Array("\r\n\r\n".utf8)

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or `nil` until more bytes arrive.
    mutating func next() -> Frame? {
        guard let headerEnd = findSeparator() else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + Self.separator.count
        guard let length = Self.contentLength(header) else {
            start = bodyStart
            compact()
            return .badHeader("missing or invalid Content-Length header")
        }
        guard length <= Self.maximumBodySize else {
            start = bodyStart
            compact()
            return .badHeader("Content-Length \(length) is larger than \(Self.maximumBodySize)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        compact()
        return .body(body)
    }

    /// The frame with its header, ready to write.
    static func frame(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        return Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }

    static func contentLength(_ header: String) -> Int? {
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces.lowercased() == "content-length" else { continue }
            guard let length = Int(parts[1].trimmingSpaces), length >= 0 else { return nil }
            return length
        }
        return nil
    }

    private func findSeparator() -> Int? {
        let separator = Self.separator
        var index = start
        while index + separator.count <= buffer.count {
            if buffer[index] == separator[0], buffer[index + 1] == separator[1], buffer[index + 2] == separator[2],
               buffer[index + 3] == separator[3] {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops consumed bytes once they are the larger part of the buffer, so memory stays bounded.
    private mutating func compact() {
        guard start > 4096, start * 2 > buffer.count else { return }
        buffer.removeFirst(start)
        start = 0
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
