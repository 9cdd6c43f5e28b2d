import XCTest
@testable import ConfigModel

/// `SourceLineCursor` scans only as far as the line asked for; its lines must be exactly those of the
/// full line table, `SourceLines`, whatever order they are asked in.
final class SourceLineCursorTests: XCTestCase {
    private static let edgeCases: [String] = [
        "", "a", "a\n", "\n", "\n\n", "a\r\nb", "a\rb\r", "\r\n\r\n", "a\r\r\nb", "a\u{2028}b\u{2029}c", "\u{2028}",
        "é\tx\n\tçà = \"ü\";\nlast line without terminator", "tab\there\n\t\tdeep", "x\u{85}y\nz",
    ]

    func testLinesAreThoseOfTheFullLineTable() {
        let inputs = Self.edgeCases.map { Array($0.utf8) } + ByteScanTests.inputs() + ByteScanTests.inputs(maxLength: 160)
            + [[0xE2, 0x80], [0x41, 0xE2, 0x80, 0xA8]]
        for bytes in inputs {
            let table = SourceLines(bytes)
            let lineCount = LineTable(bytes).lineCount
            let numbers = Array(-1...(lineCount + 2))
            // In order (as diagnostics come), backwards, each line twice, and skipping ahead.
            for order in [numbers, numbers.reversed(), numbers.flatMap { [$0, $0] }, numbers.filter { $0 % 3 == 0 } + numbers] {
                var cursor = SourceLineCursor(bytes)
                for number in order {
                    XCTAssertEqual(cursor.lineBytes(number).map(Array.init), table.lineBytes(number).map(Array.init),
                                   "line \(number) of \(bytes)")
                }
            }
        }
    }
}
