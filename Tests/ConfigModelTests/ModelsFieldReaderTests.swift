@testable import ConfigModel
import XCTest

/// `FieldReader`'s typed reads take a value of the expected kind in place and hand any other to the
/// `DecodeContext` readers; both together must read every kind of value as the context readers alone do.
final class ModelsFieldReaderTests: XCTestCase {
    func testInPlaceReadsAgreeWithTheContextReaders() {
        let text = """
            exports.default = { s: "text", e: "", n: 8, d: "1.5", t: true, f: false, z: null, u: undefined,
              a: [1, "x"], o: { p: 1 }, fn: function () { return 1; }, k: "email" };
            """
        let read = ConfigReader().read(contents: Array(text.utf8), path: "/virtual/config.js")
        guard case .object(let object)? = read.objects.first?.value else { return XCTFail("no object read") }
        XCTAssertEqual(object.properties.count, 12)
        let cases = EnumCases<PropertyType>()
        for index in object.properties.indices {
            let value = object.properties[index].value
            let key = object.properties[index].key
            let origin = FieldOrigin.property(object, index: Int32(index))
            compare(index, object) { $0.string(at: $1) } plain: { $0.string(value, label: key, origin: origin) }
            compare(index, object) { $0.bool(at: $1) } plain: { $0.bool(value, label: key, origin: origin) }
            compare(index, object) { $0.number(at: $1) } plain: { $0.number(value, label: key, origin: origin) }
            compare(index, object) { $0.enumValue(at: $1, cases) } plain: {
                $0.string(value, label: key, origin: origin).map { $0.withValue(cases.value($0.value)) }
            }
            compare(index, object, { $0.objectField(at: $1).map { $0.withValue($0.value.properties.map(\.key)) } },
                    plain: { $0.object(value, label: key, origin: origin).map { $0.withValue($0.value.properties.map(\.key)) } })
        }
    }

    private func compare<Value: Equatable>(_ index: Int, _ object: JSObject, _ fast: (FieldReader, Int) -> Field<Value>?,
                                           plain: (DecodeContext) -> Field<Value>?, line: UInt = #line) {
        let fastContext = DecodeContext(objectClass: "app", objectID: "x")
        let plainContext = DecodeContext(objectClass: "app", objectID: "x")
        let found = fast(FieldReader(object, context: fastContext), index)
        let expected = plain(plainContext)
        XCTAssertEqual(found, expected, object.properties[index].key, line: line)
        XCTAssertEqual(fastContext.diagnostics, plainContext.diagnostics, object.properties[index].key, line: line)
    }
}
