import XCTest
@testable import ConfigModel

/// The strict JSON path import uses for REST answers gives what the JSON5 reader gives for plain
/// JSON, and refuses (nil, so the caller falls back to the JSON5 reader) everything else.
final class ConfigValueJSONTests: XCTestCase {
    private func viaJSON5(_ text: String) -> ConfigValue? {
        let parsed = JSON5.parse(Array(text.utf8), file: "answer.json")
        guard let located = parsed.value, parsed.diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }
        return ConfigValue(located)
    }

    func testPlainJSONReadsAsTheJSON5ReaderReadsIt() throws {
        let answers = [
            #"{"properties":[{"id":"prp_1","key":"email","options":{"column":"e"},"filters":[],"locked":null,"unique":false}],"total":1}"#,
            #" [ 0, -0, 1, -12, 3.25, 1e3, 2E-2, -1.5e+10, 123456789012345, 1234567890123456789, 0.1 ] "#,
            #"{"text":"a\"b\\c\/d\b\f\n\r\t","unicode":"\u00e9\u4e2d\ud83d\ude00","raw":"é中😀","empty":""}"#,
            #"{"a":1,"b":{"c":[true,false,null,{}],"d":[]}}"#,
            #"{"key":1,"other":2,"key":3}"#,
            "\n\t{ \"spaced\" : [ 1 , 2 ] }\r\n",
            "\"just a string\"", "true", "null", "42",
        ]
        for answer in answers {
            let fast = try XCTUnwrap(ConfigValue(json: Array(answer.utf8)), answer)
            XCTAssertEqual(fast, viaJSON5(answer), answer)
        }
        XCTAssertEqual(ConfigValue(json: Array(#"{"key":1,"other":2,"key":3}"#.utf8)),
                       .object([ConfigMember("key", .number(3)), ConfigMember("other", .number(2))]))
    }

    func testManyRepeatedKeysInOneObjectKeepTheirFirstPlace() throws {
        let keys = (0..<40).map { "\"k\($0 % 20)\":\($0)" }.joined(separator: ",")
        let value = try XCTUnwrap(ConfigValue(json: Array("{\(keys)}".utf8)))
        XCTAssertEqual(value.members?.map(\.key), (0..<20).map { "k\($0)" })
        XCTAssertEqual(value["k3"], .number(23))
    }

    func testAnythingButPlainJSONIsLeftToTheJSON5Reader() {
        let refused = [
            "", " ", "{", "[1,2", #"{"a":1,}"#, "[1,]", "{a:1}", "'single'", "// comment\n1", "01", "1.", ".5", "+1", "-",
            "NaN", "Infinity", "0x10", #""\x41""#, #""\u12""#, #""\ud83d""#, #""\ude00x""#, "\"tab\there\"", "\"open",
            "[1] [2]", "nul", "truex", #"{"a" 1}"#, #"{"a":1 "b":2}"#, "\u{FEFF}{}",
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ]
        for text in refused {
            XCTAssertNil(ConfigValue(json: Array(text.utf8)), text.debugDescription)
        }
        XCTAssertNil(ConfigValue(json: [0x22, 0xC3, 0x28, 0x22]), "invalid UTF-8")
        XCTAssertNil(ConfigValue(json: [0x22, 0xFF, 0x22]), "invalid UTF-8")
    }

    func testDeepButAllowedNestingReads() throws {
        let depth = ConfigValue.maximumJSONDepth - 1
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        XCTAssertNotNil(ConfigValue(json: Array(text.utf8)))
    }
}
