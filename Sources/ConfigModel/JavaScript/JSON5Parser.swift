import Foundation

/// Parses JSON5 (the format Grouparoo reads `.json` config files with), keeping the source
/// position of every value. `JSON5` in Loading/ turns its errors into diagnostics.
struct JSON5Parser {
    let source: SourceText
    var index = 0
    var depth = 0
    let bytes: [UInt8]
    /// The properties of the objects under way, each object's above its parent's (and so the elements of the arrays
    /// under way): a finished one is moved out into an array of exactly its size (appending leaves up to twice
    /// the room, and every value is kept), and the room is reused for the next. Shared with the worker's scratch.
    private let openProperties: ScratchStack<JSProperty>
    private let openElements: ScratchStack<LocatedValue>
    /// Where the keys in `openProperties` lie in `bytes` while every key of their object is plain ASCII, so a
    /// repeated key is found by comparing bytes.
    private var openKeys: [Range<Int>] = []
    /// Where the room goes back to when the document is read, for the next file on this worker.
    private let scratch: JSON5Scratch
    /// Values are read front to back, so each span's start and end is found from the line of the last one.
    private var lines = SourceText.LineCursor()
    /// The worker's plain strings (`PlainStringTable`), so a key or value met again is not made again and equal ones
    /// share one String.
    var strings = PlainStringTable()

    /// `source` is consumed: a copy retained each of its buffers, and the reader's end released them again.
    init(source: consuming SourceText, scratch: JSON5Scratch = JSON5Scratch()) {
        self.bytes = source.bytes
        self.source = source
        self.scratch = scratch
        openProperties = scratch.properties
        openElements = scratch.elements
        swapScratch()
    }

    /// Takes the worker's key and string tables, or gives them back (the stacks of values under way are shared).
    private mutating func swapScratch() {
        swap(&openKeys, &scratch.keys)
        swap(&strings, &scratch.strings)
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

    /// `span(from:at:)` when the bytes from `start` to the reader are ASCII and end no line (a plain key or
    /// string, a number, a word): the end is as many columns on, found without a look-up.
    private func spanOnOneLine(from start: Int, at position: TextPosition) -> SourceSpan {
        source.span(from: start, at: position, asciiLength: index - start)
    }

    func error(_ message: String, at position: Int) -> ReadError {
        ReadError(.syntax, "invalid JSON5: " + message, at: source.position(of: position))
    }

    func unexpected(at position: Int) -> ReadError {
        guard position < bytes.count else { return error("unexpected end of file", at: position) }
        return error("unexpected character `\(JSLexer.visible(source.scalar(at: position).scalar))`", at: position)
    }

    mutating func parseDocument() throws -> LocatedValue {
        // The stacks are the worker's, shared by every document it reads: one document at a time, never nested.
        precondition(openProperties.count == 0 && openElements.count == 0, "a JSON5 document read inside another")
        defer {
            // An error leaves the values under way behind.
            openProperties.removeAll()
            openElements.removeAll()
            if !openKeys.isEmpty { openKeys.removeAll(keepingCapacity: true) }
            swapScratch()
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

    /// Most calls find a token right away (after `:` `,` or a value) or after a line break and indentation, skipped
    /// here byte by byte: only a comment, a rare control or non-ASCII byte needs the full loop.
    @inline(__always)
    private mutating func skipTrivia() throws {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else if byte > 0x20, byte < 0x80, byte != UInt8(ascii: "/") {
                return
            } else {
                break
            }
        }
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
            // A plain ASCII string (nearly all) is its bytes, on one line.
            let quote = bytes[index]
            let end = ByteScan.quotedASCIITextEnd(in: bytes, from: index + 1, quote: quote)
            if end < bytes.count, bytes[end] == quote {
                let text = strings.string(bytes, index + 1, end)
                index = end + 1
                return LocatedValue(.string(text), span: spanOnOneLine(from: start, at: position))
            }
            let text = try parseString()
            return LocatedValue(.string(text), span: span(from: start, at: position))
        default:
            break
        }
        if scalar == "+" || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            || scalar == "I" || scalar == "N" {
            let number = try parseNumber()
            return LocatedValue(.number(number), span: spanOnOneLine(from: start, at: position))
        }
        let word: (text: StaticString, value: JSValue)? = switch scalar {
        case "t": ("true", .boolean(true))
        case "f": ("false", .boolean(false))
        case "n": ("null", .null)
        default: nil
        }
        guard let word, matches(word.text) else { throw unexpected(at: index) }
        let end = index + word.text.utf8CodeUnitCount
        guard end >= bytes.count || !JSLexer.isIdentifierPart(source.scalar(at: end).scalar) else { throw unexpected(at: index) }
        index = end
        return LocatedValue(word.value, span: spanOnOneLine(from: start, at: position))
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
        let firstProperty = openProperties.count
        let firstKey = openKeys.count
        // Built with `JSObject.set` from the first key that needs JavaScript's rules on (not plain ASCII, an array
        // index, or written before); until then each property is appended as read.
        var general = JSObject()
        var isGeneral = false
        try skipTrivia()
        while index < bytes.count, bytes[index] != UInt8(ascii: "}") {
            let keyStart = index
            let keyPosition = here()
            let (key, plainASCII) = try parseKey()
            let keySpan = plainASCII == nil ? span(from: keyStart, at: keyPosition) : spanOnOneLine(from: keyStart, at: keyPosition)
            try skipTrivia()
            guard byte(at: index, is: ":") else { throw unexpected(at: index) }
            index += 1
            try skipTrivia()
            let value = try parseValue()
            if !isGeneral, let plainASCII, Self.appendsInOrder(plainASCII, in: bytes, after: openKeys, from: firstKey) {
                openKeys.append(plainASCII)
                openProperties.push(JSProperty(key: key, keySpan: keySpan, value: consume value))
            } else {
                if !isGeneral {
                    general = JSObject(orderedDistinct: openProperties.moveOut(from: firstProperty))
                    isGeneral = true
                }
                general.set(key, value, keySpan: keySpan)
            }
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
        // `removeLast`, not `removeSubrange(firstKey...)`: the generic range removal cost some eighty instructions an object.
        openKeys.removeLast(openKeys.count - firstKey)
        let built = isGeneral ? JSObject(exactCopyOf: general) : JSObject(orderedDistinct: openProperties.moveOut(from: firstProperty))
        return LocatedValue(.object(built), span: span(from: start, at: position))
    }

    /// Whether the plain key whose text lies at `key` in `bytes` goes after the object's properties as it is: it is no
    /// array index (those go first) and not one of the object's keys so far, `keys` from `first` on. Static: a method
    /// was handed a copy of the whole reader for every key.
    private static func appendsInOrder(_ key: Range<Int>, in bytes: [UInt8], after keys: [Range<Int>], from first: Int) -> Bool {
        if !key.isEmpty, JSLexer.isDigit(bytes[key.lowerBound]) { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for other in first..<keys.count {
                let written = keys[other]
                if written.count == key.count, key.isEmpty || buffer[written.lowerBound] == buffer[key.lowerBound],
                   memcmp(buffer.baseAddress! + written.lowerBound, buffer.baseAddress! + key.lowerBound, key.count) == 0 {
                    return false
                }
            }
            return true
        }
    }

    /// The array whose `[` the reader is at, at `position`.
    private mutating func parseArray(at position: TextPosition) throws -> LocatedValue {
        let start = index
        try enterNesting()
        index += 1
        let first = openElements.count
        try skipTrivia()
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            let element = try parseValue()
            openElements.push(element)
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
        return LocatedValue(.array(openElements.moveOut(from: first)), span: span(from: start, at: position))
    }
}

/// The room a worker's JSON5 reader builds objects and arrays in, kept from one file to the next: most config
/// files are small, and growing new room for each one cost more than reading its values.
final class JSON5Scratch {
    fileprivate let properties = ScratchStack<JSProperty>()
    fileprivate let elements = ScratchStack<LocatedValue>()
    fileprivate var keys: [Range<Int>] = []
    fileprivate var strings = PlainStringTable()
}

/// A stack of values in memory of its own, kept from file to file: `moveOut` hands the values from a place on over
/// into an array of exactly their count, moved rather than copied. An `Array` as the stack cost more: cutting its
/// tail took a call per element, or a generic range removal of hundreds of instructions, and making the exact
/// array with `init(unsafeUninitializedCapacity:)` looked up its storage type's metadata every time.
final class ScratchStack<Element> {
    // One reader uses the stack at a time, on one thread (the run-time exclusivity check cost a call per access).
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private var capacity = 64
    @exclusivity(unchecked) private(set) var count = 0

    init() { base = .allocate(capacity: capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Removes the values from `start` on (a count the stack had) and returns them in order.
    func moveOut(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count, "moveOut(from:) past the stack's values")
        var moved: [Element] = []
        moved.reserveCapacity(count - start)
        for index in start..<count { moved.append((base + index).move()) }
        count = start
        return moved
    }

    /// `moveOut(from:)` into memory of exactly their count which the caller owns: it moves the values on (or
    /// deinitializes them) and deallocates it. Moved on from an `Array`, they were copied and then released.
    func moveOutBuffer(from start: Int) -> UnsafeMutableBufferPointer<Element> {
        precondition(start >= 0 && start <= count, "moveOutBuffer(from:) past the stack's values")
        guard start < count else { return UnsafeMutableBufferPointer(start: nil, count: 0) }
        let moved = UnsafeMutableBufferPointer<Element>.allocate(capacity: count - start)
        moved.baseAddress!.moveInitialize(from: base + start, count: count - start)
        count = start
        return moved
    }

    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}
