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

    private static let table = SpellingTable(allCases.map { ($0.rawValue, $0) })

    /// The keyword spelled by `bytes[start..<end]` (ASCII name characters), if any.
    init?(_ bytes: [UInt8], _ start: Int, _ end: Int) {
        guard end - start <= JSKeyword.table.longestCount,
              let (keyword, _) = JSKeyword.table.entry(in: bytes, at: start, available: end - start, exactly: true) else { return nil }
        self = keyword
    }
}

/// Spellings of at most 16 bytes (keywords, punctuators) grouped by first byte in one flat array of plain
/// values: a look-up compares a few packed words and touches no reference-counted storage.
struct SpellingTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int
        var value: Value
    }

    private let entries: [Entry]
    /// The longest spelling's length (at most 16): no look-up packs more bytes than that.
    let longestCount: Int
    /// Entries starting with byte `b` are `entries[groupStarts[b]..<groupStarts[b + 1]]`, longest first.
    private let groupStarts: [Int]

    init(_ spellings: [(text: String, value: Value)]) {
        var entries: [Entry] = []
        var groupStarts: [Int] = []
        let sorted = spellings.map { (Array($0.text.utf8), $0.value) }.sorted { $0.0.count > $1.0.count }
        for first in 0..<256 {
            groupStarts.append(entries.count)
            for (bytes, value) in sorted where bytes[0] == first {
                let (low, high) = SpellingTable.pack(bytes, 0, bytes.count)
                entries.append(Entry(low: low, high: high, count: bytes.count, value: value))
            }
        }
        groupStarts.append(entries.count)
        self.entries = entries
        self.groupStarts = groupStarts
        longestCount = entries.map(\.count).max() ?? 0
        precondition(longestCount <= 16, "spellings are packed into two words")
    }

    /// The longest spelling starting at `bytes[start]` within `available` bytes (of exactly that many when
    /// `exactly`), with its length.
    func entry(in bytes: [UInt8], at start: Int, available: Int, exactly: Bool) -> (value: Value, count: Int)? {
        let first = Int(bytes[start])
        // Packed once a candidate of a fitting length turns up (most names have none).
        var packed: (low: UInt64, high: UInt64)?
        // Indices rather than a slice: a slice would retain the entries' storage on every look-up.
        for index in groupStarts[first]..<groupStarts[first + 1] {
            let entry = entries[index]
            guard exactly ? entry.count == available : entry.count <= available else { continue }
            let (low, high) = packed ?? SpellingTable.pack(bytes, start, min(available, longestCount))
            packed = (low, high)
            if low & SpellingTable.mask(entry.count) == entry.low, high & SpellingTable.mask(entry.count - 8) == entry.high {
                return (entry.value, entry.count)
            }
        }
        return nil
    }

    /// The low `count` bytes set (none for zero or less, all for eight or more).
    private static func mask(_ count: Int) -> UInt64 {
        count <= 0 ? 0 : count >= 8 ? ~0 : (1 << (8 * UInt64(count))) - 1
    }

    /// `bytes[start..<start + count]` (at most 16) as two little-endian words, zeros past the end.
    private static func pack(_ bytes: [UInt8], _ start: Int, _ count: Int) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for offset in 0..<count {
            let byte = UInt64(bytes[start + offset]) << (8 * UInt64(offset & 7))
            if offset < 8 { low |= byte } else { high |= byte }
        }
        return (low, high)
    }
}
