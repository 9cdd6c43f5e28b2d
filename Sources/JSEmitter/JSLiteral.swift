/// A JavaScript literal value that `JSPrinter` can write as source text.
///
/// This is deliberately *not* a general JavaScript AST: it holds only what generated config
/// files need. Everything except `.environmentVariable` is plain data, so a value taken from
/// user input (an id, a name, a column) can never become code: the printer escapes it.
public indirect enum JSLiteral: Sendable, Equatable {
    case string(String)
    /// A string given as UTF-16 code units, for the rare text Swift's `String` cannot hold
    /// (lone surrogates). Printed with the same escaping as `.string`.
    case utf16String([UInt16])
    /// Printed the way JavaScript's `Number.prototype.toString` writes it (`900000`, `0.5`,
    /// `1e+21`, `-0`). NaN and infinities have no literal; printing them throws.
    case number(Double)
    case boolean(Bool)
    case null
    /// Printed as `undefined`; a key holding it exists in source but vanishes from JSON.
    case undefined
    case array([JSLiteral])
    /// Members keep their order; keys are quoted only when they are not identifiers.
    case object([JSObjectMember])
    /// `process.env.NAME` (or `process.env["NAME"]` when NAME is not an identifier): the
    /// only non-literal expression, so secrets can live in the environment instead of the file.
    case environmentVariable(String)

    /// An object from key/value pairs, without comments.
    public static func object(_ pairs: KeyValuePairs<String, JSLiteral>) -> JSLiteral {
        .object(pairs.map { JSObjectMember($0.key, $0.value) })
    }

    /// An array of strings.
    public static func strings(_ values: [String]) -> JSLiteral {
        .array(values.map { .string($0) })
    }
}

/// One `key: value` entry of an object literal, optionally followed by a `// comment`.
public struct JSObjectMember: Sendable, Equatable {
    public var key: String
    public var value: JSLiteral
    /// Written after the entry as a line comment. Line breaks in it are replaced by spaces,
    /// so a comment can never end early and turn its remainder into code.
    public var comment: String?
    /// Written as a `//` line comment: an example the user can enable, which is not part of the value.
    public var isCommentedOut: Bool

    public init(_ key: String, _ value: JSLiteral, comment: String? = nil, commentedOut: Bool = false) {
        self.key = key
        self.value = value
        self.comment = comment
        self.isCommentedOut = commentedOut
    }
}

extension JSLiteral: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    /// `nil` is JavaScript `null`.
    public init(nilLiteral: ()) { self = .null }
}
