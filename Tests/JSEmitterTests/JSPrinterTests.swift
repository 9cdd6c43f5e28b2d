import JSEmitter
import XCTest

final class JSPrinterTests: XCTestCase {
    let printer = JSPrinter()

    func testObjectsAreMultiLineWithTrailingCommasAndBareIdentifierKeys() throws {
        let value: JSLiteral = .object([
            JSObjectMember("class", "app"),
            JSObjectMember("port", 5432),
            JSObjectMember("merge_fields.FNAME", "first_name"),
            JSObjectMember("options", .object(["ssl": false, "empty": .object([]), "list": .array([])])),
        ])
        XCTAssertEqual(try printer.print(value), """
            {
              class: "app",
              port: 5432,
              "merge_fields.FNAME": "first_name",
              options: {
                ssl: false,
                empty: {},
                list: [],
              },
            }
            """)
    }

    func testEmptyContainers() throws {
        XCTAssertEqual(try printer.print(.object([])), "{}")
        XCTAssertEqual(try printer.print(.array([])), "[]")
    }

    func testShortScalarArraysStayOnOneLineLongOnesAndObjectArraysSplit() throws {
        XCTAssertEqual(try printer.print(.strings(["a", "b"])), #"["a", "b"]"#)
        let long = JSLiteral.strings(Array(repeating: "abcdefghij", count: 8))
        XCTAssertEqual(try printer.print(long).split(separator: "\n").count, 10)
        XCTAssertEqual(try printer.print(.array([.object(["topic": "app", "read": true])])), """
            [
              {
                topic: "app",
                read: true,
              },
            ]
            """)
    }

    func testCommentsFollowEntriesAndCannotBreakOut() throws {
        let value: JSLiteral = .object([JSObjectMember("host", "localhost", comment: "where\nevil()")])
        XCTAssertEqual(try printer.print(value), "{\n  host: \"localhost\", // where evil()\n}")
    }

    func testCommentedOutEntriesAreExamplesOutsideTheValue() throws {
        let value: JSLiteral = .object([
            JSObjectMember("...", "...", comment: "fill in"),
            JSObjectMember("email", "email\nx", comment: "example", commentedOut: true),
            JSObjectMember("nested", .object(["a": 1]), commentedOut: true),
        ])
        XCTAssertEqual(try printer.print(value), """
            {
              "...": "...", // fill in
              // email: "email\\nx", // example
              // nested: {
              //   a: 1,
              // },
            }
            """)
        XCTAssertEqual(try printer.print(.object([JSObjectMember("a", 1, commentedOut: true)])), "{\n  // a: 1,\n}")
    }

    func testScalars() throws {
        XCTAssertEqual(try printer.print(nil), "null")
        XCTAssertEqual(try printer.print(.undefined), "undefined")
        XCTAssertEqual(try printer.print(true), "true")
        XCTAssertEqual(try printer.print(.environmentVariable("API_KEY")), "process.env.API_KEY")
        XCTAssertThrowsError(try printer.print(.array([.number(.nan)])))
    }

    /// Every hostile string, used as a value and as a key, must give JavaScript that parses and
    /// evaluates back to exactly the same UTF-16 code units.
    static let hostileStrings: [[UInt16]] = [
        "\"", "'", "\\", "\\\"", "\n", "\r\n", "\t", "${process.exit(1)}", "`${x}`", "*/ evil() /*",
        "// comment", "\u{2028}", "\u{2029}", "\0", "\u{0}1", "\u{1B}", "\u{7F}", "\u{85}", "\u{FEFF}",
        "🎉 emoji", "Ünïcode", "</script>", "", " ", "\\u0041", "\\x41", "a\u{0}b\u{2028}c\"d\\e",
    ].map { Array($0.utf16) } + [[0xD800], [0xDFFF], [0x61, 0xDBFF, 0x62], [0xDC00, 0xD800]]

    func testHostileStringsParseAndEvaluateToTheSameText() throws {
        _ = try NodeRunner.requireNode()
        var members: [JSObjectMember] = []
        var elements: [JSLiteral] = []
        for (index, units) in Self.hostileStrings.enumerated() {
            members.append(JSObjectMember("k\(index)", .utf16String(units), comment: String(decoding: units, as: UTF16.self)))
            if let text = String(utf16CodeUnits: units, count: units.count) as String?, Array(text.utf16) == units {
                members.append(JSObjectMember(text, .string(text)))
            }
            elements.append(.utf16String(units))
        }
        let source = """
            const value = \(try printer.print(.object(members)));
            const list = \(try printer.print(.array(elements)));
            const codes = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
            process.stdout.write(JSON.stringify({ list: list.map(codes), keys: Object.keys(value).map(codes) }));
            """
        try NodeRunner.assertParses(source)
        let result = try NodeRunner.run(source)
        XCTAssertEqual(result.status, 0, result.error)
        struct Decoded: Decodable { var list: [[UInt16]]; var keys: [[UInt16]] }
        let decoded = try JSONDecoder().decode(Decoded.self, from: Data(result.output.utf8))
        XCTAssertEqual(decoded.list, Self.hostileStrings)
        XCTAssertEqual(decoded.keys.count, members.count)
        let expectedKeys = members.map { Array($0.key.utf16) }
        XCTAssertEqual(decoded.keys, expectedKeys)
    }

    func testNestedStructureEvaluatesToEqualJSON() throws {
        let value: JSLiteral = .object([
            JSObjectMember("id", "a\"b"),
            JSObjectMember("n", 900000),
            JSObjectMember("f", 0.25),
            JSObjectMember("negZero", -0.0),
            JSObjectMember("nothing", nil),
            JSObjectMember("gone", .undefined),
            JSObjectMember("nested", .array([.array([]), .object([]), .strings(["x"]), 1, false])),
        ])
        let source = "process.stdout.write(JSON.stringify(\(try printer.print(value))) + ' ' + Object.is(\(try printer.print(-0.0)), -0))"
        let result = try NodeRunner.run(source)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, #"{"id":"a\"b","n":900000,"f":0.25,"negZero":0,"nothing":null,"nested":[[],{},["x"],1,false]} true"#)
    }
}
