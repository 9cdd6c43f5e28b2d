/// One JavaScript token with its place in the source.
struct JSToken {
    enum Kind: Equatable {
        /// An identifier or keyword (the parser decides which).
        case name(String)
        case punctuator(String)
        case number(Double)
        case string(String)
        /// A template piece: text up to a `${` (`isTail == false`) or up to the closing backquote.
        /// `cooked` is nil when the piece has an escape JavaScript only allows in tagged templates.
        case template(cooked: String?, isTail: Bool)
        case endOfFile
    }

    var kind: Kind
    /// Scalar indices of the token's first scalar and one past its last.
    var start: Int
    var end: Int
    /// True when a line terminator separates this token from the previous one (for semicolon insertion).
    var newlineBefore: Bool
    /// True when a name was written with a `\u` escape (such names are never keywords).
    var hasEscape = false

    func isPunctuator(_ text: String) -> Bool { kind == .punctuator(text) }

    func isName(_ text: String) -> Bool { kind == .name(text) && !hasEscape }

    var name: String? {
        if case .name(let text) = kind { return text }
        return nil
    }
}
