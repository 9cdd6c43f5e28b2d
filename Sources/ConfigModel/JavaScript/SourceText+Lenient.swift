extension SourceText {
    /// Decodes UTF-8 the way Node reads a file it `require`s: each invalid sequence becomes U+FFFD and
    /// reading goes on. Also returns where the first invalid sequence was, so the caller can warn.
    static func decodeReplacingInvalid(_ bytes: [UInt8], file: String) -> (text: SourceText, firstInvalid: TextPosition?) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var firstInvalidIndex: Int?
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                // Swift's decoder skips the maximal invalid subpart, as Node's (WHATWG) decoder does.
                if firstInvalidIndex == nil { firstInvalidIndex = scalars.count }
                scalars.append("\u{FFFD}")
            }
        }
        let text = SourceText(file: file, scalars: scalars)
        return (text, firstInvalidIndex.map { text.position(of: $0) })
    }
}
