/// Parses JSON5 (the format Grouparoo reads `.json` config files with), keeping the source
/// position of every value. `JSON5` in Loading/ turns its errors into diagnostics.
struct JSON5Parser {
    let source: SourceText
    var index = 0
    var depth = 0
    var scalars: [Unicode.Scalar] { source.scalars }

    init(source: SourceText) {
        self.source = source
    }

    func error(_ message: String, at position: Int) -> ReadError {
        ReadError(.syntax, "invalid JSON5: " + message, at: source.position(of: position))
    }

    func unexpected(at position: Int) -> ReadError {
        guard position < scalars.count else { return error("unexpected end of file", at: position) }
        return error("unexpected character `\(JSLexer.visible(scalars[position]))`", at: position)
    }

    mutating func parseDocument() throws -> LocatedValue {
        try skipTrivia()
        let value = try parseValue()
        try skipTrivia()
        if index < scalars.count { throw unexpected(at: index) }
        return value
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        switch scalar {
        case "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}": return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    private mutating func skipTrivia() throws {
        while index < scalars.count {
            let scalar = scalars[index]
            if JSON5Parser.isWhitespace(scalar) {
                index += 1
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, !SourceText.isLineTerminator(scalars[index]) { index += 1 }
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                let start = index
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    index += 1
                }
                if index >= scalars.count { throw error("unterminated comment: `/*` has no closing `*/`", at: start) }
                index += 2
            } else if scalar == "/" {
                throw unexpected(at: index)
            } else {
                return
            }
        }
    }

    private mutating func parseValue() throws -> LocatedValue {
        let start = index
        guard index < scalars.count else { throw error("unexpected end of file, expected a value", at: index) }
        let scalar = scalars[index]
        switch scalar {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"", "'":
            let text = try parseString()
            return LocatedValue(.string(text), span: source.span(start, index))
        default:
            break
        }
        if scalar == "+" || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            || scalar == "I" || scalar == "N" {
            let number = try parseNumber()
            return LocatedValue(.number(number), span: source.span(start, index))
        }
        for (word, value) in [("true", JSValue.boolean(true)), ("false", .boolean(false)), ("null", .null)] where matchesWord(word) {
            index += word.unicodeScalars.count
            return LocatedValue(value, span: source.span(start, index))
        }
        throw unexpected(at: index)
    }

    private func matchesWord(_ word: String) -> Bool {
        var at = index
        for scalar in word.unicodeScalars {
            guard at < scalars.count, scalars[at] == scalar else { return false }
            at += 1
        }
        return at >= scalars.count || !JSLexer.isIdentifierPart(scalars[at])
    }

    private mutating func enterNesting() throws {
        depth += 1
        if depth > LocatedValue.maximumDepth {
            throw error("nesting is too deep (more than \(LocatedValue.maximumDepth) levels)", at: index)
        }
    }

    private mutating func parseObject() throws -> LocatedValue {
        let start = index
        try enterNesting()
        index += 1
        var object = JSObject()
        try skipTrivia()
        while index < scalars.count, scalars[index] != "}" {
            let keyStart = index
            let key: String
            if scalars[index] == "\"" || scalars[index] == "'" {
                key = try parseString()
            } else {
                key = try parseIdentifierName()
            }
            let keySpan = source.span(keyStart, index)
            try skipTrivia()
            guard index < scalars.count, scalars[index] == ":" else { throw unexpected(at: index) }
            index += 1
            try skipTrivia()
            object.set(key, try parseValue(), keySpan: keySpan)
            try skipTrivia()
            guard index < scalars.count, scalars[index] == "," else { break }
            index += 1
            try skipTrivia()
        }
        guard index < scalars.count, scalars[index] == "}" else {
            throw index < scalars.count ? unexpected(at: index) : error("unterminated object: missing `}`", at: start)
        }
        index += 1
        depth -= 1
        return LocatedValue(.object(object), span: source.span(start, index))
    }

    private mutating func parseArray() throws -> LocatedValue {
        let start = index
        try enterNesting()
        index += 1
        var elements: [LocatedValue] = []
        try skipTrivia()
        while index < scalars.count, scalars[index] != "]" {
            elements.append(try parseValue())
            try skipTrivia()
            guard index < scalars.count, scalars[index] == "," else { break }
            index += 1
            try skipTrivia()
        }
        guard index < scalars.count, scalars[index] == "]" else {
            throw index < scalars.count ? unexpected(at: index) : error("unterminated array: missing `]`", at: start)
        }
        index += 1
        depth -= 1
        return LocatedValue(.array(elements), span: source.span(start, index))
    }
}
