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

    /// The reader's stack hands a tail over as slicing an array would, in room of exactly its size, and lets go of
    /// every value it held (moved out, removed, or left when it goes).
    func testScratchStackMovesOutWhatSlicingWouldGive() {
        final class Counted {
            let name: String
            let gone: () -> Void
            init(_ name: String, gone: @escaping () -> Void) { (self.name, self.gone) = (name, gone) }
            deinit { gone() }
        }
        var released = 0
        do {
            let stack = ScratchStack<Counted>()
            var plain: [Counted] = []
            for index in 0..<150 {  // past the first room, so it grows
                let value = Counted("v\(index)") { released += 1 }
                stack.push(value)
                plain.append(value)
            }
            var tail: [Counted]? = stack.moveOut(from: 100)
            XCTAssertEqual(tail?.map(\.name), plain[100...].map(\.name))
            var reserved: [Counted] = []
            reserved.reserveCapacity(50)
            XCTAssertEqual(tail?.capacity, reserved.capacity, "no more room than reserving their count gives")
            XCTAssertEqual(stack.count, 100)
            XCTAssertEqual(stack.moveOut(from: 100).count, 0)
            var second: [Counted]? = stack.moveOut(from: 90)
            XCTAssertEqual(second?.map(\.name), plain[90..<100].map(\.name))
            plain.removeAll()
            XCTAssertEqual(released, 0, "the stack and the tails still hold every value")
            (tail, second) = (nil, nil)
            XCTAssertEqual(released, 60, "moved-out values go with their arrays")
            stack.removeAll()
            XCTAssertEqual(released, 150)
            stack.push(Counted("left") { released += 1 })
        }
        XCTAssertEqual(released, 151, "a value left on the stack goes with it")

        // Handed over in memory of its own, a tail is moved, not copied: the caller's memory holds the only reference.
        let stack = ScratchStack<Counted>()
        for index in 0..<5 { stack.push(Counted("b\(index)") { released += 1 }) }
        XCTAssertEqual(stack.moveOutBuffer(from: 5).count, 0)
        let buffer = stack.moveOutBuffer(from: 2)
        XCTAssertEqual(buffer.map(\.name), ["b2", "b3", "b4"])
        XCTAssertEqual(stack.count, 2)
        XCTAssertTrue(buffer.indices.allSatisfy { isKnownUniquelyReferenced(&buffer[$0]) })
        _ = buffer.deinitialize()
        buffer.deallocate()
        XCTAssertEqual(released, 154, "deinitialized, the moved values go")
        stack.removeAll()
        XCTAssertEqual(released, 156)
    }
}
