@testable import ConfigModel
import XCTest

/// The JSON5 reader builds objects in reused room and copies them out at their exact size; the objects must
/// be the ones building each with `JSObject.set` gives (order, repeated keys, array indexes, nesting, spans).
final class JSON5ExactObjectTests: XCTestCase {
    func testObjectsBuiltInReusedRoomEqualObjectsBuiltByAppending() throws {
        let text = #"{"b": 1, "a": {"x": 1, "x": 2, "1": 3, "y": {}}, "0": [{"k": 1}, {"k": 2, "j": 3}], "b": 5, "c": {"d": {"e": 1}}}"#
        let parsed = try XCTUnwrap(JSON5.parse(Array(text.utf8), file: "/virtual/a.json").value)
        XCTAssertEqual(JSONOutput.stringify(parsed.value),
                       #"{"0":[{"k":1},{"k":2,"j":3}],"b":5,"a":{"1":3,"x":2,"y":{}},"c":{"d":{"e":1}}}"#)
        // The plain way: every property set one by one into a new object.
        func rebuilt(_ object: JSObject) -> JSObject {
            var plain = JSObject()
            for property in object.properties { plain.set(property.key, property.value, keySpan: property.keySpan) }
            return plain
        }
        func check(_ value: LocatedValue) {
            switch value.value {
            case .object(let object):
                let plain = rebuilt(object)
                XCTAssertEqual(object.keys, plain.keys)
                XCTAssertEqual(object.properties.map(\.keySpan), plain.properties.map(\.keySpan))
                XCTAssertEqual(object.properties.map(\.value.span), plain.properties.map(\.value.span))
                XCTAssertEqual(object.properties.capacity, object.count, "no room left over")
                object.properties.forEach { check($0.value) }
            case .array(let elements):
                XCTAssertEqual(elements.capacity, elements.count, "no room left over")
                elements.forEach(check)
            default:
                break
            }
        }
        check(parsed)
    }

    /// `moveOut` hands the tail over in order, at its exact size, and leaves the elements before it.
    func testMoveOutTakesTheTailInOrder() {
        var stack = ["a", "b", "c", String(repeating: "d", count: 40)]
        let tail = stack.moveOut(from: 1)
        XCTAssertEqual(tail, ["b", "c", String(repeating: "d", count: 40)])
        XCTAssertEqual(tail.capacity, tail.count)
        XCTAssertEqual(stack, ["a"])
        XCTAssertEqual(stack.moveOut(from: 1), [])
        XCTAssertEqual(stack.moveOut(from: 0), ["a"])
        XCTAssertTrue(stack.isEmpty)
    }
}
