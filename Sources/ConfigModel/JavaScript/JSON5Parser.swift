/// Parses JSON5 (the format Grouparoo reads `.json` config files with), keeping the source
/// position of every value. `JSON5` in Loading/ turns its errors into diagnostics.
struct JSON5Parser {
    let source: SourceText
    var index = 0
    var depth = 0
    let bytes: [UInt8]
    /// Objects and arrays are built in room reused from one to the next (one per nesting level under way) and
    /// copied out at their exact size: appending leaves up to twice the room, and every value is kept.
    private var spareObjects: [JSObject] = []
    private var spareArrays: [[LocatedValue]] = []
    /// Where the room goes back to when the document is read, for the next file on this worker.
    private let scratch: JSON5Scratch
    /// Values are read front to back, so each span's start and end is found from the line of the last one.
    private var lines = SourceText.LineCursor()
    /// A big file's long plain keys (`JSON5KeyTable`), so a key met again is not built again and equal keys
    /// share one String.
    var keys: JSON5KeyTable

    init(source: SourceText, scratch: JSON5Scratch = JSON5Scratch()) {
        self.source = source
        self.bytes = source.bytes
        self.keys = JSON5KeyTable(byteCount: source.bytes.count)
        self.scratch = scratch
        swap(&spareObjects, &scratch.spareObjects)
        swap(&spareArrays, &scratch.spareArrays)
    }

    /// True when the byte at `offset` is the ASCII character `character`.
    func byte(at offset: Int, is character: Unicode.Scalar) -> Bool {
        offset < bytes.count && bytes[offset] == UInt8(truncatingIfNeeded: character.value)
    }

    /// The position of the byte the reader is at (inlined: asked twice for every value and key).
    @inline(__always)
    private mutating func here() -> TextPosition {
        source.position(of: index, after: &lines)
    }

    /// The span from byte `start`, at `position`, to where the reader is.
    private mutating func span(from start: Int, at position: TextPosition) -> SourceSpan {
        source.span(from: start, at: position, to: here())
    }

    func error(_ message: String, at position: Int) -> ReadError {
        ReadError(.syntax, "invalid JSON5: " + message, at: source.position(of: position))
    }

    func unexpected(at position: Int) -> ReadError {
        guard position < bytes.count else { return error("unexpected end of file", at: position) }
        return error("unexpected character `\(JSLexer.visible(source.scalar(at: position).scalar))`", at: position)
    }

    mutating func parseDocument() throws -> LocatedValue {
        defer {
            swap(&spareObjects, &scratch.spareObjects)
            swap(&spareArrays, &scratch.spareArrays)
        }
        try skipTrivia()
        let value = try parseValue()
        try skipTrivia()
        if index < bytes.count { throw unexpected(at: index) }
        return value
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        switch scalar {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}": return true
        default: return JSLexer.isSpaceSeparator(scalar)
        }
    }

    /// Most calls find a token right away (after `:` `,` or a value): only a space, control, `/` or non-ASCII
    /// byte needs the full loop.
    @inline(__always)
    private mutating func skipTrivia() throws {
        if index < bytes.count, bytes[index] > 0x20, bytes[index] < 0x80, bytes[index] != UInt8(ascii: "/") { return }
        try skipTriviaRun()
    }

    private mutating func skipTriviaRun() throws {
        while index < bytes.count {
            index = bytes.withUnsafeBufferPointer { ByteScan.plainWhitespaceEnd($0, from: index) }
            guard index < bytes.count else { return }
            let lead = bytes[index]
            // Any other ASCII byte but `/` and the two rare space controls starts a token.
            if lead < 0x80, lead != UInt8(ascii: "/"), lead != 0x0B, lead != 0x0C { return }
            let (scalar, length) = source.scalar(at: index)
            if JSON5Parser.isWhitespace(scalar) {
                index += length
            } else if scalar == "/", byte(at: index + 1, is: "/") {
                index = ByteScan.lineTerminator(in: bytes, from: index + 2)
            } else if scalar == "/", byte(at: index + 1, is: "*") {
                guard let end = ByteScan.blockCommentEnd(in: bytes, from: index + 2).end else {
                    throw error("unterminated comment: `/*` has no closing `*/`", at: index)
                }
                index = end
            } else if scalar == "/" {
                throw unexpected(at: index)
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws -> LocatedValue {
        guard index < bytes.count else { throw error("unexpected end of file, expected a value", at: index) }
        let start = index
        let position = here()
        let scalar = Unicode.Scalar(bytes[index])
        switch scalar {
        case "{": return try parseObject(at: position)
        case "[": return try parseArray(at: position)
        case "\"", "'":
            let text = try parseString()
            return LocatedValue(.string(text), span: span(from: start, at: position))
        default:
            break
        }
        if scalar == "+" || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            || scalar == "I" || scalar == "N" {
            let number = try parseNumber()
            return LocatedValue(.number(number), span: span(from: start, at: position))
        }
        let word: (text: String, value: JSValue)? = switch scalar {
        case "t": ("true", .boolean(true))
        case "f": ("false", .boolean(false))
        case "n": ("null", .null)
        default: nil
        }
        guard let word, matchesWord(word.text) else { throw unexpected(at: index) }
        index += word.text.utf8.count
        return LocatedValue(word.value, span: span(from: start, at: position))
    }

    private func matchesWord(_ word: String) -> Bool {
        var at = index
        for byte in word.utf8 {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
        }
        return at >= bytes.count || !JSLexer.isIdentifierPart(source.scalar(at: at).scalar)
    }

    private mutating func enterNesting() throws {
        depth += 1
        if depth > LocatedValue.maximumDepth {
            throw error("nesting is too deep (more than \(LocatedValue.maximumDepth) levels)", at: index)
        }
    }

    /// The object whose `{` the reader is at, at `position`.
    private mutating func parseObject(at position: TextPosition) throws -> LocatedValue {
        let start = index
        try enterNesting()
        index += 1
        var object = spareObjects.popLast() ?? JSObject()
        try skipTrivia()
        while index < bytes.count, bytes[index] != UInt8(ascii: "}") {
            let keyStart = index
            let keyPosition = here()
            let key = try parseKey()
            let keySpan = span(from: keyStart, at: keyPosition)
            try skipTrivia()
            guard byte(at: index, is: ":") else { throw unexpected(at: index) }
            index += 1
            try skipTrivia()
            object.set(key, try parseValue(), keySpan: keySpan)
            try skipTrivia()
            guard byte(at: index, is: ",") else { break }
            index += 1
            try skipTrivia()
        }
        guard byte(at: index, is: "}") else {
            throw index < bytes.count ? unexpected(at: index) : error("unterminated object: missing `}`", at: start)
        }
        index += 1
        depth -= 1
        let built = JSObject(exactCopyOf: object)
        object.removeAllKeepingCapacity()
        spareObjects.append(object)
        return LocatedValue(.object(built), span: span(from: start, at: position))
    }

    /// The array whose `[` the reader is at, at `position`.
    private mutating func parseArray(at position: TextPosition) throws -> LocatedValue {
        let start = index
        try enterNesting()
        index += 1
        var elements = spareArrays.popLast() ?? []
        try skipTrivia()
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            elements.append(try parseValue())
            try skipTrivia()
            guard byte(at: index, is: ",") else { break }
            index += 1
            try skipTrivia()
        }
        guard byte(at: index, is: "]") else {
            throw index < bytes.count ? unexpected(at: index) : error("unterminated array: missing `]`", at: start)
        }
        index += 1
        depth -= 1
        let built = Array(exactCopyOf: elements)
        elements.removeAll(keepingCapacity: true)
        spareArrays.append(elements)
        return LocatedValue(.array(built), span: span(from: start, at: position))
    }
}

/// The room a worker's JSON5 reader builds objects and arrays in, kept from one file to the next: most config
/// files are small, and growing new room for each one cost more than reading its values.
final class JSON5Scratch {
    fileprivate var spareObjects: [JSObject] = []
    fileprivate var spareArrays: [[LocatedValue]] = []
}
