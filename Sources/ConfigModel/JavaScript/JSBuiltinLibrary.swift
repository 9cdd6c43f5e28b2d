import Foundation

/// The pure parts of JavaScript's standard library that config files use to build values:
/// array and string methods, `Object.keys`-style helpers, `Math`, `String()`/`Number()`.
/// Anything with side effects (push, forEach, Date, I/O) stays unsupported.
enum JSBuiltinLibrary {
    static let arrayMethods: Set<String> = [
        "map", "filter", "find", "some", "every", "includes", "indexOf", "join", "concat", "slice", "flat", "flatMap",
        "reduce",
    ]
    static let stringMethods: Set<String> = [
        "toLowerCase", "toUpperCase", "trim", "trimStart", "trimEnd", "split", "replace", "replaceAll", "includes",
        "startsWith", "endsWith", "slice", "substring", "indexOf", "charAt", "repeat", "concat", "toString",
    ]
    static let objectFunctions: Set<String> = ["keys", "values", "entries", "assign"]
    static let mathFunctions: Set<String> = ["min", "max", "round", "floor", "ceil", "abs", "pow", "trunc", "sign", "sqrt"]
    static let globalFunctions: Set<String> = ["String", "Number", "Boolean", "parseInt", "parseFloat", "isNaN"]

    static func hasMethod(_ name: String, on value: JSValue) -> Bool {
        switch value {
        case .array: return arrayMethods.contains(name)
        case .string: return stringMethods.contains(name)
        default: return false
        }
    }

    /// `parseInt`: leading whitespace, a sign, an optional `0x`, then as many digits of the radix as there are.
    static func parseInt(_ text: String, radix requested: Int?) -> Double {
        var scalars = Substring(text).unicodeScalars.drop { JSLexer.isWhitespace($0) || SourceText.isLineTerminator($0) }
        var sign = 1.0
        if let first = scalars.first, first == "-" || first == "+" {
            if first == "-" { sign = -1 }
            scalars = scalars.dropFirst()
        }
        var radix = requested ?? 10
        if requested == nil || requested == 16, scalars.starts(with: "0x".unicodeScalars) || scalars.starts(with: "0X".unicodeScalars) {
            radix = 16
            scalars = scalars.dropFirst(2)
        }
        guard (2...36).contains(radix) else { return .nan }
        let digits = scalars.prefix { JSLexer.digitValue($0, radix: radix) != nil }
        guard !digits.isEmpty else { return .nan }
        return sign * JSLexer.integerValue(String(String.UnicodeScalarView(digits)), radix: radix)
    }

    /// `parseFloat`: the longest prefix that is a decimal literal (or Infinity).
    static func parseFloat(_ text: String) -> Double {
        let trimmed = String(String.UnicodeScalarView(text.unicodeScalars.drop {
            JSLexer.isWhitespace($0) || SourceText.isLineTerminator($0)
        }))
        for prefix in ["Infinity", "+Infinity", "-Infinity"] where trimmed.hasPrefix(prefix) {
            return prefix.hasPrefix("-") ? -.infinity : .infinity
        }
        let pattern = #"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?"#
        guard let match = trimmed.range(of: pattern, options: .regularExpression) else { return .nan }
        return Double(trimmed[match].hasSuffix(".") ? trimmed[match] + "0" : String(trimmed[match])) ?? .nan
    }

    /// `Math.round`: halves round towards +∞, unlike Swift's `.rounded()`.
    static func round(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let floored = value.rounded(.down)
        return value - floored >= 0.5 ? floored + 1 : floored
    }
}

extension JSEvaluator {
    func callLibraryFunction(_ name: String, _ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        let here = span(range)
        func argument(_ index: Int) -> LocatedValue { index < arguments.count ? arguments[index] : LocatedValue(.undefined, span: here) }
        func number(_ value: Double) -> LocatedValue { LocatedValue(.number(value), span: here) }
        switch name {
        case "String": return LocatedValue(.string(arguments.isEmpty ? "" : try toJSString(argument(0), at: range)), span: here)
        case "Number": return number(arguments.isEmpty ? 0 : try toNumber(argument(0), at: range))
        case "Boolean": return LocatedValue(.boolean(JSConversions.toBoolean(argument(0).value)), span: here)
        case "isNaN": return LocatedValue(.boolean(try toNumber(argument(0), at: range).isNaN), span: here)
        case "parseFloat": return number(JSBuiltinLibrary.parseFloat(try toJSString(argument(0), at: range)))
        case "parseInt":
            let radix = arguments.count > 1 && !argument(1).value.isUndefined ? Int(JSConversions.toInt32(try toNumber(argument(1), at: range))) : nil
            return number(JSBuiltinLibrary.parseInt(try toJSString(argument(0), at: range), radix: radix == 0 ? nil : radix))
        case "Object.keys", "Object.values", "Object.entries":
            if argument(0).value.isNullish { throw runtimeError("TypeError: Cannot convert undefined or null to object", at: range) }
            let properties = try ownEnumerableProperties(argument(0), at: range)
            let items: [LocatedValue] = properties.map { key, value in
                switch name {
                case "Object.keys": return LocatedValue(.string(key.0), span: key.1)
                case "Object.values": return value
                default: return LocatedValue(.array([LocatedValue(.string(key.0), span: key.1), value]), span: key.1)
                }
            }
            return try nested(.array(items), at: range)
        case "Object.assign":
            var object = JSObject()
            for source in arguments {
                for ((key, keySpan), value) in try ownEnumerableProperties(source, at: range) { object.set(key, value, keySpan: keySpan) }
            }
            return try nested(.object(object), at: range)
        case "Math.min", "Math.max":
            let values = try arguments.map { try toNumber($0, at: range) }
            if values.contains(where: \.isNaN) { return number(.nan) }
            return number(name == "Math.min" ? values.min() ?? .infinity : values.max() ?? -.infinity)
        default:
            let x = try toNumber(argument(0), at: range)
            switch name {
            case "Math.round": return number(JSBuiltinLibrary.round(x))
            case "Math.floor": return number(x.rounded(.down))
            case "Math.ceil": return number(x.rounded(.up))
            case "Math.abs": return number(abs(x))
            case "Math.trunc": return number(x.rounded(.towardZero))
            case "Math.sign": return number(x.isNaN || x == 0 ? x : (x > 0 ? 1 : -1))
            case "Math.sqrt": return number(x.squareRoot())
            case "Math.pow": return number(JSEvaluator.power(x, try toNumber(argument(1), at: range)))
            default: throw unsupported("call to `\(name)`", at: range)
            }
        }
    }
}
