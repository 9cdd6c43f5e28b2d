/// Thrown when a value has no JavaScript literal.
public enum JSPrintError: Error, Equatable, CustomStringConvertible {
    /// NaN, Infinity and -Infinity are globals, not literals; config files never need them,
    /// and JSON cannot carry them, so we refuse rather than write something that reads back
    /// differently.
    case nonFiniteNumber(Double)

    public var description: String {
        switch self {
        case .nonFiniteNumber(let value):
            return "cannot write \(value) as a JavaScript literal (only finite numbers are allowed)"
        }
    }
}

extension JSLiteralSyntax {
    /// `value` written as JavaScript's `Number.prototype.toString` would (ECMAScript
    /// Number::toString, radix 10): `900000`, `0.1`, `1e-7`, `1e+21`, `123456789012345680000`.
    /// Negative zero is written `-0` so the literal keeps its sign.
    public static func number(_ value: Double) throws -> String {
        guard value.isFinite else { throw JSPrintError.nonFiniteNumber(value) }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let sign = value < 0 ? "-" : ""
        let (digits, pointPosition) = shortestDigits(abs(value))
        return sign + layout(digits: digits, pointPosition: pointPosition)
    }

    /// Shortest round-trip digits `d1 d2 … dk` and `n` such that the value is `0.d1…dk × 10^n`.
    /// Swift's `description` already produces the shortest round-trip digits; we only re-read them.
    private static func shortestDigits(_ value: Double) -> (digits: [Character], pointPosition: Int) {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        let integerPart = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
        var allDigits = Array(mantissa.filter { $0 != "." })
        var pointPosition = integerPart.count + exponent
        while allDigits.first == "0" {
            allDigits.removeFirst()
            pointPosition -= 1
        }
        while allDigits.last == "0" { allDigits.removeLast() }
        return (allDigits, pointPosition)
    }

    private static func layout(digits: [Character], pointPosition n: Int) -> String {
        let k = digits.count
        let all = String(digits)
        if k <= n && n <= 21 {
            return all + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(digits[0..<n]) + "." + String(digits[n...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + all
        }
        let exponent = n - 1
        let exponentText = (exponent >= 0 ? "+" : "-") + String(abs(exponent))
        if k == 1 { return all + "e" + exponentText }
        return String(digits[0]) + "." + String(digits[1...]) + "e" + exponentText
    }
}
