/// Turns JavaScript source into tokens on demand. The parser drives it one token
/// at a time so that template literals can resume after a `${ … }` expression.
/// It works on the UTF-8 bytes: token positions are byte offsets, and only names and
/// literal values become Strings.
struct JSLexer {
    let source: SourceText
    let bytes: [UInt8]
    var index = 0
    /// Tokens produced so far, re-scans after backtracking included (lets tests check parsing stays linear).
    private(set) var tokensScanned = 0
    /// The last trivia skipped: from where, to where, and whether it crossed a line.
    private var skipped = (from: -1, to: -1, newline: false)

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        skipHashbang()
    }

    /// Saved place for backtracking (arrow-function detection).
    var state: Int {
        get { index }
        set { index = newValue }
    }

    /// True when the byte at `offset` is the ASCII character `character`.
    func byte(at offset: Int, is character: Unicode.Scalar) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(truncatingIfNeeded: character.value)
    }

    private mutating func skipHashbang() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // U+FEFF
        if byte(at: index, is: "#"), byte(at: index + 1, is: "!") {
            index = ByteScan.lineTerminator(in: bytes, from: index)
        }
    }

    func error(_ message: String, at position: Int) -> ReadError {
        ReadError(.syntax, message, at: source.position(of: position))
    }

    mutating func next() throws -> JSToken {
        tokensScanned += 1
        let newline = try skipTrivia()
        let start = index
        guard index < bytes.count else {
            return JSToken(kind: .endOfFile, start: start, end: start, newlineBefore: newline)
        }
        let byte = bytes[index]
        var token: JSToken
        if JSLexer.isASCIINameStart(byte) || byte == UInt8(ascii: "\\")
            || (byte >= 0x80 && JSLexer.isIdentifierStart(source.scalar(at: index).scalar)) {
            token = JSToken(kind: try scanName(), start: start, end: index, newlineBefore: newline)
        } else if JSLexer.isDigit(byte) || (byte == UInt8(ascii: ".") && peekIsDigit(1)) {
            let value = try scanNumber()
            token = JSToken(kind: .number(value), start: start, end: index, newlineBefore: newline)
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let value = try scanString(quote: byte)
            token = JSToken(kind: .string(value), start: start, end: index, newlineBefore: newline)
        } else if byte == UInt8(ascii: "`") {
            index += 1
            return try scanTemplatePiece(start: start, newline: newline)
        } else {
            let punctuator = try scanPunctuator()
            token = JSToken(kind: .punctuator(punctuator), start: start, end: index, newlineBefore: newline)
        }
        return token
    }

    /// Whether the next token is `=>` on the same line, without moving (arrow-function detection).
    mutating func nextIsArrowOnSameLine() -> Bool {
        let saved = index
        defer { index = saved }
        guard let newline = try? skipTrivia(), !newline else { return false }
        return byte(at: index, is: "=") && byte(at: index + 1, is: ">")
    }

    /// Whether the next token is `,` `)` `]` `}` or `;`, each of which ends an expression, without moving.
    mutating func nextEndsExpression() -> Bool {
        let saved = index
        defer { index = saved }
        guard (try? skipTrivia()) != nil, index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ";"): return true
        default: return false
        }
    }

    /// Continues a template literal after the `}` that closed a substitution.
    mutating func continueTemplate(after closingBrace: JSToken) throws -> JSToken {
        index = closingBrace.end
        return try scanTemplatePiece(start: closingBrace.start, newline: false)
    }

    // MARK: - Trivia

    /// Skips whitespace and comments; returns whether a line terminator was crossed.
    private mutating func skipTrivia() throws -> Bool {
        // The parser's look-aheads skip the trivia before the next token first: do it once.
        if index == skipped.from {
            index = skipped.to
            return skipped.newline
        }
        let from = index
        var index = from
        var newline = false
        try bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x20 {
                    index = ByteScan.spaceRunEnd(buffer, from: index + 1)
                } else if byte == 0x0A || byte == 0x0D {
                    newline = true
                    index += 1
                } else if byte == 0x09 || byte == 0x0B || byte == 0x0C {
                    index += 1
                } else if byte == UInt8(ascii: "/"), index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "/") {
                    index = ByteScan.lineTerminator(in: bytes, from: index + 2)
                } else if byte == UInt8(ascii: "/"), index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "*") {
                    let (end, crossesLine) = ByteScan.blockCommentEnd(in: bytes, from: index + 2)
                    guard let end else { throw error("unterminated comment: `/*` has no closing `*/`", at: index) }
                    if crossesLine { newline = true }
                    index = end
                } else if byte >= 0x80 {
                    let (scalar, length) = source.scalar(at: index)
                    if SourceText.isLineTerminator(scalar) {
                        newline = true
                    } else if !JSLexer.isWhitespace(scalar) {
                        break
                    }
                    index += length
                } else {
                    break
                }
            }
        }
        self.index = index
        skipped = (from, index, newline)
        return newline
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        switch scalar {
        case "\t", "\u{0B}", "\u{0C}", " ", "\u{A0}", "\u{FEFF}": return true
        default: return isSpaceSeparator(scalar)
        }
    }

    // Unicode property look-ups stay out of line: inlined into a hot loop that tests ASCII first, they
    // made it fetch the metadata of the stdlib's property types on every call.
    @inline(never)
    static func isSpaceSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .spaceSeparator }

    @inline(never)
    private static func isUnicodeIDStart(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isIDStart }

    @inline(never)
    private static func isUnicodeIDContinue(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isIDContinue }

    // MARK: - Names

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "$", "_": return true
        default: return !scalar.isASCII && isUnicodeIDStart(scalar)
        }
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "$", "_": return true
        default:
            return !scalar.isASCII && (isUnicodeIDContinue(scalar) || scalar == "\u{200C}" || scalar == "\u{200D}")
        }
    }

    /// Whether the scalar at `offset` can continue a name (false at the end).
    func isIdentifierPart(at offset: Int) -> Bool {
        offset < bytes.count && JSLexer.isIdentifierPart(source.scalar(at: offset).scalar)
    }

    /// A name: a keyword when spelled like one without escapes, otherwise an identifier.
    private mutating func scanName() throws -> JSToken.Kind {
        if let kind = scanASCIIName() { return kind }
        return .name(try scanIdentifierName())
    }

    /// A name with escapes or non-ASCII scalars (never a keyword).
    private mutating func scanIdentifierName() throws -> String {
        var text = String.UnicodeScalarView()
        var first = true
        while index < bytes.count {
            var (scalar, length) = source.scalar(at: index)
            let start = index
            if scalar == "\\" {
                guard byte(at: index + 1, is: "u") else {
                    throw error("unexpected `\\` in a name", at: index)
                }
                index += 2
                scalar = try scanUnicodeEscapeBody(escapeStart: start)
            } else {
                guard first ? JSLexer.isIdentifierStart(scalar) : JSLexer.isIdentifierPart(scalar) else { break }
                index += length
            }
            guard first ? JSLexer.isIdentifierStart(scalar) : JSLexer.isIdentifierPart(scalar) else {
                throw error("the escape `\\u` does not produce a valid name character", at: start)
            }
            text.append(scalar)
            first = false
        }
        return String(text)
    }

    /// The common case, a name of ASCII letters, digits, `$` and `_` only: a keyword, or one String
    /// made at once; nil (index unchanged) when an escape or non-ASCII scalar follows.
    private mutating func scanASCIIName() -> JSToken.Kind? {
        // The scan reads a copy of `index`: a closure that captured `self` had `bytes` retained and released per name.
        let start = index
        let end = bytes.withUnsafeBufferPointer { buffer in
            var end = start
            while end < buffer.count, JSLexer.isASCIINamePart(buffer[end]) { end += 1 }
            return end
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\\") || bytes[end] >= 0x80 { return nil }
        guard end > start else { return nil }
        index = end
        if let keyword = JSKeyword(bytes, start, end) { return .keyword(keyword) }
        return .name(JSLexer.string(bytes, start, end))
    }

    /// The text of the valid UTF-8 `bytes[start..<end]`. Short ASCII text (most names, keys and strings)
    /// becomes a small String without the validation `String(decoding:)` would repeat; the rest decodes as usual.
    static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let count = end - start
        guard count > 0 else { return "" }
        guard count <= 15 else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: count) { target in
                target.baseAddress!.initialize(from: source.baseAddress! + start, count: count)
                return count
            }
        }
    }

    static func isASCIINameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "$"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }

    static func isASCIINamePart(_ byte: UInt8) -> Bool {
        isASCIINameStart(byte) || isDigit(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: - Punctuators

    /// Punctuators indexed by their first byte, longest first, so scanning tries only a few.
    private static let punctuatorsByFirstByte: [[(punctuator: JSPunctuator, bytes: [UInt8])]] = {
        var table = [[(punctuator: JSPunctuator, bytes: [UInt8])]](repeating: [], count: 128)
        for punctuator in JSPunctuator.all.sorted(by: { $0.text.utf8.count > $1.text.utf8.count }) {
            let bytes = Array(punctuator.text.utf8)
            table[Int(bytes[0])].append((punctuator, bytes))
        }
        return table
    }()

    private mutating func scanPunctuator() throws -> JSPunctuator {
        let first = bytes[index]
        if let single = JSLexer.singleBytePunctuator(first) {
            index += 1
            return single
        }
        if first < 0x80 {
            for candidate in JSLexer.punctuatorsByFirstByte[Int(first)] where matches(candidate.bytes) {
                // `?.` followed by a digit is a conditional and a number (`a?.5:b`).
                if candidate.punctuator == .optionalChain, peekIsDigit(2) { continue }
                index += candidate.bytes.count
                return candidate.punctuator
            }
        }
        throw error("unexpected character `\(JSLexer.visible(source.scalar(at: index).scalar))`", at: index)
    }

    /// Punctuators that begin no longer punctuator, found without searching the table.
    private static func singleBytePunctuator(_ byte: UInt8) -> JSPunctuator? {
        switch byte {
        case UInt8(ascii: "{"): return .openBrace
        case UInt8(ascii: "}"): return .closeBrace
        case UInt8(ascii: "("): return .openParen
        case UInt8(ascii: ")"): return .closeParen
        case UInt8(ascii: "["): return .openBracket
        case UInt8(ascii: "]"): return .closeBracket
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        default: return nil
        }
    }

    private func matches(_ text: [UInt8]) -> Bool {
        guard index + text.count <= bytes.count else { return false }
        for offset in 1..<text.count where bytes[index + offset] != text[offset] { return false }
        return true
    }

    @inline(never)
    static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }
}
