import Foundation

/// Unary and binary operators with JavaScript's conversion rules.
extension JSEvaluator {
    func evaluateUnary(_ op: JSUnaryOperator, _ operand: JSExpression, at range: JSRange, in scope: Scope) throws -> LocatedValue {
        let here = span(range)
        if op == .typeOf, case .identifier(let name, _) = operand, scope.binding(of: name) == nil, !isGlobalName(name) {
            // `typeof undeclared` is "undefined" rather than an error.
            return LocatedValue(.string("undefined"), span: here)
        }
        if op == .typeOf {
            switch try evaluateReference(operand, in: scope) {
            case .method?, .builtin(.function)?: return LocatedValue(.string("function"), span: here)
            case .builtin?: throw unsupported("`typeof` of `\(text(operand.range))`", at: range)
            case .value(let value)?: return LocatedValue(.string(JSConversions.typeOf(value.value)), span: here)
            case nil: return LocatedValue(.string("undefined"), span: here)
            }
        }
        let value = try evaluate(operand, in: scope)
        switch op {
        case .not: return LocatedValue(.boolean(!JSConversions.toBoolean(value.value)), span: here)
        case .negate: return LocatedValue(.number(-(try toNumber(value, at: range))), span: here)
        case .plus: return LocatedValue(.number(try toNumber(value, at: range)), span: here)
        case .bitwiseNot: return LocatedValue(.number(Double(~JSConversions.toInt32(try toNumber(value, at: range)))), span: here)
        case .void: return LocatedValue(.undefined, span: here)
        case .await: return value
        case .typeOf, .delete: throw unsupported("`\(op.text)` operator", at: range)
        }
    }

    func evaluateBinary(_ op: JSBinaryOperator, _ left: JSExpression, _ right: JSExpression,
                        at range: JSRange, in scope: Scope) throws -> LocatedValue {
        // `process.env.X || "fallback"` states what happens when X is unset, so that is not worth a warning.
        let hasFallback = (op == .logicalOr || op == .nullish) && isEnvironmentRead(left, in: scope)
        if hasFallback { context.environmentWarningsMuted += 1 }
        defer { if hasFallback { context.environmentWarningsMuted -= 1 } }
        let leftValue = try evaluate(left, in: scope)
        switch op {
        case .logicalAnd: return JSConversions.toBoolean(leftValue.value) ? try evaluate(right, in: scope) : leftValue
        case .logicalOr: return JSConversions.toBoolean(leftValue.value) ? leftValue : try evaluate(right, in: scope)
        case .nullish: return leftValue.value.isNullish ? try evaluate(right, in: scope) : leftValue
        default: return try applyBinary(op, leftValue, try evaluate(right, in: scope), at: range)
        }
    }

    func applyBinary(_ op: JSBinaryOperator, _ left: LocatedValue, _ right: LocatedValue, at range: JSRange) throws -> LocatedValue {
        let here = span(range)
        func number(_ value: Double) -> LocatedValue { LocatedValue(.number(value), span: here) }
        func boolean(_ value: Bool) -> LocatedValue { LocatedValue(.boolean(value), span: here) }
        switch op {
        case .add:
            let a = try toPrimitive(left, at: range)
            let b = try toPrimitive(right, at: range)
            if case .string = a.value {
                let text = try toJSString(a, at: range) + (try toJSString(b, at: range))
                try checkLength(text, at: range)
                return LocatedValue(.string(text), span: here)
            }
            if case .string = b.value {
                let text = try toJSString(a, at: range) + (try toJSString(b, at: range))
                try checkLength(text, at: range)
                return LocatedValue(.string(text), span: here)
            }
            return number(try toNumber(a, at: range) + (try toNumber(b, at: range)))
        case .subtract: return number(try toNumber(left, at: range) - (try toNumber(right, at: range)))
        case .multiply: return number(try toNumber(left, at: range) * (try toNumber(right, at: range)))
        case .divide: return number(try toNumber(left, at: range) / (try toNumber(right, at: range)))
        case .remainder: return number((try toNumber(left, at: range)).truncatingRemainder(dividingBy: try toNumber(right, at: range)))
        case .exponent: return number(JSEvaluator.power(try toNumber(left, at: range), try toNumber(right, at: range)))
        case .looseEqual, .looseNotEqual:
            guard let equal = JSConversions.looseEquals(left.value, right.value) else {
                throw unsupported("comparing objects or arrays with `\(op.text)`", at: range)
            }
            return boolean(op == .looseEqual ? equal : !equal)
        case .strictEqual, .strictNotEqual:
            if left.value.isComposite && right.value.isComposite {
                throw unsupported("comparing objects or arrays with `\(op.text)`", at: range)
            }
            let equal = JSConversions.strictEquals(left.value, right.value)
            return boolean(op == .strictEqual ? equal : !equal)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            return boolean(try compare(op, left, right, at: range))
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight, .unsignedShiftRight:
            return number(try bitwise(op, left, right, at: range))
        case .in:
            let key = try toPropertyKey(left, at: range)
            switch right.value {
            case .object(let object): return boolean(object[key] != nil)
            case .array(let elements):
                return boolean(key == "length" || (Int(key).map { $0 >= 0 && $0 < elements.count && String($0) == key } ?? false))
            default: throw unsupported("`in` on a \(JSConversions.typeOf(right.value))", at: range)
            }
        case .instanceOf, .logicalAnd, .logicalOr, .nullish:
            throw unsupported("`\(op.text)` operator", at: range)
        }
    }

    /// `**` as JavaScript defines it, which differs from `pow` for a base of ±1 with NaN or infinite exponents.
    static func power(_ base: Double, _ exponent: Double) -> Double {
        if exponent.isNaN { return .nan }
        if abs(base) == 1 && exponent.isInfinite { return .nan }
        return pow(base, exponent)
    }

    private func compare(_ op: JSBinaryOperator, _ left: LocatedValue, _ right: LocatedValue, at range: JSRange) throws -> Bool {
        let a = try toPrimitive(left, at: range)
        let b = try toPrimitive(right, at: range)
        if case .string(let x) = a.value, case .string(let y) = b.value {
            switch op {
            case .less: return JSConversions.lessThan(x, y)
            case .greater: return JSConversions.lessThan(y, x)
            case .lessOrEqual: return !JSConversions.lessThan(y, x)
            default: return !JSConversions.lessThan(x, y)
            }
        }
        let x = try toNumber(a, at: range)
        let y = try toNumber(b, at: range)
        switch op {
        case .less: return x < y
        case .greater: return x > y
        case .lessOrEqual: return x <= y
        default: return x >= y
        }
    }

    private func bitwise(_ op: JSBinaryOperator, _ left: LocatedValue, _ right: LocatedValue, at range: JSRange) throws -> Double {
        let x = JSConversions.toInt32(try toNumber(left, at: range))
        let yNumber = try toNumber(right, at: range)
        let y = JSConversions.toInt32(yNumber)
        let shift = JSConversions.toUInt32(yNumber) & 31
        switch op {
        case .bitwiseAnd: return Double(x & y)
        case .bitwiseOr: return Double(x | y)
        case .bitwiseXor: return Double(x ^ y)
        case .shiftLeft: return Double(x << shift)
        case .shiftRight: return Double(x >> shift)
        default: return Double(JSConversions.toUInt32(Double(x)) >> shift)
        }
    }

    // MARK: - Conversions that need the evaluator (errors point at source)

    /// ToPrimitive: arrays and objects become their string forms; primitives stay as they are.
    func toPrimitive(_ value: LocatedValue, at range: JSRange) throws -> LocatedValue {
        switch value.value {
        case .array, .object, .function:
            return LocatedValue(.string(try toJSString(value, at: range)), span: value.span)
        default:
            return value
        }
    }

    func toNumber(_ value: LocatedValue, at range: JSRange) throws -> Double {
        switch value.value {
        case .undefined: return .nan
        case .null: return 0
        case .boolean(let flag): return flag ? 1 : 0
        case .number(let number): return number
        case .string(let text): return JSConversions.stringToNumber(text)
        case .array, .object, .function: return JSConversions.stringToNumber(try toJSString(value, at: range))
        }
    }

    /// ToString, as string concatenation and template literals apply it.
    func toJSString(_ value: LocatedValue, at range: JSRange) throws -> String {
        switch value.value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number): return JSConversions.numberToString(number)
        case .string(let text): return text
        case .object(let object):
            // An object may convert itself; running that method is beyond a plain value conversion.
            if object["toString"] != nil || object["valueOf"] != nil || object["toJSON"] != nil {
                throw unsupported("converting an object with its own toString/valueOf", at: range)
            }
            return "[object Object]"
        case .function: throw unsupported("converting a function to a string", at: range)
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                parts.append(element.value.isNullish ? "" : try toJSString(element, at: range))
            }
            let text = parts.joined(separator: ",")
            try checkLength(text, at: range)
            return text
        }
    }
}

extension JSValue {
    var isComposite: Bool {
        switch self {
        case .array, .object, .function: return true
        default: return false
        }
    }
}
