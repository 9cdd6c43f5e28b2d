import Foundation

/// Object keys. A plain key (quoted without escapes, or an unquoted ASCII name) is taken from the worker's string
/// table or made from its bytes at once; any other goes through the general string and name readers.
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
            return (strings.string(bytes, text.lowerBound, end), isASCII ? text : nil)
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
        return (strings.string(bytes, text.lowerBound, end), text)
    }
}
