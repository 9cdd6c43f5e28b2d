/// A file's lines, split with JavaScript's line terminators (LF, CRLF, CR, U+2028, U+2029) so line
/// numbers agree with the reader's positions. Used to show or inspect the text a diagnostic points at.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]
    private var ends: [Int] = []

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        while index < bytes.count {
            var terminator = 0
            switch bytes[index] {
            case 0x0A: terminator = 1
            case 0x0D: terminator = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                terminator = 3
            default: break
            }
            if terminator > 0 {
                ends.append(index)
                index += terminator
                starts.append(index)
            } else {
                index += 1
            }
        }
        ends.append(bytes.count)
    }

    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        return String(decoding: bytes[starts[number - 1]..<ends[number - 1]], as: UTF8.self)
    }
}
