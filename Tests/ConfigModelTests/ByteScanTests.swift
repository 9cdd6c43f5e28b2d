import XCTest
@testable import ConfigModel

/// `ByteScan` promises the answers of the obvious byte-by-byte loops; these compare the two on
/// inputs dense with line terminators, CRLF pairs split across words, and non-ASCII bytes.
final class ByteScanTests: XCTestCase {
    private static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("x".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
        [0xE2, 0x80, 0xA7], [0xC3, 0xA9], [0xE2], Array("/* */".utf8), Array("0123456789abcdef".utf8),
    ]

    /// Deterministic inputs: every length up to 40 bytes from a fixed pseudo-random sequence.
    private func inputs() -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var result: [[UInt8]] = [[]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            while bytes.count < 40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes += Self.pieces[Int(state >> 33) % Self.pieces.count]
                if state & 7 == 0 { break }
            }
            result.append(bytes)
        }
        return result
    }

    private func naiveTerminatorLength(_ bytes: [UInt8], _ index: Int) -> Int {
        if bytes[index] == 0x0A || bytes[index] == 0x0D { return 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return 3 }
        return 0
    }

    func testLineStartsAreThoseOfTheByteByByteLoop() {
        for bytes in inputs() {
            var starts = [0]
            var index = 0
            while index < bytes.count {
                let length = naiveTerminatorLength(bytes, index)
                if length == 0 { index += 1; continue }
                let crlf = bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                index += crlf ? 2 : length
                starts.append(index)
            }
            let scanned = ByteScan.lineStarts(of: bytes)
            XCTAssertEqual(scanned.starts, starts, "\(bytes)")
            XCTAssertEqual(scanned.isASCII, bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    func testLineTerminatorIsTheFirstOneFromAnyStart() {
        for bytes in inputs() {
            for start in 0...bytes.count {
                let expected = (start..<bytes.count).first { naiveTerminatorLength(bytes, $0) > 0 } ?? bytes.count
                XCTAssertEqual(ByteScan.lineTerminator(in: bytes, from: start), expected, "\(bytes) from \(start)")
            }
        }
    }
}
