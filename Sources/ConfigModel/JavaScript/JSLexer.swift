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
    /// Names and plain strings met before, as in the JSON5 reader (`PlainStringTable`); a worker's parser lends its own.
    var strings = PlainStringTable()

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
        // One switch on the first byte picks the scanner.
        let kind: JSToken.Kind
        switch bytes[index] {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "$"),
             UInt8(ascii: "_"), UInt8(ascii: "\\"):
            kind = try scanName()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = .number(try scanNumber())
        case UInt8(ascii: ".") where peekIsDigit(1):
            kind = .number(try scanNumber())
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            kind = .string(try scanString(quote: bytes[index]))
        case UInt8(ascii: "`"):
            index += 1
            return try scanTemplatePiece(start: start, newline: newline)
        case 0x80... where JSLexer.isIdentifierStart(source.scalar(at: index).scalar):
            kind = try scanName()
        case let byte:
            if let single = JSLexer.singleBytePunctuator(byte) {
                index += 1
                kind = .punctuator(single)
            } else {
                kind = .punctuator(try scanPunctuator())
            }
        }
        return JSToken(kind: kind, start: start, end: index, newlineBefore: newline)
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
    @inline(__always)
    private mutating func skipTrivia() throws -> Bool {
        // Most tokens follow the previous one at once, after one space, or first on a line after a line feed and
        // indentation: no call for them.
        guard index < bytes.count else { return try skipTriviaRun() }
        switch bytes[index] {
        case let byte where JSLexer.startsToken(byte):
            return false
        case 0x20 where index + 1 < bytes.count && JSLexer.startsToken(bytes[index + 1]):
            index += 1
            return false
        case 0x0A:
            var end = index + 1
            while end < bytes.count, bytes[end] == 0x20 { end += 1 }
            guard end < bytes.count, JSLexer.startsToken(bytes[end]) else { return try skipTriviaRun() }
            index = end
            return true
        default:
            return try skipTriviaRun()
        }
    }

    /// The rest of `skipTrivia`: line breaks, indentation, comments, non-ASCII space.
    private mutating func skipTriviaRun() throws -> Bool {
        // The parser's look-aheads skip the trivia before the next token first: do it once.
        if index == skipped.from {
            index = skipped.to
            return skipped.newline
        }
        let from = index
        let (end, newline, openComment) = JSLexer.triviaEnd(source: source, from: from)
        if let openComment { throw error("unterminated comment: `/*` has no closing `*/`", at: openComment) }
        index = end
        skipped = (from, end, newline)
        return newline
    }

    /// Whether `byte` certainly starts a token: ASCII above space, except `/` (which may start a comment).
    private static func startsToken(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x80 && byte != UInt8(ascii: "/")
    }

    /// Where the trivia from `start` ends, whether it crosses a line, and the start of a `/*` that is never closed.
    /// Static and not throwing, so the loop over the bytes is one inlined function without `self`.
    private static func triviaEnd(source: SourceText, from start: Int) -> (end: Int, newline: Bool, openComment: Int?) {
        source.bytes.withUnsafeBufferPointer { buffer in
            var index = start
            var newline = false
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
                    index = ByteScan.lineTerminator(in: source.bytes, from: index + 2)
                } else if byte == UInt8(ascii: "/"), index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "*") {
                    let (end, crossesLine) = ByteScan.blockCommentEnd(in: source.bytes, from: index + 2)
                    guard let end else { return (index, newline, index) }
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
            return (index, newline, nil)
        }
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
        let end = bytes.withUnsafeBufferPointer { JSLexer.asciiNameEnd($0, from: start) }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\\") || bytes[end] >= 0x80 { return nil }
        guard end > start else { return nil }
        index = end
        if let keyword = JSKeyword(bytes, start, end) { return .keyword(keyword) }
        return .name(strings.string(bytes, start, end))
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

    /// The first offset at or after `start` that cannot continue an ASCII name (a letter, digit, `$` or `_`),
    /// or the end: letters are taken eight at a time, the other name characters one by one.
    static func asciiNameEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            while index + 8 <= buffer.count {
                let word = ByteScan.word(buffer, index)
                // Setting bit 5 turns capitals into small letters and nothing else into one.
                let low = (word | 0x2020_2020_2020_2020) & ~ByteScan.highBits
                let atLeastA = (low &+ (0x80 - 0x61) &* ByteScan.ones) & ByteScan.highBits
                let pastZ = (low &+ (0x80 - 0x7B) &* ByteScan.ones) & ByteScan.highBits
                let notLetters = ~(atLeastA & ~pastZ & ~word) & ByteScan.highBits
                if notLetters != 0 {
                    index += notLetters.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
            guard index < buffer.count, JSLexer.isASCIINamePart(buffer[index]) else { return index }
            index += 1
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: - Punctuators

    /// A punctuator with up to four bytes of text as a little-endian word.
    private struct PunctuatorSpelling {
        let punctuator: JSPunctuator
        let word: UInt32
        let length: Int
    }

    /// The punctuators `next` does not take alone, longest first, grouped by first byte: those of byte `b` are
    /// `spellings[firstSpelling[b]..<firstSpelling[b + 1]]`. Plain values in one array: no retain per candidate.
    private static let spellingTable: (spellings: [PunctuatorSpelling], firstSpelling: [Int]) = {
        let sorted = JSPunctuator.all.map { ($0, Array($0.text.utf8)) }
            .sorted { ($0.1[0], $1.1.count) < ($1.1[0], $0.1.count) }
        var spellings: [PunctuatorSpelling] = []
        var firstSpelling = [Int](repeating: 0, count: 129)
        for (punctuator, bytes) in sorted where singleBytePunctuator(bytes[0]) == nil {
            let word = bytes.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
            spellings.append(PunctuatorSpelling(punctuator: punctuator, word: word, length: bytes.count))
            firstSpelling[Int(bytes[0]) + 1] = spellings.count
        }
        for byte in 1...128 { firstSpelling[byte] = max(firstSpelling[byte], firstSpelling[byte - 1]) }
        return (spellings, firstSpelling)
    }()

    /// A punctuator that is not a single-byte one (`next` takes those).
    private mutating func scanPunctuator() throws -> JSPunctuator {
        let first = bytes[index]
        if first < 0x80 {
            // The next (up to) four bytes, zeros past the end; no punctuator holds a zero byte.
            let start = index
            let word = UInt32(truncatingIfNeeded: bytes.withUnsafeBufferPointer { ByteScan.prefixWord($0, start, min(start + 4, $0.count)) })
            let (spellings, firstSpelling) = JSLexer.spellingTable
            for candidate in spellings[firstSpelling[Int(first)]..<firstSpelling[Int(first) + 1]]
            where word & UInt32(truncatingIfNeeded: (UInt64(1) << (8 * candidate.length)) - 1) == candidate.word {
                // `?.` followed by a digit is a conditional and a number (`a?.5:b`).
                if first == UInt8(ascii: "?"), candidate.punctuator == .optionalChain, peekIsDigit(2) { continue }
                index += candidate.length
                return candidate.punctuator
            }
        }
        throw error("unexpected character `\(JSLexer.visible(source.scalar(at: index).scalar))`", at: index)
    }

    /// Punctuators that begin no longer punctuator, found without searching the table.
    @inline(__always)
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

    @inline(never)
    static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }
}
