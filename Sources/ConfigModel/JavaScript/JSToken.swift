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

    /// Keywords by the first byte of their spelling, with that spelling's bytes.
    private static let byFirstByte: [[(keyword: JSKeyword, bytes: [UInt8])]] = {
        var table = [[(keyword: JSKeyword, bytes: [UInt8])]](repeating: [], count: 128)
        for keyword in allCases {
            let bytes = Array(keyword.rawValue.utf8)
            table[Int(bytes[0])].append((keyword, bytes))
        }
        return table
    }()

    /// The keyword spelled by `bytes[start..<end]` (ASCII name characters), if any.
    /// `borrowing`: an initializer owns its arguments, so the lexer retained and released its bytes for every name.
    init?(_ bytes: borrowing [UInt8], _ start: Int, _ end: Int) {
        let first = bytes[start]
        guard first < 0x80 else { return nil }
        candidates: for candidate in JSKeyword.byFirstByte[Int(first)] where candidate.bytes.count == end - start {
            for offset in 1..<candidate.bytes.count where bytes[start + offset] != candidate.bytes[offset] {
                continue candidates
            }
            self = candidate.keyword
            return
        }
        return nil
    }
}
