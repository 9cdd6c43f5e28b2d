import Foundation

/// JSON5 numbers, strings and identifier keys.
extension JSON5Parser {
    mutating func parseNumber() throws -> Double {
        let start = index
        var sign = 1.0
        if byte(at: index, is: "+") || byte(at: index, is: "-") {
            if byte(at: index, is: "-") { sign = -1 }
            index += 1
        }
        guard index < bytes.count else { throw error("unexpected end of file in a number", at: index) }
        if byte(at: index, is: "I") {
            guard matches("Infinity") else { throw unexpected(at: index) }
            index += 8
            return sign * .infinity
        }
        if byte(at: index, is: "N") {
            guard matches("NaN") else { throw unexpected(at: index) }
            index += 3
            return .nan
        }
        if byte(at: index, is: "0"), byte(at: index + 1, is: "x") || byte(at: index + 1, is: "X") {
            index += 2
            let digitsStart = index
            while index < bytes.count, JSLexer.digitValue(byte: bytes[index], radix: 16) != nil { index += 1 }
            if index == digitsStart { throw unexpected(at: index) }
            try checkNumberEnd()
            return sign * JSLexer.integerValue(Array(bytes[digitsStart..<index]), radix: 16)
        }
        // A plain integer needs no text built (one with a leading zero is an error, reported below).
        let hasLeadingZero = byte(at: index, is: "0") && index + 1 < bytes.count && JSLexer.isDigit(bytes[index + 1])
        if !hasLeadingZero, let (value, end) = JSLexer.plainInteger(in: bytes, from: index) {
            index = end
            try checkNumberEnd()
            return sign * value
        }
        var text: [UInt8] = []
        let integerDigits = consumeDigits(into: &text)
        if integerDigits > 1, text.first == UInt8(ascii: "0") { throw error("numbers must not have leading zeros", at: start) }
        var fractionDigits = 0
        if byte(at: index, is: ".") {
            text.append(UInt8(ascii: "."))
            index += 1
            fractionDigits = consumeDigits(into: &text)
        }
        if integerDigits == 0 && fractionDigits == 0 { throw unexpected(at: index) }
        if byte(at: index, is: "e") || byte(at: index, is: "E") {
            text.append(UInt8(ascii: "e"))
            index += 1
            if byte(at: index, is: "+") || byte(at: index, is: "-") {
                text.append(bytes[index])
                index += 1
            }
            if consumeDigits(into: &text) == 0 { throw unexpected(at: index) }
        }
        try checkNumberEnd()
        var literal = String(decoding: text, as: UTF8.self)
        if literal.hasPrefix(".") { literal = "0" + literal }
        if literal.hasSuffix(".") { literal += "0" }
        literal = literal.replacingOccurrences(of: ".e", with: ".0e")
        return sign * (Double(literal) ?? .nan)
    }

    private mutating func consumeDigits(into text: inout [UInt8]) -> Int {
        var count = 0
        while index < bytes.count, JSLexer.isDigit(bytes[index]) {
            text.append(bytes[index])
            index += 1
            count += 1
        }
        return count
    }

    private func checkNumberEnd() throws {
        if index < bytes.count, JSLexer.isIdentifierPart(source.scalar(at: index).scalar) { throw unexpected(at: index) }
    }

    /// Whether the bytes at the reader are `word`'s.
    func matches(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { text in
            index + text.count <= bytes.count && bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + index, text.baseAddress!, text.count) == 0 }
        }
    }

    mutating func parseString() throws -> String {
        let start = index
        let quote = source.scalar(at: index).scalar
        index += 1
        // Most strings have no escapes: their bytes are the value, made into one String at once.
        let end = ByteScan.quotedTextEnd(in: bytes, from: index, quote: UInt8(truncatingIfNeeded: quote.value))
        if end < bytes.count, bytes[end] == UInt8(truncatingIfNeeded: quote.value) {
            let text = JSLexer.string(bytes, index, end)
            index = end + 1
            return text
        }
        var text = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        // A lone surrogate cannot live in a Swift string, and replacing it would change the value.
        func flush() throws {
            if pendingHigh != nil { throw error("strings with a lone UTF-16 surrogate escape are not supported", at: start) }
        }
        while true {
            guard index < bytes.count else { throw error("unterminated string: missing closing \(quote)", at: start) }
            let (scalar, length) = source.scalar(at: index)
            if scalar == quote {
                index += 1
                try flush()
                return String(text)
            }
            if scalar == "\n" || scalar == "\r" {
                throw error("unterminated string: a line break must be written as `\\n` inside quotes", at: start)
            }
            guard scalar == "\\" else {
                try flush()
                text.append(scalar)
                index += length
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw error("unterminated string: missing closing \(quote)", at: start) }
            let (escaped, escapedLength) = source.scalar(at: index)
            index += escapedLength
            var produced: Unicode.Scalar?
            switch escaped {
            case "0":
                if index < bytes.count, JSLexer.isDigit(bytes[index]) {
                    throw error("invalid escape `\\0` followed by a digit", at: escapeStart)
                }
                produced = "\0"
            case "1"..."9":
                throw error("invalid escape `\\\(escaped)`", at: escapeStart)
            case "x":
                produced = Unicode.Scalar(try hexValue(digits: 2, escapeStart: escapeStart))
            case "u":
                let unit = try hexValue(digits: 4, escapeStart: escapeStart)
                if (0xD800...0xDBFF).contains(unit) {
                    try flush()
                    pendingHigh = unit
                    continue
                }
                if (0xDC00...0xDFFF).contains(unit), let high = pendingHigh {
                    pendingHigh = nil
                    text.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))!)
                    continue
                }
                guard let scalar = Unicode.Scalar(unit) else {
                    throw error("strings with a lone UTF-16 surrogate escape are not supported", at: escapeStart)
                }
                produced = scalar
            case "\r":
                if byte(at: index, is: "\n") { index += 1 }
            case "\n", "\u{2028}", "\u{2029}":
                break
            default:
                produced = JSLexer.singleCharacterEscapes[escaped] ?? escaped
            }
            try flush()
            if let produced { text.append(produced) }
        }
    }

    private mutating func hexValue(digits: Int, escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard index < bytes.count, let digit = JSLexer.digitValue(byte: bytes[index], radix: 16) else {
                throw error("invalid escape: expected \(digits) hexadecimal digits", at: escapeStart)
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// An unquoted key: an ECMAScript 5.1 IdentifierName, `\u` escapes allowed.
    mutating func parseIdentifierName() throws -> String {
        var text = String.UnicodeScalarView()
        while index < bytes.count {
            var (scalar, length) = source.scalar(at: index)
            let start = index
            if scalar == "\\" {
                guard byte(at: index + 1, is: "u") else { throw unexpected(at: index) }
                index += 2
                guard let decoded = Unicode.Scalar(try hexValue(digits: 4, escapeStart: start)) else {
                    throw error("invalid escape in a key", at: start)
                }
                scalar = decoded
            } else {
                guard JSON5Parser.isIdentifierCharacter(scalar, first: text.isEmpty) else { break }
                index += length
            }
            guard JSON5Parser.isIdentifierCharacter(scalar, first: text.isEmpty) else {
                throw error("the escape does not produce a valid key character", at: start)
            }
            text.append(scalar)
        }
        if text.isEmpty { throw unexpected(at: index) }
        return String(text)
    }

    static func isIdentifierCharacter(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar == "$" || scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber:
            return true
        case .nonspacingMark, .spacingMark, .decimalNumber, .connectorPunctuation:
            return !first
        default:
            return !first && (scalar == "\u{200C}" || scalar == "\u{200D}")
        }
    }
}
