/// One JavaScript token with its place in the source.
struct JSToken {
    enum Kind: Equatable {
        /// An identifier that is not spelled like a keyword, or any name written with a `\u` escape.
        case name(String)
        /// A name spelled like a (possibly contextual) keyword; the parser decides whether it acts as one.
        case keyword(JSKeyword)
        case punctuator(JSPunctuator)
        case number(Double)
        case string(String)
        /// A template piece: text up to a `${` (`isTail == false`) or up to the closing backquote.
        /// `cooked` is nil when the piece has an escape JavaScript only allows in tagged templates.
        case template(cooked: String?, isTail: Bool)
        case endOfFile
    }

    var kind: Kind
    /// Byte offsets of the token's first byte and one past its last.
    var start: Int
    var end: Int
    /// True when a line terminator separates this token from the previous one (for semicolon insertion).
    var newlineBefore: Bool

    func `is`(_ punctuator: JSPunctuator) -> Bool {
        if case .punctuator(let found) = kind { return found == punctuator }
        return false
    }

    func `is`(_ keyword: JSKeyword) -> Bool {
        if case .keyword(let found) = kind { return found == keyword }
        return false
    }

    /// Whether the token is `,` `)` `]` `}` or `;`, none of which can continue an expression.
    var endsExpression: Bool {
        switch kind {
        case .punctuator(.comma), .punctuator(.closeParen), .punctuator(.closeBracket), .punctuator(.closeBrace),
             .punctuator(.semicolon):
            return true
        default:
            return false
        }
    }

    /// Whether the token is a name or keyword, i.e. `name` is not nil (without building the String).
    var isName: Bool {
        switch kind {
        case .name, .keyword: return true
        default: return false
        }
    }

    /// The name a name or keyword token spells (keywords are valid property names).
    var name: String? {
        switch kind {
        case .name(let text): return text
        case .keyword(let keyword): return keyword.rawValue
        default: return nil
        }
    }
}

/// Every punctuator, operators included; operator tokens carry the operator they stand for,
/// so the operator tables in JSOperators.swift are the one place their text is written.
enum JSPunctuator: Hashable, Sendable {
    case openBrace, closeBrace, openParen, closeParen, openBracket, closeBracket
    case semicolon, comma, dot, spread, question, optionalChain, colon, arrow, at, hash
    case not, bitwiseNot, increment, decrement
    case binary(JSBinaryOperator)
    case assignment(JSAssignmentOperator)

    static let all: [JSPunctuator] = [
        .openBrace, .closeBrace, .openParen, .closeParen, .openBracket, .closeBracket,
        .semicolon, .comma, .dot, .spread, .question, .optionalChain, .colon, .arrow, .at, .hash,
        .not, .bitwiseNot, .increment, .decrement, .assignment(.assign),
    ] + JSBinaryOperator.allCases.filter { $0 != .in && $0 != .instanceOf }.map { .binary($0) }
        + JSBinaryOperator.allCases.filter(\.isCompoundAssignable).map { .assignment(.compound($0)) }

    var text: String {
        switch self {
        case .openBrace: return "{"
        case .closeBrace: return "}"
        case .openParen: return "("
        case .closeParen: return ")"
        case .openBracket: return "["
        case .closeBracket: return "]"
        case .semicolon: return ";"
        case .comma: return ","
        case .dot: return "."
        case .spread: return "..."
        case .question: return "?"
        case .optionalChain: return "?."
        case .colon: return ":"
        case .arrow: return "=>"
        case .at: return "@"
        case .hash: return "#"
        case .not: return "!"
        case .bitwiseNot: return "~"
        case .increment: return "++"
        case .decrement: return "--"
        case .binary(let op): return op.text
        case .assignment(let op): return op.text
        }
    }
}

/// Names the parser treats specially somewhere. The lexer recognises them from the bytes,
/// so the parser compares small enums instead of Strings.
enum JSKeyword: String, CaseIterable, Sendable {
    case `async`, await, `break`, `case`, `catch`, `class`, const, `continue`, debugger, `default`, delete, `do`
    case `else`, `enum`, export, extends, `false`, finally, `for`, function, get, `if`, `import`, `in`, instanceof
    case `let`, new, null, `return`, set, `super`, `switch`, this, `throw`, `true`, `try`, `typeof`, `var`, void
    case `while`, with, yield

    /// One slot of the keyword table: a spelling's first eight bytes as a little-endian word, its length (0: empty).
    private struct Slot {
        var word: UInt64 = 0
        var length = 0
        var keyword = JSKeyword.async
    }

    /// Keywords by a hash of their first eight bytes, open addressing in 128 slots (a third used), so a name
    /// costs one hash and usually one comparison of a word instead of a byte loop per candidate.
    private static let table: [Slot] = {
        var table = [Slot](repeating: Slot(), count: 128)
        for keyword in allCases {
            let bytes = Array(keyword.rawValue.utf8)
            let word = prefixWord(bytes, 0, bytes.count)
            var slot = slot(of: word)
            while table[slot].length != 0 { slot = (slot + 1) & 127 }
            table[slot] = Slot(word: word, length: bytes.count, keyword: keyword)
        }
        return table
    }()

    @inline(__always)
    private static func prefixWord(_ bytes: borrowing [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteScan.prefixWord($0, start, end) }
    }

    private static func slot(of word: UInt64) -> Int { Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 57) }

    /// The keyword spelled by `bytes[start..<end]` (ASCII name characters), if any.
    /// `borrowing`: an initializer owns its arguments, so the lexer retained and released its bytes for every name.
    @inline(__always)
    init?(_ bytes: borrowing [UInt8], _ start: Int, _ end: Int) {
        // Every keyword is 2 to 10 lower-case letters: other names need no look-up.
        let length = end - start
        guard length >= 2, length <= 10, bytes[start] &- UInt8(ascii: "a") < 26 else { return nil }
        let word = JSKeyword.prefixWord(bytes, start, end)
        var slot = JSKeyword.slot(of: word)
        while true {
            let entry = JSKeyword.table[slot]
            if entry.length == 0 { return nil }
            if entry.word == word, entry.length == length, length <= 8 || JSKeyword.endsLike(entry.keyword, bytes, start, end) {
                self = entry.keyword
                return
            }
            slot = (slot + 1) & 127
        }
    }

    /// Whether the bytes after the first eight match the keyword's (`instanceof`, the one longer keyword).
    private static func endsLike(_ keyword: JSKeyword, _ bytes: borrowing [UInt8], _ start: Int, _ end: Int) -> Bool {
        let spelling = keyword.rawValue.utf8
        return zip(spelling.dropFirst(8), bytes[(start + 8)..<end]).allSatisfy { $0 == $1 }
    }
}
