import XCTest
@testable import ConfigModel

/// `ByteScan` promises the answers of the obvious byte-by-byte loops; these compare the two on
/// inputs dense with line terminators, CRLF pairs split across words, and non-ASCII bytes.
final class ByteScanTests: XCTestCase {
    static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("x".utf8), [0x0A], [0x0D], [0x0D, 0x0A], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
        [0xE2, 0x80, 0xA7], [0xC3, 0xA9], [0xE2], Array("/* */".utf8), Array("0123456789abcdef".utf8),
        Array("ab\ncd\n\nefg\n".utf8),
    ]

    /// Deterministic inputs of up to `maxLength` bytes from a fixed pseudo-random sequence of `pieces`.
    static func inputs(maxLength: Int = 40) -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var result: [[UInt8]] = [[]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            while bytes.count < maxLength {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes += Self.pieces[Int(state >> 33) % Self.pieces.count]
                if state % UInt64(maxLength / 5) == 0 { break }
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
        // Long inputs too: runs of ASCII words with several LFs each, next to CR and non-ASCII words.
        // Lines shorter than the table first makes room for, and long runs of plain text (read 32 bytes at a time) with
        // a terminator or a non-ASCII byte at every place in a run.
        let shortLines = [Array(repeating: 0x0A, count: 300), Array(String(repeating: "a\r\n", count: 100).utf8)]
        let longRuns = (0..<40).map { offset in
            Array(repeating: UInt8(ascii: "a"), count: offset) + [0x0A] + Array(repeating: UInt8(ascii: "b"), count: 70)
                + [0xE2, 0x80, 0xA8] + Array(repeating: UInt8(ascii: "c"), count: 33 + offset) + [0x0D, 0x0A, 0xC3, 0xA9, 0x0D]
        }
        for bytes in Self.inputs() + Self.inputs(maxLength: 160) + Self.inputs(maxLength: 700) + shortLines + longRuns {
            var starts = [0]
            var index = 0
            while index < bytes.count {
                let length = naiveTerminatorLength(bytes, index)
                if length == 0 { index += 1; continue }
                let crlf = bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                index += crlf ? 2 : length
                starts.append(index)
            }
            let table = LineTable(bytes)
            XCTAssertEqual((0..<table.lineCount).map(table.start(ofLine:)), starts, "\(bytes)")
            XCTAssertEqual(table.isASCII, bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
            // The line of every offset (a block's line looked up, then steps), found as a walk over the starts would.
            var line = 0
            for offset in 0...bytes.count {
                while line + 1 < starts.count, starts[line + 1] <= offset { line += 1 }
                if table.line(holding: offset) != line { XCTFail("line of \(offset) in \(bytes)") }
            }
        }
    }

    func testFirstNonASCIIIsTheFirstHighByte() {
        // A non-ASCII byte at every place in and after a 32-byte run.
        let runs = (0..<70).map { Array(repeating: UInt8(ascii: "a"), count: $0) + [0xC3, 0xA9] + Array(repeating: UInt8(ascii: "b"), count: 40) }
        for bytes in Self.inputs() + Self.inputs(maxLength: 160) + runs {
            XCTAssertEqual(ByteScan.firstNonASCII(in: bytes), bytes.firstIndex { $0 >= 0x80 } ?? bytes.count, "\(bytes)")
        }
    }

    func testContainsIsTheNaiveSearchForAnyAnchor() {
        let needles = [Array("a".utf8), Array("abc".utf8), Array("cd\n".utf8), Array("\n\nefg".utf8), [0x0D, 0x0A, 0x61], Array("gh0123".utf8)]
        for haystack in Self.inputs() + Self.inputs(maxLength: 160) + [[]] {
            for needle in needles {
                let expected = haystack.count >= needle.count
                    && (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
                for anchor in needle.indices {
                    XCTAssertEqual(ByteScan.contains(needle, in: haystack, anchor: anchor), expected, "\(needle) at \(anchor) in \(haystack)")
                }
            }
        }
    }

    func testSpaceRunEndIsTheFirstNonSpaceFromAnyStart() {
        let spaced = Self.inputs().map { $0.map { $0 == UInt8(ascii: "x") ? 0x20 : $0 } }
            + [Array(repeating: 0x20, count: 37), Array(repeating: 0x20, count: 16) + [0x09] + Array(repeating: 0x20, count: 9)]
        for bytes in spaced {
            for start in 0...bytes.count {
                let expected = (start..<bytes.count).first { bytes[$0] != 0x20 } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { ByteScan.spaceRunEnd($0, from: start) }
                XCTAssertEqual(found, expected, "\(bytes) from \(start)")
            }
        }
    }

    func testPlainWhitespaceEndIsTheFirstOtherByteFromAnyStart() {
        let spaced = Self.inputs().map { $0.map { $0 == UInt8(ascii: "x") ? 0x20 : $0 } }
            + [Array(repeating: 0x20, count: 37) + [0x0A, 0x0D, 0x09, 0x0B], Array(repeating: 0x20, count: 9) + [0x0C, 0x20]]
        let plain: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        for bytes in spaced {
            for start in 0...bytes.count {
                let expected = (start..<bytes.count).first { !plain.contains(bytes[$0]) } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { ByteScan.plainWhitespaceEnd($0, from: start) }
                XCTAssertEqual(found, expected, "\(bytes) from \(start)")
            }
        }
    }

    func testQuotedTextEndIsTheFirstStopFromAnyStart() {
        let quoted = Self.inputs(maxLength: 60).map { bytes in
            bytes.map { byte -> UInt8 in
                switch byte {
                case UInt8(ascii: "a"): return UInt8(ascii: "\"")
                case UInt8(ascii: "b"): return UInt8(ascii: "\\")
                case UInt8(ascii: "c"): return UInt8(ascii: "'")
                default: return byte
                }
            }
        }
        for bytes in quoted {
            for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
                for start in 0...bytes.count {
                    let expected = (start..<bytes.count).first {
                        [quote, UInt8(ascii: "\\"), 0x0A, 0x0D].contains(bytes[$0])
                    } ?? bytes.count
                    XCTAssertEqual(ByteScan.quotedTextEnd(in: bytes, from: start, quote: quote), expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    func testLineTerminatorIsTheFirstOneFromAnyStart() {
        for bytes in Self.inputs() {
            for start in 0...bytes.count {
                let expected = (start..<bytes.count).first { naiveTerminatorLength(bytes, $0) > 0 } ?? bytes.count
                XCTAssertEqual(ByteScan.lineTerminator(in: bytes, from: start), expected, "\(bytes) from \(start)")
            }
        }
    }

    func testBlockCommentEndIsTheFirstCloseFromAnyStart() {
        for bytes in Self.inputs() {
            for start in 0...bytes.count {
                let close = (start..<bytes.count).first { $0 + 1 < bytes.count && bytes[$0] == UInt8(ascii: "*") && bytes[$0 + 1] == UInt8(ascii: "/") }
                let crossesLine = (start..<(close ?? bytes.count)).contains { naiveTerminatorLength(bytes, $0) > 0 }
                let found = ByteScan.blockCommentEnd(in: bytes, from: start)
                XCTAssertEqual(found.end, close.map { $0 + 2 }, "\(bytes) from \(start)")
                XCTAssertEqual(found.crossesLine, crossesLine, "\(bytes) from \(start)")
            }
        }
    }
}
