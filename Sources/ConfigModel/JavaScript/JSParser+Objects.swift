/// Object literals: members, property keys, and the parse-time proof that a literal's keys are distinct.
extension JSParser {
    mutating func parseObjectLiteral() throws -> JSExpression {
        let start = token.start
        try advance()
        var members: [JSObjectMember] = []
        if !token.is(.closeBrace) { members.reserveCapacity(JSParser.initialObjectCapacity) }  // `{}` needs none
        let keysStart = keyRanges.count
        // One at a time: `removeLast(_:)` went through `replaceSubrange`, which allocated a new buffer every time.
        defer { while keyRanges.count > keysStart { keyRanges.removeLast() } }
        var keysAreDistinctNames = true
        while !token.is(.closeBrace) {
            if keysAreDistinctNames { keysAreDistinctNames = addDistinctKey(keysStart: keysStart) }
            members.append(try eat(.spread) ? JSObjectMember(key: nil, value: try parseAssignment()) : try parseObjectProperty())
            if !token.is(.closeBrace) {
                try expect(.comma, "or `}` in the object")
            }
        }
        try advance()
        return .object(members, keysAreDistinctNames: keysAreDistinctNames, JSRange(start: start, end: previousEnd))
    }

    /// Adds the key the current token starts to `keyRanges` when it is written out plainly (see `isPlainKey`) and is
    /// not there yet: then evaluation can append the property without looking for an earlier one. Keys are compared
    /// as source bytes, before the member is built, so the check copies no String. Objects longer than a config
    /// object usually is are left to the search.
    private mutating func addDistinctKey(keysStart: Int) -> Bool {
        guard keyRanges.count - keysStart < 32 else { return false }
        let key: Range<Int>
        switch token.kind {
        case .name, .keyword: key = token.start..<token.end
        case .string: key = token.start + 1..<token.end - 1
        default: return false
        }
        // A reference to the lexer's bytes first: `lexer.bytes.withUnsafeBufferPointer` copied the whole lexer.
        let source = lexer.bytes
        let isNew = source.withUnsafeBufferPointer { bytes in
            guard JSParser.isPlainKey(UnsafeBufferPointer(rebasing: bytes[key])) else { return false }
            for index in keysStart..<keyRanges.count where keyRanges[index].count == key.count {
                if JSParser.sameBytes(bytes, keyRanges[index].lowerBound, key.lowerBound, count: key.count) { return false }
            }
            return true
        }
        if isNew { keyRanges.append(key) }
        return isNew
    }

    /// Whether a key's bytes spell it exactly as a String would compare it: written without escapes and in ASCII
    /// (Swift compares other text by canonical equivalence, which bytes do not follow), neither empty nor starting
    /// with a digit (it could be an array index), and not `__proto__` (which sets the prototype).
    private static func isPlainKey(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = key.first, first &- UInt8(ascii: "0") >= 10 else { return false }
        for byte in key where byte >= 0x80 || byte == UInt8(ascii: "\\") { return false }
        // The first byte before the table: reaching a `static let` costs a call on every key.
        return !(first == UInt8(ascii: "_") && key.elementsEqual(protoKey))
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
