/// A file's lines, split with JavaScript's line terminators (LF, CRLF, CR, U+2028, U+2029) so line
/// numbers agree with the reader's positions. Used to show or inspect the text a diagnostic points at.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts; a line ends where the terminator before the next start begins.
    private let starts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        starts = ByteScan.lineStarts(of: bytes).starts
    }

    public func line(_ number: Int) -> String? {
        lineBytes(number).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of line `number` (1-based), without its terminator.
    public func lineBytes(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        guard number < starts.count else { return bytes[starts[number - 1]...] }
        let next = starts[number]
        let terminatorLength: Int
        switch bytes[next - 1] {
        case 0x0A: terminatorLength = next >= 2 && bytes[next - 2] == 0x0D ? 2 : 1
        case 0x0D: terminatorLength = 1
        default: terminatorLength = 3  // U+2028 or U+2029
        }
        return bytes[starts[number - 1]..<(next - terminatorLength)]
    }
}
