import XCTest
@testable import ConfigModel

/// `SourceText` decodes with shortcuts (an all-ASCII file skips validation) and finds lines through a
/// table; these compare its answers with plain scalar-by-scalar reading on mixed inputs: ASCII,
/// multi-byte text, invalid bytes, and every kind of line break across eight-byte words.
final class SourceTextTests: XCTestCase {
    private func mixedInputs() -> [[UInt8]] {
        ByteScanTests.inputs() + ByteScanTests.inputs(maxLength: 160) + [
            Array(repeating: UInt8(ascii: "a"), count: 200) + [0x0A] + Array(repeating: UInt8(ascii: "b"), count: 70),
            Array(repeating: 0x0A, count: 150), Array(repeating: 0x0D, count: 130),
            Array("é\r\n".utf8) + Array(repeating: 0x80, count: 70) + Array("\u{2028}x".utf8),
        ]
    }

    /// Line and column (1-based, columns in scalars) of every scalar boundary, read one scalar at a time.
    private func plainPositions(_ text: String) -> [Int: TextPosition] {
        let scalars = Array(text.unicodeScalars)
        var positions: [Int: TextPosition] = [:]
        var offset = 0
        var line = 1
        var column = 1
        for (index, scalar) in scalars.enumerated() {
            positions[offset] = TextPosition(line: line, column: column)
            offset += scalar.utf8.count
            // A CRLF is one line break, ending after the LF.
            let crBeforeLF = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if SourceText.isLineTerminator(scalar), !crBeforeLF {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        positions[offset] = TextPosition(line: line, column: column)
        return positions
    }

    func testDecodingReplacesInvalidSequencesAsStringDecodingDoes() {
        for bytes in mixedInputs() {
            let decoded = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/mixed.js")
            let plain = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(decoded.text.bytes, Array(plain.utf8), "\(bytes)")
            XCTAssertEqual(decoded.firstInvalid == nil, String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
        }
    }

    func testPositionsAndSpansAreThoseOfScalarByScalarReading() {
        for (number, bytes) in mixedInputs().enumerated() {
            let source = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/mixed.js").text
            let positions = plainPositions(String(decoding: source.bytes, as: UTF8.self))
            let offsets = positions.keys.sorted()
            for offset in offsets {
                XCTAssertEqual(source.position(of: offset), positions[offset], "\(bytes) at \(offset)")
            }
            // Spans of every length from a few starts, and backwards ones (an end before the start).
            for start in offsets where number % 16 == 0 && start % 7 == 0 {
                for end in offsets {
                    let span = source.span(start, end)
                    XCTAssertEqual(span.start, positions[start], "\(bytes) span \(start)..<\(end)")
                    XCTAssertEqual(span.end, positions[end], "\(bytes) span \(start)..<\(end)")
                }
            }
        }
    }

    /// `span` has a shortcut for one-line spans in ASCII files; its ends must be what `position(of:)`
    /// (the general path) says, at line ends, CRLFs, the file's end, and out-of-range offsets too.
    func testOneLineSpanShortcutAgreesWithPositions() {
        // Every eighth mixed input keeps the test quick; the added ones are the cases the shortcut must refuse.
        let inputs = mixedInputs().enumerated().filter { $0.offset % 8 == 0 }.map(\.element) + [
            Array("ab\r\ncd\re\n\nf".utf8), Array("x\u{2028}y\nz".utf8), Array("é\nab cd\nef".utf8),
            Array(repeating: UInt8(ascii: "a"), count: 300), [], Array("\t{\ta: 1,\t}\r\n\t'b'".utf8),
            Array("a\u{1F600}b\n\u{1D11E}x\r\n\"\u{1F600}\"".utf8), Array((String(repeating: "ab\n", count: 40) + "`x`").utf8),
        ]
        for bytes in inputs {
            let source = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/span.js").text
            let count = source.bytes.count
            let offsets = count <= 40 ? Array(-2...count + 2) : Array(-2...12) + Array(count - 12...count + 2)
            for start in offsets {
                for end in offsets {
                    assertSpan(source, start, end, "\(bytes)")
                }
            }
        }
    }

    /// The evaluator's spans keep the last line found in a cursor; asked forwards, backwards and out of order, with
    /// one cursor for the whole walk, they must be the spans `span(_:_:)` makes.
    func testSpansAfterACursorAreThoseWithout() {
        let inputs = mixedInputs().enumerated().filter { $0.offset % 16 == 0 }.map(\.element) + [
            Array("ab\r\ncd\re\n\nf".utf8), Array("é\nab cd\nef".utf8), Array((String(repeating: "ab: 'x',\n", count: 40)).utf8),
        ]
        for bytes in inputs {
            let source = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/cursor.js").text
            let count = source.bytes.count
            let starts = Array(-1...count + 1)
            var cursor = SourceText.LineCursor()
            for start in starts + starts.reversed() + starts.map({ ($0 * 7) % (count + 3) - 1 }) {
                for end in [start, start + 1, start + 3, start + 9, start - 1] {
                    let span = source.span(start, end, after: &cursor), plain = source.span(start, end)
                    // One check, not two assertions: this runs a hundred thousand times.
                    if span != plain || span.start != plain.start || span.end != plain.end || span.startsWithLiteral != plain.startsWithLiteral {
                        XCTFail("\(bytes) span \(start)..<\(end): \(span.start)-\(span.end), not \(plain.start)-\(plain.end)")
                    }
                }
            }
        }
    }

    /// A span must hold the ends `position(of:)` gives (the general path), compare equal to one made from them and
    /// say whether a quote opens it. (One check, not four assertions: this runs a million times.)
    private func assertSpan(_ source: SourceText, _ start: Int, _ end: Int, _ context: @autoclosure () -> String) {
        let span = source.span(start, end)
        let plain = SourceSpan(fileID: span.fileID, start: source.position(of: start), end: source.position(of: end))
        let literal = start >= 0 && start < source.bytes.count && [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(source.bytes[start])
        if span.start != plain.start || span.end != plain.end || span != plain || span.startsWithLiteral != literal {
            XCTFail("\(context()) span \(start)..<\(end): \(span.start)-\(span.end) \(span.startsWithLiteral), not \(plain.start)-\(plain.end) \(literal)")
        }
    }

    /// A line past the one-line layout's columns (2^20) takes the general path; spans before that column the shortcut.
    func testSpansOnAVeryLongLineAgreeWithPositions() {
        let limit = SourceSpan.oneLineColumnLimit
        let source = SourceText(file: "/virtual/long.js", validUTF8: Array(repeating: UInt8(ascii: "a"), count: limit + 4) + [0x0A, 0x62])
        for (start, end) in [(0, limit - 2), (0, limit - 1), (0, limit), (3, limit + 1), (limit - 1, limit + 5), (10, limit + 6), (limit + 5, limit + 6)] {
            assertSpan(source, start, end, "long line")
        }
    }

    /// The JSON5 reader's plain tokens take `span(from:at:asciiLength:)`; it must give the span the general
    /// `span(from:at:to:)` makes, for short tokens, ends at and past the one-line layout's columns, and odd positions.
    func testASCIILengthSpansAreThoseOfTheGeneralPath() {
        let limit = SourceSpan.oneLineColumnLimit
        for file in ["/virtual/tokens.json", "/virtual/tokens.js"] {
            let source = SourceText(file: file, validUTF8: Array("{\"a\": 'b', c: 12}\n".utf8))
            for start in 0...source.bytes.count {
                for (line, column) in [(1, 1), (3, 7), (2, limit - 9), (1, -4), (40, limit + 3)] {
                    for length in [0, 1, 8, 9, 10, 12] {
                        let position = TextPosition(line: line, column: column)
                        let general = source.span(from: start, at: position, to: TextPosition(line: line, column: column + length))
                        let shortcut = source.span(from: start, at: position, asciiLength: length)
                        XCTAssertEqual(shortcut, general, "\(file) \(start) \(position) +\(length)")
                        XCTAssertEqual(shortcut.end, general.end, "\(file) \(start) \(position) +\(length)")
                        XCTAssertEqual(shortcut.startsWithLiteral, general.startsWithLiteral, "\(file) \(start) \(position) +\(length)")
                    }
                }
            }
        }
    }

    /// The JSON5 reader asks for positions front to back through a `LineCursor`; every answer must be the one
    /// `position(of:)` gives, whether the offsets come one by one, in strides across lines, or out of order.
    func testCursorPositionsAreThoseOfPositionOf() {
        let inputs = mixedInputs() + [
            Array("\u{FEFF}{\r\n\t\"a\": 1,\r\"b\":\u{2028}2\u{2029}}".utf8), Array("é\r\n\t x\n\ny".utf8),
        ]
        for bytes in inputs {
            let source = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/cursor.json").text
            let offsets = (0...source.bytes.count).filter { $0 == source.bytes.count || source.bytes[$0] & 0xC0 != 0x80 }
            for stride in [1, 3, 17] {
                var cursor = SourceText.LineCursor()
                for offset in offsets.enumerated().filter({ $0.offset % stride == 0 }).map(\.element) {
                    XCTAssertEqual(source.position(of: offset, after: &cursor), source.position(of: offset), "\(bytes) at \(offset)")
                }
                // Asked again from the start, after the cursor moved to the end.
                for offset in offsets.prefix(3) {
                    XCTAssertEqual(source.position(of: offset, after: &cursor), source.position(of: offset), "\(bytes) at \(offset)")
                }
            }
        }
    }

    /// `isJSONPath` reads the last bytes; `hasSuffix` compares characters, which it must agree with.
    func testJSONPathCheckAgreesWithHasSuffix() {
        let paths = ["a.json", ".json", "json", "a.jso", "a.js", "/x/y/file.json", "a.JSON", "a.json ", "a.json/b",
                     "é.json", "\u{0600}.json", "a\u{0301}.json", "a.json\u{0301}", "a.jsón", "日本.json", "", "n"]
        for path in paths {
            XCTAssertEqual(SourceText.isJSONPath(path), path.hasSuffix(".json"), path)
        }
    }
}
