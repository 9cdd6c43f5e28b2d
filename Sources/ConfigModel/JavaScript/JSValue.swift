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

/// A value together with the source text it was written in.
public struct LocatedValue: Sendable {
    public let value: JSValue
    public var span: SourceSpan
    /// How many arrays/objects deep the value goes. Kept so recursive consumers
    /// (JSON output, comparisons) can refuse absurd nesting instead of overflowing the stack.
    public var depth: Int { Int(storedDepth) }
    private let storedDepth: Int32
    /// How many values the tree holds when written out, shared parts counted every time they
    /// appear (saturating). A few lines of JavaScript can share one object a million ways.
    public var treeSize: Int { Int(storedTreeSize) }
    private let storedTreeSize: Int32

    public init(_ value: JSValue, span: SourceSpan) {
        self.value = value
        self.span = span
        var depth: Int32 = 0
        var size: Int32 = 1
        switch value {
        case .array(let elements):
            for element in elements {
                depth = max(depth, element.storedDepth)
                size = size.addingReportingOverflow(element.storedTreeSize).overflow ? .max : size + element.storedTreeSize
            }
            depth += 1
        case .object(let object):
            for property in object.properties {
                depth = max(depth, property.value.storedDepth)
                let child = property.value.storedTreeSize
                size = size.addingReportingOverflow(child).overflow ? .max : size + child
            }
            depth += 1
        default:
            break
        }
        storedDepth = depth
        storedTreeSize = size
    }

    /// The deepest nesting any value may have; deeper input is reported, never recursed into.
    public static let maximumDepth = 1000
    /// The most values one evaluated tree may hold when written out.
    public static let maximumTreeSize = 2_000_000
}

/// A function value. Its body is evaluated only by the static evaluator;
/// everything else treats it as opaque.
public final class JSFunction: @unchecked Sendable {
    // The payload is owned by the evaluator; it is never mutated after creation.
    let payload: AnyObject
    public let name: String?

    init(name: String?, payload: AnyObject) {
        self.name = name
        self.payload = payload
    }
}

/// One own property of an object, with the span of its key.
public struct JSProperty: Sendable {
    public var key: String
    public var keySpan: SourceSpan
    public var value: LocatedValue
}

/// A plain JavaScript object. Property order follows JavaScript's rules:
/// integer-like keys first in ascending order, then the rest in insertion order,
/// so `JSON.stringify` of our objects matches Node's.
public struct JSObject: Sendable {
    public private(set) var properties: [JSProperty] = []

    public init() {}

    public var keys: [String] { properties.map(\.key) }

    mutating func reserveCapacity(_ count: Int) { properties.reserveCapacity(count) }
    public var isEmpty: Bool { properties.isEmpty }
    public var count: Int { properties.count }

    public subscript(key: String) -> LocatedValue? {
        index(of: key).map { properties[$0].value }
    }

    public func property(_ key: String) -> JSProperty? {
        index(of: key).map { properties[$0] }
    }

    /// Compares keys in place; `first(where:)` would copy (and retain) every property it passes.
    /// Comparing lengths first skips the out-of-line String comparison for most keys that differ.
    private func index(of key: String) -> Int? {
        let length = key.utf8.count
        for index in properties.indices where properties[index].key.utf8.count == length && properties[index].key == key {
            return index
        }
        return nil
    }

    /// Sets a property; re-assigning an existing key keeps its position, as in JavaScript.
    public mutating func set(_ key: String, _ value: LocatedValue, keySpan: SourceSpan? = nil) {
        if let index = index(of: key) {
            properties[index].value = value
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

    public mutating func remove(_ key: String) {
        properties.removeAll { $0.key == key }
    }

    /// The canonical array-index form JavaScript orders first ("0", "1", … but not "01").
    static func arrayIndex(_ key: String) -> UInt32? {
        guard let first = key.utf8.first, first &- UInt8(ascii: "0") < 10, let value = UInt32(key), value < UInt32.max, String(value) == key else { return nil }
        return value
    }
}
