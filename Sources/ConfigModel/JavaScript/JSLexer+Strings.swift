/// String and template literal scanning, with every JavaScript escape.
extension JSLexer {
    mutating func scanString(quote: UInt8) throws -> String {
        let start = index
        index += 1
        // Most strings have no escapes: their bytes are the value, made into one String at once.
        let end = ByteScan.quotedTextEnd(in: bytes, from: index, quote: quote)
        if end < bytes.count, bytes[end] == quote {
            let text = strings.string(bytes, index, end)
            index = end + 1
            return text
        }
        var text = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        while true {
            guard index < bytes.count else {
                throw error("unterminated string: missing closing \(Unicode.Scalar(quote))", at: start)
            }
            let (scalar, length) = source.scalar(at: index)
            if bytes[index] == quote {
                index += 1
                break
            }
            if scalar == "\n" || scalar == "\r" {
                throw error("unterminated string: a line break must be written as `\\n` inside quotes", at: start)
            }
            if scalar == "\\" {
                try scanEscape(inTemplate: false, surrogate: &pendingHighSurrogate, into: &text)
                continue
            }
            try flush(&pendingHighSurrogate, into: &text)
            text.append(scalar)
            index += length
        }
        try flush(&pendingHighSurrogate, into: &text)
        return String(text)
    }

    /// Scans template text after a backquote or a closing `}` up to `${` or the closing backquote.
    mutating func scanTemplatePiece(start: Int, newline: Bool) throws -> JSToken {
        // Most pieces have no escapes and no carriage returns: their bytes are the value.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "`"), bytes[end] != UInt8(ascii: "$"),
              bytes[end] != UInt8(ascii: "\\"), bytes[end] != 0x0D { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "`") || (bytes[end] == UInt8(ascii: "$") && byte(at: end + 1, is: "{")) {
            let cooked = JSLexer.string(bytes, index, end)
            let isTail = bytes[end] == UInt8(ascii: "`")
            index = end + (isTail ? 1 : 2)
            return JSToken(kind: .template(cooked: cooked, isTail: isTail), start: start, end: index, newlineBefore: newline)
        }
        var text = String.UnicodeScalarView()
        var pendingHighSurrogate: UInt32?
        var cookedIsValid = true
        while true {
            guard index < bytes.count else {
                throw error("unterminated template literal: missing closing backquote", at: start)
            }
            let (scalar, length) = source.scalar(at: index)
            if scalar == "`" {
                index += 1
                try flush(&pendingHighSurrogate, into: &text)
                return JSToken(kind: .template(cooked: cookedIsValid ? String(text) : nil, isTail: true),
                               start: start, end: index, newlineBefore: newline)
            }
            if scalar == "$", byte(at: index + 1, is: "{") {
                index += 2
                try flush(&pendingHighSurrogate, into: &text)
                return JSToken(kind: .template(cooked: cookedIsValid ? String(text) : nil, isTail: false),
                               start: start, end: index, newlineBefore: newline)
            }
            if scalar == "\\" {
                do {
                    try scanEscape(inTemplate: true, surrogate: &pendingHighSurrogate, into: &text)
                } catch let failure as ReadError where failure.kind == .syntax {
                    // Untagged templates reject bad escapes; the parser reports it where the template is used.
                    // The escape scanner has already moved past the backslash and the escape letter.
                    cookedIsValid = false
                }
                continue
            }
            try flush(&pendingHighSurrogate, into: &text)
            // Template text normalises CRLF and CR to LF, as JavaScript does.
            if scalar == "\r" {
                text.append("\n")
                index += 1
                if byte(at: index, is: "\n") { index += 1 }
                continue
            }
            text.append(scalar)
            index += length
        }
    }

    /// A lone UTF-16 surrogate cannot live in a Swift string, and replacing it would change the value.
    private func flush(_ pending: inout UInt32?, into text: inout String.UnicodeScalarView) throws {
        if pending != nil {
            throw ReadError(.unsupported, "a string with a lone UTF-16 surrogate escape", at: source.position(of: index))
        }
    }

    /// What `\n`, `\t` and the other one-letter escapes stand for, in JavaScript and JSON5 alike.
    static let singleCharacterEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "b": "\u{08}", "f": "\u{0C}", "v": "\u{0B}",
    ]

    /// Reads one escape starting at the backslash and appends what it stands for.
    private mutating func scanEscape(
        inTemplate: Bool, surrogate pending: inout UInt32?, into text: inout String.UnicodeScalarView
    ) throws {
        let start = index
        index += 1
        guard index < bytes.count else {
            throw error("unterminated escape at the end of the file", at: start)
        }
        let (scalar, length) = source.scalar(at: index)
        index += length
        var produced: Unicode.Scalar?
        switch scalar {
        case "\r":
            // Line continuation: the backslash and the line break vanish.
            if byte(at: index, is: "\n") { index += 1 }
            return
        case "\n", "\u{2028}", "\u{2029}":
            return
        case "x":
            let value = try scanHexDigits(count: 2, escapeStart: start)
            produced = Unicode.Scalar(value)
        case "u":
            let unit = try scanUnicodeEscapeValue(escapeStart: start)
            if (0xD800...0xDBFF).contains(unit) {
                try flush(&pending, into: &text)
                pending = unit
                return
            }
            if (0xDC00...0xDFFF).contains(unit) {
                if let high = pending {
                    pending = nil
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                    text.append(Unicode.Scalar(combined)!)
                    return
                }
                throw ReadError(.unsupported, "a string with a lone UTF-16 surrogate escape", at: source.position(of: start))
            } else {
                produced = Unicode.Scalar(unit) ?? "\u{FFFD}"
            }
        case "0" where !peekIsDigit(0):
            produced = "\0"
        case "0"..."7":
            if inTemplate { throw error("octal escapes like `\\\(scalar)` are not allowed in template literals", at: start) }
            // Legacy octal escape, as sloppy-mode JavaScript reads it: up to three digits, value ≤ 0o377.
            var value = UInt32(scalar.value - 48)
            let maxDigits = scalar <= "3" ? 2 : 1
            var used = 0
            while used < maxDigits, index < bytes.count, let digit = JSLexer.digitValue(byte: bytes[index], radix: 8) {
                value = value * 8 + UInt32(digit)
                index += 1
                used += 1
            }
            produced = Unicode.Scalar(value)
        case "8", "9":
            if inTemplate { throw error("the escape `\\\(scalar)` is not allowed in template literals", at: start) }
            produced = scalar
        default:
            produced = JSLexer.singleCharacterEscapes[scalar] ?? scalar
        }
        try flush(&pending, into: &text)
        if let produced { text.append(produced) }
    }

    private mutating func scanHexDigits(count: Int, escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = JSLexer.digitValue(byte: bytes[index], radix: 16) else {
                throw error("invalid escape: expected \(count) hexadecimal digits", at: escapeStart)
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads the part after `\u`: four hex digits or `{hex}` up to 10FFFF. Returns a UTF-16 unit or code point.
    private mutating func scanUnicodeEscapeValue(escapeStart: Int) throws -> UInt32 {
        if byte(at: index, is: "{") {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.count, let digit = JSLexer.digitValue(byte: bytes[index], radix: 16) {
                value = value &* 16 &+ UInt32(digit)
                digits += 1
                if value > 0x10FFFF { throw error("invalid escape: code point above U+10FFFF", at: escapeStart) }
                index += 1
            }
            guard digits > 0, byte(at: index, is: "}") else {
                throw error("invalid escape: `\\u{` must be followed by hexadecimal digits and `}`", at: escapeStart)
            }
            index += 1
            return value
        }
        return try scanHexDigits(count: 4, escapeStart: escapeStart)
    }

    /// A `\u` escape inside a name, which must form one whole scalar.
    mutating func scanUnicodeEscapeBody(escapeStart: Int) throws -> Unicode.Scalar {
        let value = try scanUnicodeEscapeValue(escapeStart: escapeStart)
        guard let scalar = Unicode.Scalar(value) else {
            throw error("invalid escape in a name", at: escapeStart)
        }
        return scalar
    }
}
