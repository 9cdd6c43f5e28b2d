/// A file's lines, split with JavaScript's line terminators (LF, CRLF, CR, U+2028, U+2029) so line
/// numbers agree with the reader's positions. Used to show or inspect the text a diagnostic points at.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]
    private var ends: [Int] = []

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        while true {
            let end = ByteScan.lineTerminator(in: bytes, from: index)
            guard end < bytes.count else { break }
            ends.append(end)
            switch bytes[end] {
            case 0x0A: index = end + 1
            case 0x0D: index = end + (end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
            default: index = end + 3  // U+2028 or U+2029
            }
            starts.append(index)
        }
        ends.append(bytes.count)
    }

    public func line(_ number: Int) -> String? {
        lineBytes(number).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of line `number` (1-based), without its terminator.
    public func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        return bytes[starts[number - 1]..<ends[number - 1]]
    }
}
