/// Turns JavaScript source into tokens on demand. The parser drives it one token
/// at a time so that template literals can resume after a `${ … }` expression.
struct JSLexer {
    let source: SourceText
    var index = 0
    /// Tokens produced so far, re-scans after backtracking included (lets tests check parsing stays linear).
    private(set) var tokensScanned = 0
    var scalars: [Unicode.Scalar] { source.scalars }

    init(source: SourceText) {
        self.source = source
        skipHashbang()
    }

    /// Saved place for backtracking (arrow-function detection).
    var state: Int {
        get { index }
        set { index = newValue }
    }

    private mutating func skipHashbang() {
        if scalars.first == "\u{FEFF}" { index = 1 }
        if index + 1 < scalars.count, scalars[index] == "#", scalars[index + 1] == "!" {
            while index < scalars.count, !SourceText.isLineTerminator(scalars[index]) { index += 1 }
        }
    }

    func error(_ message: String, at position: Int) -> ReadError {
        ReadError(.syntax, message, at: source.position(of: position))
    }

    mutating func next() throws -> JSToken {
        tokensScanned += 1
        let newline = try skipTrivia()
        let start = index
        guard index < scalars.count else {
            return JSToken(kind: .endOfFile, start: start, end: start, newlineBefore: newline)
        }
        let scalar = scalars[index]
        var token: JSToken
        if JSLexer.isIdentifierStart(scalar) || scalar == "\\" {
            let (name, escaped) = try scanIdentifierName()
            token = JSToken(kind: .name(name), start: start, end: index, newlineBefore: newline)
            token.hasEscape = escaped
        } else if ("0"..."9").contains(scalar) || (scalar == "." && peekIsDigit(1)) {
            let value = try scanNumber()
            token = JSToken(kind: .number(value), start: start, end: index, newlineBefore: newline)
        } else if scalar == "\"" || scalar == "'" {
            let value = try scanString(quote: scalar)
            token = JSToken(kind: .string(value), start: start, end: index, newlineBefore: newline)
        } else if scalar == "`" {
            index += 1
            return try scanTemplatePiece(start: start, newline: newline)
        } else {
            let text = try scanPunctuator()
            token = JSToken(kind: .punctuator(text), start: start, end: index, newlineBefore: newline)
        }
        return token
    }

    /// Continues a template literal after the `}` that closed a substitution.
    mutating func continueTemplate(after closingBrace: JSToken) throws -> JSToken {
        index = closingBrace.end
        return try scanTemplatePiece(start: closingBrace.start, newline: false)
    }

    // MARK: - Trivia

    /// Skips whitespace and comments; returns whether a line terminator was crossed.
    private mutating func skipTrivia() throws -> Bool {
        var newline = false
        while index < scalars.count {
            let scalar = scalars[index]
            if SourceText.isLineTerminator(scalar) {
                newline = true
                index += 1
            } else if JSLexer.isWhitespace(scalar) {
                index += 1
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, !SourceText.isLineTerminator(scalars[index]) { index += 1 }
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                let start = index
                index += 2
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "*", index + 1 < scalars.count, scalars[index + 1] == "/" {
                        index += 2
                        closed = true
                        break
                    }
                    if SourceText.isLineTerminator(scalars[index]) { newline = true }
                    index += 1
                }
                if !closed { throw error("unterminated comment: `/*` has no closing `*/`", at: start) }
            } else {
                break
            }
        }
        return newline
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        switch scalar {
        case "\t", "\u{0B}", "\u{0C}", " ", "\u{A0}", "\u{FEFF}": return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    // MARK: - Names

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "$", "_": return true
        default: return !scalar.isASCII && scalar.properties.isIDStart
        }
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "$", "_": return true
        default:
            return !scalar.isASCII && (scalar.properties.isIDContinue || scalar == "\u{200C}" || scalar == "\u{200D}")
        }
    }

    private mutating func scanIdentifierName() throws -> (String, Bool) {
        if let name = scanASCIIName() { return (name, false) }
        var text = String.UnicodeScalarView()
        var escaped = false
        var first = true
        while index < scalars.count {
            var scalar = scalars[index]
            let start = index
            if scalar == "\\" {
                guard index + 1 < scalars.count, scalars[index + 1] == "u" else {
                    throw error("unexpected `\\` in a name", at: index)
                }
                index += 2
                scalar = try scanUnicodeEscapeBody(escapeStart: start)
                escaped = true
            } else {
                guard first ? JSLexer.isIdentifierStart(scalar) : JSLexer.isIdentifierPart(scalar) else { break }
                index += 1
            }
            guard first ? JSLexer.isIdentifierStart(scalar) : JSLexer.isIdentifierPart(scalar) else {
                throw error("the escape `\\u` does not produce a valid name character", at: start)
            }
            text.append(scalar)
            first = false
        }
        return (String(text), escaped)
    }

    /// The common case, a name of ASCII letters, digits, `$` and `_` only, made into one
    /// String at once; nil (index unchanged) when an escape or non-ASCII scalar follows.
    private mutating func scanASCIIName() -> String? {
        var end = index
        while end < scalars.count, JSLexer.isASCIINamePart(scalars[end]) { end += 1 }
        if end < scalars.count, scalars[end] == "\\" || !scalars[end].isASCII { return nil }
        guard end > index else { return nil }
        let text = JSLexer.asciiString(scalars, from: index, to: end)
        index = end
        return text
    }

    private static func isASCIINamePart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "$", "_": return true
        default: return false
        }
    }

    /// A String from scalars known to be ASCII, written as UTF-8 in one pass.
    static func asciiString(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) { buffer[offset] = UInt8(truncatingIfNeeded: scalars[start + offset].value) }
            return end - start
        }
    }

    // MARK: - Numbers

    private func peekIsDigit(_ offset: Int) -> Bool {
        let at = index + offset
        return at < scalars.count && JSLexer.digitValue(scalars[at], radix: 10) != nil
    }

    static func digitValue(_ scalar: Unicode.Scalar, radix: Int) -> Int? {
        let value: Int
        switch scalar {
        case "0"..."9": value = Int(scalar.value) - 48
        case "a"..."z": value = Int(scalar.value) - 87
        case "A"..."Z": value = Int(scalar.value) - 55
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// Digits of one radix with optional `_` separators between them.
    private mutating func scanDigits(radix: Int) throws -> String {
        var digits = String.UnicodeScalarView()
        var lastWasSeparator = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "_" {
                if digits.isEmpty || lastWasSeparator {
                    throw error("a numeric separator `_` must sit between two digits", at: index)
                }
                lastWasSeparator = true
            } else if JSLexer.digitValue(scalar, radix: radix) != nil {
                digits.append(scalar)
                lastWasSeparator = false
            } else {
                break
            }
            index += 1
        }
        if lastWasSeparator { throw error("a numeric separator `_` must sit between two digits", at: index - 1) }
        return String(digits)
    }

    private mutating func scanNumber() throws -> Double {
        let start = index
        let value: Double
        if scalars[index] == "0", index + 1 < scalars.count, let radix = JSLexer.radix(prefix: scalars[index + 1]) {
            index += 2
            let digits = try scanDigits(radix: radix)
            if digits.isEmpty { throw error("a number prefix `0\(scalars[start + 1])` must be followed by digits", at: start) }
            value = JSLexer.integerValue(digits, radix: radix)
        } else if scalars[index] == "0", peekIsDigit(1) {
            // Legacy octal (`017`) or a decimal with a leading zero (`089`), as sloppy-mode JavaScript reads them.
            var digits = String.UnicodeScalarView()
            while index < scalars.count, JSLexer.digitValue(scalars[index], radix: 10) != nil {
                digits.append(scalars[index])
                index += 1
            }
            let text = String(digits)
            value = text.allSatisfy({ $0 < "8" }) ? JSLexer.integerValue(text, radix: 8) : Double(text) ?? .nan
        } else {
            var text = try scanDigits(radix: 10)
            if index < scalars.count, scalars[index] == "." {
                index += 1
                text += "." + (try scanDigits(radix: 10))
            }
            if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                index += 1
                var exponent = "e"
                if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                    exponent.unicodeScalars.append(scalars[index])
                    index += 1
                }
                let digits = try scanDigits(radix: 10)
                if digits.isEmpty { throw error("an exponent must have digits", at: start) }
                text += exponent + digits
            }
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasSuffix(".") { text += "0" }
            value = Double(text) ?? .nan
        }
        if index < scalars.count, scalars[index] == "n" {
            throw ReadError(.unsupported, "BigInt literal", at: source.position(of: start))
        }
        if index < scalars.count, JSLexer.isIdentifierStart(scalars[index]) || peekIsDigit(0) {
            throw error("a number must not be followed directly by a name or digit", at: index)
        }
        return value
    }

    private static func radix(prefix: Unicode.Scalar) -> Int? {
        switch prefix {
        case "x", "X": return 16
        case "o", "O": return 8
        case "b", "B": return 2
        default: return nil
        }
    }

    static func integerValue(_ digits: String, radix: Int) -> Double {
        var value = 0.0
        for scalar in digits.unicodeScalars {
            value = value * Double(radix) + Double(digitValue(scalar, radix: radix) ?? 0)
        }
        return value
    }

    // MARK: - Punctuators

    private static let punctuators: [String] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "**", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^",
        "!", "~", "?", ":", "=", ".", "@", "#",
    ]

    /// Punctuators grouped by their first scalar, longest first, so scanning tries only a few.
    private static let punctuatorsByFirstScalar: [Unicode.Scalar: [String]] =
        Dictionary(grouping: punctuators, by: { $0.unicodeScalars.first! })

    private mutating func scanPunctuator() throws -> String {
        let candidates = JSLexer.punctuatorsByFirstScalar[scalars[index]] ?? []
        for candidate in candidates where matches(candidate) {
            // `?.` followed by a digit is a conditional and a number (`a?.5:b`).
            if candidate == "?.", peekIsDigit(2) { continue }
            index += candidate.unicodeScalars.count
            return candidate
        }
        let scalar = scalars[index]
        throw error("unexpected character `\(JSLexer.visible(scalar))`", at: index)
    }

    private func matches(_ text: String) -> Bool {
        var at = index
        for scalar in text.unicodeScalars {
            guard at < scalars.count, scalars[at] == scalar else { return false }
            at += 1
        }
        return true
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }
}
