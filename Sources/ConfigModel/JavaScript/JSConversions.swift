import JSEmitter

/// JavaScript's type conversions (ToString, ToNumber, ToBoolean) and equality,
/// which decide what string concatenation, templates and comparisons produce.
enum JSConversions {
    /// Number::toString. Finite non-zero numbers are laid out by JSEmitter's literal printer, the one
    /// implementation of JavaScript's digit layout; `toString` differs only for -0, NaN and the infinities.
    static func numberToString(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        // Cannot throw: the printer refuses only non-finite numbers, handled above.
        return (try? JSLiteralSyntax.number(value)) ?? "NaN"
    }

    /// StringToNumber: trims whitespace; empty is 0; accepts hex/octal/binary prefixes and Infinity.
    static func stringToNumber(_ text: String) -> Double {
        let trimmed = String(String.UnicodeScalarView(text.unicodeScalars.drop(while: isTrimmable).reversed().drop(while: isTrimmable).reversed()))
        if trimmed.isEmpty { return 0 }
        let scalars = Array(trimmed.unicodeScalars)
        if scalars.count > 2, scalars[0] == "0" {
            let radix: Int? = switch scalars[1] {
            case "x", "X": 16
            case "o", "O": 8
            case "b", "B": 2
            default: nil
            }
            if let radix {
                let body = scalars[2...]
                guard body.allSatisfy({ JSLexer.digitValue($0, radix: radix) != nil }) else { return .nan }
                return JSLexer.integerValue(String(String.UnicodeScalarView(body)), radix: radix)
            }
        }
        switch trimmed {
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        // Only decimal literal syntax is accepted (Swift's parser would also take "inf", "nan", hex floats).
        let allowed = trimmed.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
        guard allowed, let value = Double(trimmed) else { return .nan }
        return value
    }

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        JSLexer.isWhitespace(scalar) || SourceText.isLineTerminator(scalar)
    }

    static func toBoolean(_ value: JSValue) -> Bool {
        switch value {
        case .undefined, .null: return false
        case .boolean(let flag): return flag
        case .number(let number): return !(number == 0 || number.isNaN)
        case .string(let text): return !text.isEmpty
        case .array, .object, .function: return true
        }
    }

    static func typeOf(_ value: JSValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null, .array, .object: return "object"
        case .boolean: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .function: return "function"
        }
    }

    /// Strict equality (`===`).
    static func strictEquals(_ left: JSValue, _ right: JSValue) -> Bool {
        switch (left, right) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        default: return false
        }
    }

    /// Loose equality (`==`) for primitives; objects and arrays need identity, which we do not model.
    static func looseEquals(_ left: JSValue, _ right: JSValue) -> Bool? {
        switch (left, right) {
        case (.undefined, .undefined), (.null, .null), (.undefined, .null), (.null, .undefined):
            return true
        case (.undefined, _), (.null, _), (_, .undefined), (_, .null):
            if case .array = left { return nil }
            if case .object = left { return nil }
            return false
        case (.array, _), (.object, _), (_, .array), (_, .object), (.function, _), (_, .function):
            return nil
        case (.boolean(let a), _):
            return looseEquals(.number(a ? 1 : 0), right)
        case (_, .boolean(let b)):
            return looseEquals(left, .number(b ? 1 : 0))
        case (.string(let a), .number(let b)):
            return stringToNumber(a) == b
        case (.number(let a), .string(let b)):
            return a == stringToNumber(b)
        default:
            return strictEquals(left, right)
        }
    }

    /// ToIntegerOrInfinity, clamped into `Int` (infinities become `Int.max`/`Int.min`, NaN 0).
    static func toIntegerOrInfinity(_ value: Double) -> Int {
        if value.isNaN { return 0 }
        if value >= Double(Int.max) { return Int.max }
        if value <= Double(Int.min) { return Int.min }
        return Int(value.rounded(.towardZero))
    }

    /// ToInt32, used by the bitwise operators.
    static func toInt32(_ value: Double) -> Int32 {
        guard value.isFinite else { return 0 }
        let truncated = value.rounded(.towardZero)
        let modulo = truncated.truncatingRemainder(dividingBy: 4_294_967_296)
        let unsigned = modulo < 0 ? modulo + 4_294_967_296 : modulo
        return Int32(bitPattern: UInt32(unsigned))
    }

    static func toUInt32(_ value: Double) -> UInt32 {
        UInt32(bitPattern: toInt32(value))
    }

    /// JavaScript orders strings by UTF-16 code units, not by Unicode scalars.
    static func lessThan(_ left: String, _ right: String) -> Bool {
        left.utf16.lexicographicallyPrecedes(right.utf16)
    }
}
