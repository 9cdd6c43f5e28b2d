/// Numeric literals: decimal, `0x`/`0o`/`0b`, legacy octal, separators.
extension JSLexer {
    func peekIsDigit(_ offset: Int) -> Bool {
        let at = index + offset
        return at < bytes.count && JSLexer.isDigit(bytes[at])
    }

    static func digitValue(_ scalar: Unicode.Scalar, radix: Int) -> Int? {
        scalar.isASCII ? digitValue(byte: UInt8(truncatingIfNeeded: scalar.value), radix: radix) : nil
    }

    static func digitValue(byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte) - 48
        case UInt8(ascii: "a")...UInt8(ascii: "z"): value = Int(byte) - 87
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(byte) - 55
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// Digits of one radix with optional `_` separators between them (the separators left out).
    private mutating func scanDigits(radix: Int) throws -> [UInt8] {
        var digits: [UInt8] = []
        var lastWasSeparator = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                if digits.isEmpty || lastWasSeparator {
                    throw error("a numeric separator `_` must sit between two digits", at: index)
                }
                lastWasSeparator = true
            } else if JSLexer.digitValue(byte: byte, radix: radix) != nil {
                digits.append(byte)
                lastWasSeparator = false
            } else {
                break
            }
            index += 1
        }
        if lastWasSeparator { throw error("a numeric separator `_` must sit between two digits", at: index - 1) }
        return digits
    }

    mutating func scanNumber() throws -> Double {
        let start = index
        let value: Double
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, let radix = JSLexer.radix(prefix: bytes[index + 1]) {
            index += 2
            let digits = try scanDigits(radix: radix)
            if digits.isEmpty {
                throw error("a number prefix `0\(Unicode.Scalar(bytes[start + 1]))` must be followed by digits", at: start)
            }
            value = JSLexer.integerValue(digits, radix: radix)
        } else if bytes[index] == UInt8(ascii: "0"), peekIsDigit(1) {
            // Legacy octal (`017`) or a decimal with a leading zero (`089`), as sloppy-mode JavaScript reads them.
            let digitsStart = index
            while index < bytes.count, JSLexer.isDigit(bytes[index]) { index += 1 }
            let digits = Array(bytes[digitsStart..<index])
            value = digits.allSatisfy({ $0 < UInt8(ascii: "8") })
                ? JSLexer.integerValue(digits, radix: 8) : Double(source.text(digitsStart, index)) ?? .nan
        } else if let integer = scanPlainInteger() {
            value = integer
        } else {
            var text = try scanDigits(radix: 10)
            if text.isEmpty { text.append(UInt8(ascii: "0")) }  // `.5`
            if byte(at: index, is: ".") {
                index += 1
                text.append(UInt8(ascii: "."))
                text += try scanDigits(radix: 10)
                if text.last == UInt8(ascii: ".") { text.append(UInt8(ascii: "0")) }
            }
            if byte(at: index, is: "e") || byte(at: index, is: "E") {
                index += 1
                text.append(UInt8(ascii: "e"))
                if byte(at: index, is: "+") || byte(at: index, is: "-") {
                    text.append(bytes[index])
                    index += 1
                }
                let digits = try scanDigits(radix: 10)
                if digits.isEmpty { throw error("an exponent must have digits", at: start) }
                text += digits
            }
            value = Double(String(decoding: text, as: UTF8.self)) ?? .nan
        }
        if byte(at: index, is: "n") {
            throw ReadError(.unsupported, "BigInt literal", at: source.position(of: start))
        }
        if index < bytes.count, JSLexer.isIdentifierStart(source.scalar(at: index).scalar) || peekIsDigit(0) {
            throw error("a number must not be followed directly by a name or digit", at: index)
        }
        return value
    }

    /// The common case, a decimal integer short enough to be exact in a Double (no separator, fraction
    /// or exponent), read without building its text; nil (index unchanged) for anything else.
    private mutating func scanPlainInteger() -> Double? {
        guard let (value, end) = JSLexer.plainInteger(in: bytes, from: index) else { return nil }
        index = end
        return value
    }

    /// The decimal integer of at most 15 digits (exact in a Double) at `start`, and where it ends;
    /// nil when no digit is there or a digit, `_`, `.`, `e` or `E` follows (a longer or decorated number).
    static func plainInteger(in bytes: [UInt8], from start: Int) -> (value: Double, end: Int)? {
        var end = start
        var value: Int64 = 0
        while end < bytes.count, isDigit(bytes[end]), end - start < 15 {
            value = value * 10 + Int64(bytes[end] &- UInt8(ascii: "0"))
            end += 1
        }
        guard end > start else { return nil }
        if end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                return nil
            default:
                break
            }
        }
        return (Double(value), end)
    }

    private static func radix(prefix: UInt8) -> Int? {
        switch prefix {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return 16
        case UInt8(ascii: "o"), UInt8(ascii: "O"): return 8
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return 2
        default: return nil
        }
    }

    static func integerValue(_ digits: String, radix: Int) -> Double {
        integerValue(Array(digits.utf8), radix: radix)
    }

    static func integerValue(_ digits: [UInt8], radix: Int) -> Double {
        var value = 0.0
        for digit in digits {
            value = value * Double(radix) + Double(digitValue(byte: digit, radix: radix) ?? 0)
        }
        return value
    }
}
