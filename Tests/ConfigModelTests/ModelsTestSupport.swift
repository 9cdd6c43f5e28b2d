import XCTest
@testable import ConfigModel

/// A JavaScript value written as a Swift literal. Dictionary literals keep their order,
/// so `["class": "app", "id": "x"]` becomes an object with keys in that order.
indirect enum ModelsJS: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case undefined
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([ModelsJS])
    case object([(String, ModelsJS)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .boolean(value) }
    init(nilLiteral: ()) { self = .null }
    init(arrayLiteral elements: ModelsJS...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, ModelsJS)...) { self = .object(elements) }
}

/// Builds located values whose spans are all distinct (one line per value or key), so tests can
/// check that a diagnostic points at exactly the right value.
final class ModelsFixture {
    private var line = 0
    let file: String

    init(file: String = "config/test.js") { self.file = file }

    private func nextSpan() -> SourceSpan {
        line += 1
        return SourceSpan(file: file, start: TextPosition(line: line, column: 1),
                          end: TextPosition(line: line, column: 10))
    }

    /// Builds a located value from a literal with fresh spans.
    static func located(_ literal: ModelsJS) -> LocatedValue { ModelsFixture().build(literal) }

    func build(_ literal: ModelsJS) -> LocatedValue {
        let span = nextSpan()
        switch literal {
        case .null: return LocatedValue(.null, span: span)
        case .undefined: return LocatedValue(.undefined, span: span)
        case .boolean(let flag): return LocatedValue(.boolean(flag), span: span)
        case .number(let number): return LocatedValue(.number(number), span: span)
        case .string(let text): return LocatedValue(.string(text), span: span)
        case .array(let elements): return LocatedValue(.array(elements.map(build)), span: span)
        case .object(let members):
            var object = JSObject()
            for (key, value) in members {
                let keySpan = nextSpan()
                object.set(key, build(value), keySpan: keySpan)
            }
            return LocatedValue(.object(object), span: span)
        }
    }
}


extension LocatedValue {
    /// The value at `key` of an object (fails the test when absent).
    subscript(field key: String) -> LocatedValue {
        guard case .object(let object) = value, let member = object[key] else {
            XCTFail("no key \(key)")
            return LocatedValue(.undefined, span: .synthesized)
        }
        return member
    }

    /// The element at `index` of an array (fails the test when absent).
    subscript(item index: Int) -> LocatedValue {
        guard case .array(let elements) = value, elements.indices.contains(index) else {
            XCTFail("no element \(index)")
            return LocatedValue(.undefined, span: .synthesized)
        }
        return elements[index]
    }
}

extension ModelsFixture {
    /// Structural equality of JS values, ignoring spans.
    static func sameJS(_ lhs: JSValue, _ rhs: JSValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameJS($0.value, $1.value) }
        case (.object(let a), .object(let b)):
            return a.keys == b.keys && zip(a.properties, b.properties).allSatisfy { sameJS($0.value.value, $1.value.value) }
        case (.function(let a), .function(let b)): return a === b
        default: return false
        }
    }
}
