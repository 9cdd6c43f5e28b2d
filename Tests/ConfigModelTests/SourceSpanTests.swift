import XCTest
@testable import ConfigModel

/// `SourceSpan` packs its end next to its start; every span must still give back exactly the
/// positions it was made with, including ends too far away to pack.
final class SourceSpanTests: XCTestCase {
    private func span(_ start: (Int, Int), _ end: (Int, Int), file: String = "/virtual/span.js") -> SourceSpan {
        SourceSpan(file: file, start: TextPosition(line: start.0, column: start.1), end: TextPosition(line: end.0, column: end.1))
    }

    func testEveryEndComesBackExactly() {
        let cases: [((Int, Int), (Int, Int))] = [
            ((1, 1), (1, 1)), ((3, 7), (3, 19)), ((10, 5), (12, 2)), ((1, 1), (2_048, 1)), ((1, 1), (2_049, 3)),
            ((5, 1), (5, 1_048_575)), ((5, 1), (5, 1_048_576)), ((7, 1), (7, 0)), ((9, 4), (8, 2)),
            ((1, 1), (Int(Int32.max), Int(Int32.max))), ((-3, -4), (-1, -2)),
            ((1, 1), (1_024, 1_048_575)), ((1, 1), (1_025, 1_023)), ((1, 1), (1_025, 1_024)),
            ((4, 2), (1_048_579, 1_023)), ((4, 2), (1_048_580, 1)), ((2, 9), (90_000, 1_048_576)),
        ]
        for (start, end) in cases {
            let made = span(start, end)
            XCTAssertEqual(made.start, TextPosition(line: start.0, column: start.1), "\(start) \(end)")
            XCTAssertEqual(made.end, TextPosition(line: end.0, column: end.1), "\(start) \(end)")
            XCTAssertEqual(made.file, "/virtual/span.js")
        }
    }

    func testSpansCompareAndHashByWhatTheyHold() {
        XCTAssertEqual(span((1, 1), (3_000, 9)), span((1, 1), (3_000, 9)))
        XCTAssertEqual(Set([span((2, 2), (2, 9)), span((2, 2), (2, 9)), span((2, 2), (5_000, 9))]).count, 2)
        XCTAssertNotEqual(span((2, 2), (2, 9)), span((2, 2), (2, 10)))
        XCTAssertNotEqual(span((2, 2), (2, 9)), span((2, 2), (2, 9), file: "/virtual/other.js"))
    }

    func testLongValuesAndLongLinesStayOutOfTheProcessWideTable() {
        // A language server re-reads files for hours: ends that grow the shared table must stay rare.
        let before = WideSpanEnds.shared.count
        for line in stride(from: 2_000, to: 200_000, by: 997) {
            _ = span((1, 1), (line, 3))
            _ = span((line, 1), (line + 900, 1_000_000))
            _ = span((line, 1), (line + 90_000, 1_023))
        }
        XCTAssertEqual(WideSpanEnds.shared.count, before)
        XCTAssertEqual(span((1, 1), (5_000, 3)), span((1, 1), (5_000, 3)))
        XCTAssertNotEqual(span((1, 1), (5_000, 3)), span((1, 1), (5_001, 3)))
        XCTAssertNotEqual(span((1, 1), (1_000, 3)), span((1, 1), (1_000, 4)))
    }

    func testKeySpansComeBackExactlyWhateverTheirValue() {
        // A property keeps its key span relative to its value's span; any pair must come back as given.
        let values = [span((10, 5), (10, 9)), span((1, 1), (1, 1)), span((50, 3), (90, 2)),
                      span((300_000, 1), (300_001, 1)), span((4, 200_000), (4, 200_010))]
        let keys = [span((10, 1), (10, 4)), span((1, 1), (1, 1)), span((9, 3), (9, 200)), span((1, 1), (300, 2)),
                    span((600_000, 2), (600_000, 9)), span((10, 140_000), (10, 140_004)), span((10, 1), (10, 4), file: "/virtual/other.js"),
                    span((-2, 1), (-2, 3)), span((10, -1), (10, 3)), span((12, 4), (11, 2))]
        let tableBefore = WideKeySpans.shared.count
        for value in values {
            for key in keys + [value] {
                var property = JSProperty(key: "k", keySpan: key, value: LocatedValue(.null, span: value))
                XCTAssertEqual(property.keySpan, key, "\(key) from \(value)")
                XCTAssertEqual(property.value.span, value)
                // A new value keeps the key span.
                property.replaceValue(LocatedValue(.boolean(true), span: values[0]))
                XCTAssertEqual(property.keySpan, key, "\(key) after the value moved")
                property.keySpan = value
                XCTAssertEqual(property.keySpan, value)
            }
        }
        // Keys written near their value in its file never reach the process-wide table.
        let near = JSProperty(key: "k", keySpan: span((10, 1), (10, 4)), value: LocatedValue(.null, span: span((12, 5), (40, 2))))
        XCTAssertEqual(near.keySpan, span((10, 1), (10, 4)))
        XCTAssertLessThanOrEqual(WideKeySpans.shared.count - tableBefore, keys.count * values.count)
        let countAfter = WideKeySpans.shared.count
        _ = JSProperty(key: "k", keySpan: span((7, 1), (7, 9)), value: LocatedValue(.null, span: span((3_000, 5), (3_000, 6))))
        XCTAssertEqual(WideKeySpans.shared.count, countAfter)
    }

    func testMovingTheStartKeepsTheEnd() {
        var moved = span((10, 3), (11, 4))
        moved.start = TextPosition(line: 1, column: 1)
        XCTAssertEqual(moved.end, TextPosition(line: 11, column: 4))
        moved.start = TextPosition(line: 12, column: 1)
        XCTAssertEqual(moved.end, TextPosition(line: 11, column: 4))
        moved.end = TextPosition(line: 12, column: 30)
        XCTAssertEqual(moved, span((12, 1), (12, 30)))
    }

    func testValuesStayCompact() {
        // Config trees hold millions of values and keys: these sizes are what the memory goal rests on.
        XCTAssertEqual(MemoryLayout<SourceSpan>.size, 16)
        XCTAssertEqual(MemoryLayout<LocatedValue>.stride, 40)
        XCTAssertEqual(MemoryLayout<JSProperty>.stride, 64)
        XCTAssertEqual(MemoryLayout<Field<Bool>?>.stride, 16)
        XCTAssertEqual(MemoryLayout<Field<String>?>.stride, 32)
        XCTAssertEqual(MemoryLayout<ConfigReference>.stride, 72)
    }

    func testModelHeadersStayCompact() {
        // One header per config object: it keeps the object and its span, not a `LocatedValue` of it.
        XCTAssertEqual(MemoryLayout<ConfigObjectHeader>.size, 64)
        XCTAssertEqual(MemoryLayout<PropertyConfig>.size, 256)
        // Kept for every app, source, destination, property and schedule with plugin options.
        XCTAssertEqual(MemoryLayout<PluginOptionTarget>.stride, 80)
    }

    func testDepthAndSizeSaturateAboveTheirLimits() {
        var value = LocatedValue(.number(1), span: span((1, 1), (1, 2)))
        XCTAssertEqual(value.depth, 0)
        XCTAssertEqual(value.treeSize, 1)
        for _ in 0..<1_100 { value = LocatedValue(.array([value, value]), span: value.span) }
        XCTAssertGreaterThan(value.depth, LocatedValue.maximumDepth)
        XCTAssertGreaterThan(value.treeSize, LocatedValue.maximumTreeSize)
        var object = JSObject()
        object.set("a", LocatedValue(.string("x"), span: value.span))
        object.set("b", LocatedValue(.array([LocatedValue(.null, span: value.span)]), span: value.span))
        let wrapped = LocatedValue(.object(object), span: value.span)
        XCTAssertEqual(wrapped.depth, 2)
        XCTAssertEqual(wrapped.treeSize, 4)
    }

    /// File ids come from a hash table with its own hash of the path's bytes: paths that differ in any byte
    /// (or only in length, or are two spellings of one accented name) get their own id, the same path always gets the same one, and each id gives its path back.
    func testFilePathIDsTellPathsApartByEveryByte() {
        let base = "/virtual/ids/workspace_001/properties/a_rather_long_property_file_name"
        var paths = (0...base.utf8.count).map { String(base.prefix($0)) }
        paths += base.indices.map { index in base.replacingCharacters(in: index...index, with: "x") }
        paths += (0..<3_000).map { "/virtual/ids/\($0 % 7)/file_\($0).json" } + ["/virtual/ids/é", "/virtual/ids/e\u{301}"]
        let ids = paths.map { FilePathTable.shared.id(for: $0) }
        XCTAssertEqual(paths.map { FilePathTable.shared.id(for: $0) }, ids)
        XCTAssertEqual(ids.map { FilePathTable.shared.path(for: $0) }, paths)
        XCTAssertEqual(Set(ids).count, Set(paths.map { Array($0.utf8) }).count)
    }
}
