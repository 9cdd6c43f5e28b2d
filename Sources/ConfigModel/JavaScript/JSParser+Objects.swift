/// Object literals: members, property keys, and the parse-time proof that a literal's keys are distinct.
extension JSParser {
    mutating func parseObjectLiteral() throws -> JSExpression {
        let start = token.start
        try advance()
        var members: [JSObjectMember] = []
        if !token.is(.closeBrace) { members.reserveCapacity(JSParser.initialObjectCapacity) }  // `{}` needs none
        let keysStart = distinctKeys.count
        // One at a time: `removeLast(_:)` went through `replaceSubrange`, which allocated a new buffer every time.
        defer { while distinctKeys.count > keysStart { distinctKeys.removeLast() } }
        var keysAreDistinctNames = true
        var seenKeys: UInt64 = 0
        while !token.is(.closeBrace) {
            if keysAreDistinctNames { keysAreDistinctNames = addDistinctKey(keysStart: keysStart, seen: &seenKeys) }
            members.append(try eat(.spread) ? JSObjectMember(key: nil, value: try parseAssignment()) : try parseObjectProperty())
            if !token.is(.closeBrace) {
                try expect(.comma, "or `}` in the object")
            }
        }
        try advance()
        return .object(members, keysAreDistinctNames: keysAreDistinctNames, JSRange(start: start, end: previousEnd))
    }

    /// Adds the key the current token starts to `distinctKeys` when it is written out plainly (see `plainKey`) and is
    /// not there yet: then evaluation can append the property without looking for an earlier one. Keys are compared
    /// as source bytes, before the member is built, so the check copies no String. `seen` has a bit set for each key of
    /// the object by a hash of its first word: a key whose bit is clear is new without a comparison. Objects longer
    /// than a config object usually is are left to the search.
    private mutating func addDistinctKey(keysStart: Int, seen: inout UInt64) -> Bool {
        guard distinctKeys.count - keysStart < 32 else { return false }
        let key: Range<Int>
        switch token.kind {
        case .name, .keyword: key = token.start..<token.end
        case .string: key = token.start + 1..<token.end - 1
        default: return false
        }
        // A reference to the lexer's bytes first: `lexer.bytes.withUnsafeBufferPointer` copied the whole lexer.
        let source = lexer.bytes
        guard let found = source.withUnsafeBufferPointer({ JSParser.plainKey($0, key) }) else { return false }
        let bit: UInt64 = 1 &<< ((found.head &* 0x9E37_79B9_7F4A_7C15) &>> 58)
        if seen & bit != 0 {
            let isRepeated = source.withUnsafeBufferPointer { bytes in
                distinctKeys[keysStart...].contains { other in
                    // Equal first words and lengths: a key of up to eight bytes is the same, a longer one compares on.
                    other.head == found.head && other.count == found.count
                        && (found.count <= 8 || JSParser.sameBytes(bytes, other.start + 8, found.start + 8, count: found.count - 8))
                }
            }
            if isRepeated { return false }
        }
        seen |= bit
        distinctKeys.append(found)
        return true
    }

    /// The key `bytes[key]` when its bytes spell it exactly as a String would compare it: written without escapes and
    /// in ASCII (Swift compares other text by canonical equivalence, which bytes do not follow), neither empty nor
    /// starting with a digit (it could be an array index), and not `__proto__` (which sets the prototype). Its bytes
    /// are checked a word at a time.
    @inline(__always)
    private static func plainKey(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) -> JSDistinctKey? {
        let (start, end) = (key.lowerBound, key.upperBound)
        guard start < end, bytes[start] &- UInt8(ascii: "0") >= 10 else { return nil }
        let head = ByteScan.prefixWord(bytes, start, end)
        var word = head
        var offset = start
        while true {
            if word & ByteScan.highBits != 0 || ByteScan.holds(word, UInt8(ascii: "\\")) { return nil }
            offset += 8
            if offset >= end { break }
            word = ByteScan.prefixWord(bytes, offset, end)
        }
        // The first byte before the table: reaching a `static let` costs a call on every key.
        if bytes[start] == UInt8(ascii: "_"), UnsafeBufferPointer(rebasing: bytes[key]).elementsEqual(protoKey) { return nil }
        return JSDistinctKey(start: start, count: end - start, head: head)
    }

    private static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ second: Int, count: Int) -> Bool {
        for offset in 0..<count where bytes[first + offset] != bytes[second + offset] { return false }
        return true
    }

    private static let protoKey = Array("__proto__".utf8)

    mutating func parsePropertyKey() throws -> JSPropertyKey {
        let start = token.start
        switch token.kind {
        case .name, .keyword, .string:
            let name = try advancePastText()
            return .fixed(name, JSRange(start: start, end: previousEnd))
        case .number(let value):
            try advance()
            return .fixed(JSConversions.numberToString(value), JSRange(start: start, end: previousEnd))
        case .punctuator(.openBracket):
            try advance()
            let key = try parseAssignment()
            try expect(.closeBracket, "to close the computed key")
            return .computed(key)
        default:
            throw unexpected(expecting: "a property name")
        }
    }

    private mutating func parseObjectProperty() throws -> JSObjectMember {
        let start = token.start
        if token.is(.get) || token.is(.set) || token.is(.async) {
            let saved = (lexer.state, token, previousEnd)
            try advance()
            let isAccessor = !token.is(.comma) && !token.is(.colon) && !token.is(.openParen)
                && !token.is(.closeBrace) && !token.is(.assignment(.assign))
            (lexer.state, token, previousEnd) = saved
            if isAccessor { throw unsupported(token.is(.async) ? "async method" : "getter or setter", at: start) }
        }
        if token.is(.binary(.multiply)) { throw unsupported("generator method", at: start) }
        let keyIsPlainName = token.isName
        let key = try parsePropertyKey()
        if try eat(.colon) {
            return JSObjectMember(key: key, value: try parseAssignment())
        }
        if token.is(.openParen) {
            let (parameters, rest) = try parseParameterList()
            let body = try parseFunctionBlock()
            var name: String?
            if case .fixed(let text, _) = key { name = text }
            let function = JSFunctionNode(name: name, parameters: parameters, restParameter: rest, body: .block(body),
                                          isArrow: false, range: JSRange(start: start, end: previousEnd))
            return JSObjectMember(key: key, value: .function(function))
        }
        // Shorthand `{ name }`: only a plain identifier may stand alone.
        guard case .fixed(let name, let range) = key, keyIsPlainName else {
            throw unexpected(expecting: "`:` after the property name")
        }
        if token.is(.assignment(.assign)) { throw lexer.error("`=` is only allowed in destructuring patterns", at: token.start) }
        return JSObjectMember(key: key, value: .identifier(name, range))
    }
}

/// A written-out key of an object literal being parsed: where its bytes lie in the source, and its first eight bytes
/// (zeros after a shorter key's last) as a word, which tells most keys of the same length apart in one comparison.
struct JSDistinctKey {
    let start: Int
    let count: Int
    let head: UInt64
}
