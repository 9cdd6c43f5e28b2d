import XCTest
@testable import ConfigModel

/// The JSON5 reader's shortcuts against the general paths they stand in for: plain keys (made from their bytes or
/// taken from the worker's string table) against escaped keys, which always take the general string and name readers;
/// objects built by appending plain keys against objects built with `JSObject.set` alone.
final class JSON5FastPathTests: XCTestCase {
    private func parse(_ text: String, file: String = "/virtual/fast.json") throws -> LocatedValue {
        let (value, diagnostics) = JSON5.parse(Array(text.utf8), file: file)
        XCTAssertEqual(diagnostics.map(\.message), [], text)
        return try XCTUnwrap(value, text)
    }

    private func object(_ text: String) throws -> JSObject {
        guard case .object(let object) = try parse(text).value else { throw XCTSkip("not an object: \(text)") }
        return object
    }

    /// What `set` makes of the pairs in the order written (the plain behaviour).
    private func viaSet(_ pairs: [(String, JSValue)]) -> String {
        var object = JSObject()
        for (key, value) in pairs { object.set(key, LocatedValue(value, span: .wholeFile("/virtual/set.json"))) }
        return JSONOutput.stringify(.object(object)) ?? "?"
    }

    func testPlainKeysReadAsTheirEscapedSpellings() throws {
        // Each pair: a key the fast path reads, and the same key written so only the general path can read it.
        let pairs: [(plain: String, escaped: String)] = [
            (#""abc""#, #""\u0061bc""#), (#"'abc'"#, #"'a\u0062c'"#), ("abc", #"\u0061bc"#),
            ("$_x9", #"\u0024_x9"#), (#""é key""#, #""\u00e9 key""#),
            (#""permissionAllWrite""#, #""permissionAllWrit\u0065""#), (#""__proto__""#, #""__prot\u006f__""#),
        ]
        for (plain, escaped) in pairs {
            let fast = try object("{\(plain): 1}")
            let general = try object("{\(escaped): 1}")
            XCTAssertEqual(fast.keys.count, 1, plain)
            XCTAssertEqual(fast.keys, general.keys, plain)
        }
        XCTAssertEqual(try object(#"{"": 1, '': 2}"#).keys, [""])
    }

    func testUnquotedKeysThatContinueBeyondASCIITakeTheGeneralReader() throws {
        XCTAssertEqual(try object("{aé: 1}").keys, ["aé"])
        XCTAssertEqual(try object(#"{a\u0062: 1}"#).keys, ["ab"])
        XCTAssertEqual(try object("{a\u{2028}: 1}").keys, ["a"])
        let (value, diagnostics) = JSON5.parse(Array("{1a: 1}".utf8), file: "/virtual/bad.json")
        XCTAssertNil(value)
        XCTAssertEqual(diagnostics.map(\.message), ["invalid JSON5: unexpected character `1`"])
    }

    func testObjectsMatchSetKeyByKey() throws {
        let cases: [(text: String, pairs: [(String, JSValue)])] = [
            (#"{"b": 1, "a": 2}"#, [("b", .number(1)), ("a", .number(2))]),
            (#"{"a": 1, "b": 2, "a": 3}"#, [("a", .number(1)), ("b", .number(2)), ("a", .number(3))]),
            (#"{"b": 1, "2": 2, "1": 3, "01": 4}"#, [("b", .number(1)), ("2", .number(2)), ("1", .number(3)), ("01", .number(4))]),
            (#"{"__proto__": 1, "x": {"__proto__": null}}"#,
             [("__proto__", .number(1)), ("x", .object({ var inner = JSObject(); inner.set("__proto__", LocatedValue(.null, span: .wholeFile("/v"))); return inner }()))]),
            (#"{a: 1, "a": 2, 'a': 3}"#, [("a", .number(1)), ("a", .number(2)), ("a", .number(3))]),
            ("{}", []),
        ]
        for (text, pairs) in cases {
            XCTAssertEqual(JSONOutput.stringify(try parse(text).value), viaSet(pairs), text)
        }
    }

    /// Plain ASCII keys are compared by their bytes, each object against its own keys only, until a key needs
    /// `set` (an array index, a repeated, escaped or non-ASCII key): every case must read as `set` builds it.
    func testKeysComparedByBytesMatchSet() throws {
        let one = LocatedValue(.number(1), span: .wholeFile("/v"))
        func nested(_ pairs: [(String, JSValue)]) -> JSValue {
            var object = JSObject()
            for (key, value) in pairs { object.set(key, LocatedValue(value, span: one.span)) }
            return .object(object)
        }
        let cases: [(text: String, pairs: [(String, JSValue)])] = [
            (#"{"a": {"a": 1, "b": 2}, "b": {"b": 3}, "a": 4}"#,
             [("a", nested([("a", .number(1)), ("b", .number(2))])), ("b", nested([("b", .number(3))])), ("a", .number(4))]),
            (#"{"ab": 1, "ba": 2, "ab": 3, "c": {"ab": 4, "c": 5}, "ba": 6, "d": 7}"#,
             [("ab", .number(1)), ("ba", .number(2)), ("ab", .number(3)), ("c", nested([("ab", .number(4)), ("c", .number(5))])),
              ("ba", .number(6)), ("d", .number(7))]),
            (#"{"é": 1, "e\#u{301}": 2, "x": 3, "é": 4}"#, [("é", .number(1)), ("e\u{301}", .number(2)), ("x", .number(3)), ("é", .number(4))]),
            (#"{"01": 1, "1a": 2, "7": 3, "": 4, '': 5, "-1": 6}"#,
             [("01", .number(1)), ("1a", .number(2)), ("7", .number(3)), ("", .number(4)), ("", .number(5)), ("-1", .number(6))]),
            (#"{"a_rather_long_key_name": [[1, [2]], []], "a_rather_long_key_nams": 2, "a_rather_long_key_name": 3}"#,
             [("a_rather_long_key_name", .array([])), ("a_rather_long_key_nams", .number(2)), ("a_rather_long_key_name", .number(3))]),
            (#"{x: 1, "\u0078": 2, "y": {"x": 3}, y: 4}"#, [("x", .number(1)), ("x", .number(2)), ("y", nested([("x", .number(3))])), ("y", .number(4))]),
        ]
        for (text, pairs) in cases {
            XCTAssertEqual(JSONOutput.stringify(try parse(text).value), viaSet(pairs), text)
        }
        XCTAssertEqual(JSONOutput.stringify(try parse(#"{"k": [[1, [2]], [], [{"k": [3]}]]}"#).value), #"{"k":[[1,[2]],[],[{"k":[3]}]]}"#)
    }

    /// A file that fails part-way leaves objects and arrays under way; the worker's next file must not see them.
    func testAFileReadAfterAFailedOneReadsAsOnItsOwn() throws {
        let scratch = JSON5Scratch()
        for broken in [#"{"a": {"b": [1, {"c": 2"#, #"{"a": 1, "a": {"b": x}}"#, #"[[[{"d": [1, ]"#] {
            var parser = JSON5Parser(source: SourceText(file: "/virtual/broken.json", validUTF8: Array(broken.utf8)), scratch: scratch)
            XCTAssertThrowsError(try parser.parseDocument(), broken)
        }
        let text = #"{"a": [1, {"b": 2}], "c": {"a": 3}}"#
        var parser = JSON5Parser(source: SourceText(file: "/virtual/next.json", validUTF8: Array(text.utf8)), scratch: scratch)
        XCTAssertEqual(JSONOutput.stringify(try parser.parseDocument().value), JSONOutput.stringify(try parse(text).value))
    }

    func testARepeatedKeyKeepsWhereItWasFirstWritten() throws {
        let object = try object(#"{"a": 1, "b": 2, "a": 3}"#)
        XCTAssertEqual(object.property("a")?.keySpan.start.column, 2)
        XCTAssertEqual(object.property("a")?.value.span.start.column, 23)
    }

    func testNestedObjectsKeepTheirOwnProperties() throws {
        let text = #"{"a": {"b": {"c": 1}, "d": [{"e": 2}, {"e": 3, "f": {}}]}, "g": 4}"#
        XCTAssertEqual(JSONOutput.stringify(try parse(text).value), text.replacingOccurrences(of: " ", with: ""))
    }

    /// A large file: many objects repeating keys from a vocabulary larger than the string table, so keys collide
    /// in their slots, some objects repeat a key and some use array-index keys.
    func testAHugeFileReadsAsSetWouldBuildIt() throws {
        let vocabulary = (0..<700).map { $0 % 3 == 0 ? "k\($0)" : "a_rather_long_key_number_\($0)" }
        var text = "[\n"
        var expected: [JSValue] = []
        for index in 0..<3_000 {
            var pairs: [(String, JSValue)] = []
            for step in 0..<(index % 7 + 1) {
                let key = step == 5 ? pairs[0].0 : step == 6 ? "\(index % 4)" : vocabulary[(index * 31 + step * 97) % vocabulary.count]
                pairs.append((key, .number(Double(step))))
            }
            let members = pairs.map { "    \(JSONOutput.quoted($0.0)): \(JSONOutput.stringify($0.1)!)" }
            text += "  {\n" + members.joined(separator: ",\n") + "\n  }" + (index < 2_999 ? ",\n" : "\n")
            var object = JSObject()
            for (key, value) in pairs { object.set(key, LocatedValue(value, span: .wholeFile("/v"))) }
            expected.append(.object(object))
        }
        text += "]\n"
        let parsed = try parse(text, file: "/virtual/huge.json")
        XCTAssertEqual(JSONOutput.stringify(parsed.value), JSONOutput.stringify(.array(expected.map { LocatedValue($0, span: .wholeFile("/v")) })))
    }

    func testObjectsOfARepeatedShapeGetArraysOfTheirSize() throws {
        let parsed = try parse(#"[{"a": 1, "b": {"c": 1}}, {"a": 2, "b": {"c": 2}}, {"a": 3, "b": {"c": 3}, "d": 4}, {"a": 4}]"#)
        guard case .array(let elements) = parsed.value else { return XCTFail("not an array") }
        let objects = elements.compactMap { element -> JSObject? in
            if case .object(let object) = element.value { return object } else { return nil }
        }
        XCTAssertEqual(objects.map(\.count), [2, 2, 3, 1])
        XCTAssertEqual(objects[1].properties.capacity, 2)
        guard case .object(let nested) = objects[1].properties[1].value.value else { return XCTFail("no nested object") }
        XCTAssertEqual(nested.properties.capacity, 1)
    }

    /// A worker's files share its string table: equal long keys share one String's storage, within a file and across.
    func testEqualLongKeysOfAWorkerShareTheirStorage() throws {
        let scratch = JSON5Scratch()
        var objects: [JSObject] = []
        for text in [#"[{"permissionAllRead": 1}, {"permissionAllRead": 2}]"#, #"{"permissionAllRead": 3, "b": 4}"#] {
            var parser = JSON5Parser(source: SourceText(file: "/virtual/keys.json", validUTF8: Array(text.utf8)), scratch: scratch)
            let value = try parser.parseDocument().value
            if case .object(let object) = value { objects.append(object) }
            if case .array(let elements) = value {
                for case .object(let object) in elements.map(\.value) { objects.append(object) }
            }
        }
        let addresses = objects.map { object in
            object.keys[0].utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
        }
        XCTAssertEqual(addresses.count, 3)
        XCTAssertNotNil(addresses[0])
        XCTAssertEqual(Set(addresses).count, 1)
    }

    /// Keys and string values from the worker's table are their text: every length around the table's word sizes,
    /// strings that differ only in their middle (a long one's two words do not cover it) or last byte, each met again
    /// in a later file, and strings too near the end of the file to be looked up.
    func testKeysFromTheWorkersTableAreTheirText() throws {
        let scratch = JSON5Scratch()
        for length in 1...40 {
            let base = Array((0..<length).map { UInt8(97 + $0 % 26) })
            var middle = base
            middle[length / 2] = UInt8(ascii: "_")
            var last = base
            last[length - 1] = UInt8(ascii: "Z")
            let keys = [base, middle, last].map { String(decoding: $0, as: UTF8.self) }
            for order in [keys, keys.reversed(), [keys[1], keys[0]], [keys[2]]] {
                let text = "{" + order.map { "\"\($0)\": '\($0)'" }.joined(separator: ", ") + "}"
                var parser = JSON5Parser(source: SourceText(file: "/virtual/keys.json", validUTF8: Array(text.utf8)), scratch: scratch)
                guard case .object(let object) = try parser.parseDocument().value else { return XCTFail(text) }
                XCTAssertEqual(object.keys, order, text)
                XCTAssertEqual(object.properties.map { JSONOutput.stringify($0.value.value) }, order.map { "\"\($0)\"" }, text)
            }
        }
    }

    /// Spans are built from positions found front to back (`SourceText.LineCursor`); each value's and key's span
    /// must cover exactly its text as `position(of:)` places it, across every kind of line break and column.
    func testSpansCoverTheirTextAcrossLineBreaks() throws {
        let texts = [
            "{\r\n  \"a\": [1, \"x\"],\r\n\t\"b\": {\"c\": true}\r\n}\r\n",
            "{\r  a: 'one',\r  b: null\r}", "\u{FEFF}{\"é\": \"ü\u{2028}\", \"k\":\u{2028}[\u{2029}-1.5e3\u{2029}]}",
            "[\n  {\"name\": \"Ünïcode\", n: 12},\n\t/* a\n comment */ {\"s\": \"line\\\ncontinued\"}\n]",
            "{a: 1, // note\n b: Infinity, c: 0x1F}",
            // Plain ASCII tokens after non-ASCII text on their line: their ends are counted in columns from their start.
            "{\"ü\": 1, \"a\": \"plain\", b: false, 'c': 'x', d: -12, e: null, f: [true, 1e400, -0]}\u{2028}",
            "{\"é\u{2028}\": \"é\", \"k\": \"v\", \"l\": NaN,\r\n 'm': +Infinity}",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let source = SourceText.decodeReplacingInvalid(bytes, file: "/virtual/spans.json").text
            var offsets: [TextPosition: Int] = [:]
            for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
                offsets[source.position(of: offset)] = offset
            }
            func slice(_ span: SourceSpan) throws -> String {
                let start = try XCTUnwrap(offsets[span.start], text)
                let end = try XCTUnwrap(offsets[span.end], text)
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            func check(_ value: LocatedValue) throws {
                let written = try parse(try slice(value.span))
                XCTAssertEqual(JSONOutput.stringify(written.value), JSONOutput.stringify(value.value), text)
                switch value.value {
                case .object(let object):
                    for property in object.properties {
                        XCTAssertEqual(try self.object("{\(try slice(property.keySpan)): 0}").keys, [property.key], text)
                        try check(property.value)
                    }
                case .array(let elements):
                    try elements.forEach(check)
                default:
                    break
                }
            }
            try check(try parse(text))
        }
    }
}
