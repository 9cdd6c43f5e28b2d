/// A JavaScript value produced by evaluating config source statically.
/// Only the shapes config files can produce are modelled; functions are kept
/// opaque so a payload function can be "called" by the evaluator.
public enum JSValue: Sendable {
    case undefined
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([LocatedValue])
    case object(JSObject)
    case function(JSFunction)
}

/// A value together with the source text it was written in (40 bytes: trees hold millions).
public struct LocatedValue: Sendable {
    public let value: JSValue
    public var span: SourceSpan
    /// How many arrays/objects deep the value goes. Kept so recursive consumers
    /// (JSON output, comparisons) can refuse absurd nesting instead of overflowing the stack.
    /// Saturates just above `maximumDepth`: past that, only "too deep" matters.
    public var depth: Int { Int(shape.depth) }
    /// How many values the tree holds when written out, shared parts counted every time they
    /// appear (saturating just above `maximumTreeSize`). A few lines of JavaScript can share one object a million ways.
    public var treeSize: Int { Int(shape.treeSize) }
    private let shape: TreeShape

    public init(_ value: JSValue, span: SourceSpan) {
        self.value = value
        self.span = span
        switch value {
        case .array(let elements): shape = TreeShape(containing: elements.lazy.map(\.shape))
        case .object(let object): shape = TreeShape(containing: object.properties.lazy.map(\.value.shape))
        default: shape = TreeShape.leaf
        }
    }

    /// The deepest nesting any value may have; deeper input is reported, never recursed into.
    public static let maximumDepth = 1000
    /// The most values one evaluated tree may hold when written out.
    public static let maximumTreeSize = 2_000_000
}

/// A value's depth and tree size in one word: both only ever need to say whether they pass
/// `LocatedValue.maximumDepth` and `maximumTreeSize`, so each saturates a little above its limit.
private struct TreeShape: Sendable {
    private static let depthBits: UInt32 = 10
    private static let depthLimit: UInt32 = (1 << depthBits) - 1
    private static let sizeLimit: UInt32 = (1 << (32 - depthBits)) - 1
    static let leaf = TreeShape(depth: 0, treeSize: 1)

    private let bits: UInt32

    var depth: UInt32 { bits & TreeShape.depthLimit }
    var treeSize: UInt32 { bits >> TreeShape.depthBits }

    private init(depth: UInt32, treeSize: UInt32) {
        bits = treeSize << TreeShape.depthBits | depth
    }

    /// The shape of an array or object holding values of these shapes.
    init(containing children: some Sequence<TreeShape>) {
        var deepest: UInt32 = 0
        var size: UInt32 = 1
        for child in children {
            deepest = max(deepest, child.depth)
            size = min(size + child.treeSize, TreeShape.sizeLimit)
        }
        self.init(depth: min(deepest + 1, TreeShape.depthLimit), treeSize: size)
    }
}

extension Array {
    /// The same elements in room for exactly them (an array grown by appending has up to twice the room).
    /// Reserving and appending is specialised for the element type; `init(unsafeUninitializedCapacity:)`
    /// was not, and looked up its storage type's metadata on every call.
    init(exactCopyOf other: [Element]) {
        self.init()
        reserveCapacity(other.count)
        append(contentsOf: other)
    }

}

/// A plain JavaScript object. Property order follows JavaScript's rules:
/// integer-like keys first in ascending order, then the rest in insertion order,
/// so `JSON.stringify` of our objects matches Node's.
public struct JSObject: Sendable {
    public private(set) var properties: [JSProperty] = []

    public init() {}

    public var keys: [String] { properties.map(\.key) }

    mutating func reserveCapacity(_ count: Int) { properties.reserveCapacity(count) }

    /// The same properties in room for exactly them: an object built by appending has up to twice the room
    /// it needs, and config trees keep every object for the whole run.
    init(exactCopyOf other: JSObject) {
        properties = Array(exactCopyOf: other.properties)
    }

    /// An object of these properties, which the caller knows are in JavaScript's order with distinct keys.
    init(orderedDistinct properties: [JSProperty]) {
        self.properties = properties
    }

    public var isEmpty: Bool { properties.isEmpty }
    public var count: Int { properties.count }

    public subscript(key: String) -> LocatedValue? {
        index(of: key).map { properties[$0].value }
    }

    public func property(_ key: String) -> JSProperty? {
        index(of: key).map { properties[$0] }
    }

    /// Compares keys in place; `first(where:)` would copy (and retain) every property it passes.
    /// Comparing lengths first skips the byte comparison for most keys that differ; bytes, not `String ==`, as
    /// JavaScript keeps canonically equivalent keys apart.
    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        for index in properties.indices where properties[index].key.utf8.count == length
            && ByteScan.sameUTF8(properties[index].key, key) {
            return index
        }
        return nil
    }

    /// Sets a property; re-assigning an existing key keeps its position, as in JavaScript.
    public mutating func set(_ key: String, _ value: consuming LocatedValue, keySpan: SourceSpan? = nil) {
        if let index = index(of: key) {
            properties[index].replaceValue(value)
            return
        }
        let property = JSProperty(key: key, keySpan: keySpan ?? value.span, value: value)
        guard let number = JSObject.arrayIndex(key) else {
            properties.append(property)
            return
        }
        let insertAt = properties.firstIndex { existing in
            guard let other = JSObject.arrayIndex(existing.key) else { return true }
            return other > number
        } ?? properties.endIndex
        properties.insert(property, at: insertAt)
    }

    /// Appends a property the caller knows is new and no array index (an object literal's distinct written-out
    /// keys): what `set` would do, without looking for the key first.
    mutating func appendNew(_ key: consuming String, _ value: consuming LocatedValue, keySpan: SourceSpan) {
        properties.append(JSProperty(key: key, keySpan: keySpan, value: value))
    }

    public mutating func remove(_ key: String) {
        properties.removeAll { $0.key == key }
    }

    /// The canonical array-index form JavaScript orders first ("0", "1", … but not "01").
    static func arrayIndex(_ key: String) -> UInt32? {
        guard let first = key.utf8.first, first &- UInt8(ascii: "0") < 10, let value = UInt32(key), value < UInt32.max, String(value) == key else { return nil }
        return value
    }
}
