import ConfigModel
import XCTest

@testable import grouparoo_gen

/// The text printer's shortcuts give exactly what the general code they skip would.
final class DiagnosticFastPathTests: XCTestCase {
    /// A printable ASCII line is copied as bytes and masked in place; the general path decodes scalars.
    func testPlainASCIIExcerptsAreThoseOfTheScalarPath() {
        let lines = ["\tpassword: \"hunter2\", token: 'abc', `t` = 1", "no secret here", "", "\t\t\"x\"", "a\tb\tc = `q`;"]
        let file = "/tmp/fast-path-excerpt.js"
        var compared = 0
        for line in lines {
            let bytes = Array(line.utf8)[...]
            for startColumn in 0...(bytes.count + 2) {
                for endColumn in [startColumn - 1, startColumn, startColumn + 1, startColumn + 5, bytes.count + 3] {
                    for endLine in [3, 4] {
                        let span = SourceSpan(file: file, start: TextPosition(line: 3, column: startColumn),
                                              end: TextPosition(line: endLine, column: endColumn))
                        // The span masked as a secret, and a secret elsewhere on the line or on no shown line.
                        let secretSpans = [span, SourceSpan(file: file, start: TextPosition(line: 3, column: 4), end: TextPosition(line: 3, column: 12)),
                                           SourceSpan(file: file, start: TextPosition(line: 1, column: 1), end: TextPosition(line: 2, column: 9))]
                        for secret in secretSpans {
                            let secrets = SecretMasking([Diagnostic(severity: .warning, ruleID: "hardcoded-secret", message: "m", span: secret)])
                            for useColor in [false, true] {
                                var fast: [UInt8] = []
                                var plain: [UInt8] = []
                                var excerpt = SourceExcerpt()
                                excerpt.append(bytes, span: span, secrets: secrets.inFile(of: span), useColor: useColor, to: &fast)
                                excerpt.append(bytes, span: span, secrets: secrets.inFile(of: span), useColor: useColor, to: &plain,
                                               plainASCIIAsBytes: false)
                                XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: plain, as: UTF8.self),
                                               "\(line) \(span.start) \(span.end) secret \(secret.start)")
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 1_000)
    }

    /// A line longer than 4 bytes a scalar could fill is skipped before it is decoded: lines of up to 200
    /// scalars are shown whatever their bytes, longer ones are not, as when every line was decoded first.
    func testLongLinesAreSkippedAsWhenDecoded() {
        let file = "/tmp/fast-path-long-line.js"
        let span = SourceSpan(file: file, start: TextPosition(line: 1, column: 2), end: TextPosition(line: 1, column: 3))
        let secrets = SecretMasking([]).inFile(of: span)
        // A 4-byte scalar, a 2-byte one, a bad byte (one U+FFFD each) and a bad byte with a control character.
        let pieces: [[UInt8]] = [[0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], [0xFF], [0xFF, 0x07]]
        for piece in pieces {
            for count in [100, 199, 200, 201, 400] {
                let bytes = Array(Array(repeating: piece, count: count).joined())
                var output: [UInt8] = []
                var excerpt = SourceExcerpt()
                excerpt.append(bytes[...], span: span, secrets: secrets, useColor: false, to: &output, plainASCIIAsBytes: false)
                let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
                XCTAssertEqual(output.isEmpty, scalars > 200, "\(piece) × \(count): \(scalars) scalars")
            }
        }
    }

    /// `isPlain` looks at eight bytes at a time; it answers as the byte-by-byte test, at every position.
    func testIsPlainIsTheByteByByteAnswer() {
        let pieces = ["abcdefgh", "x", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{9B}", "\u{85}", "é", "\u{100}", "€", " ", "\u{1F}", "\u{0}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3_000 {
            var text = ""
            while text.utf8.count < 40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
                if state % 7 == 0 { break }
            }
            let expected = !text.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }
            XCTAssertEqual(ControlCharacters.isPlain(text), expected, text.debugDescription)
        }
    }

    /// Inside the working directory, the path shown is found from bytes; it is what the Character-wise
    /// comparison gives, also where bytes and Characters part (a combining mark after the slash).
    func testDisplayPathIsTheCharacterWiseAnswer() {
        let directories = ["/work/dir", "/work/dé", "", "/work/dir\r"]
        let names = ["a.js", "sub/b.json", "\u{301}x.js", "é.js", "", "\n.js"]
        for directory in directories {
            let text = DiagnosticText(relativeTo: directory, useColor: false)
            var paths = names.map { directory + "/" + $0 } + ["/elsewhere/a.js", directory, directory + "x/a.js", "\u{212A}/a.js"]
            paths.append(directory + "\n/a.js")
            for path in paths {
                let expected = ControlCharacters.escaped(path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path)
                XCTAssertEqual(text.displayPath(path), expected, "\(directory.debugDescription) \(path.debugDescription)")
            }
        }
    }
}
