/// JavaScript's binary operators, each with its source text and precedence in one table (higher binds
/// tighter), so the parser, the evaluator and messages agree and a misspelt operator does not compile.
enum JSBinaryOperator: CaseIterable, Hashable, Sendable {
    case nullish, logicalOr, logicalAnd, bitwiseOr, bitwiseXor, bitwiseAnd
    case looseEqual, looseNotEqual, strictEqual, strictNotEqual
    case less, greater, lessOrEqual, greaterOrEqual, instanceOf, `in`
    case shiftLeft, shiftRight, unsignedShiftRight, add, subtract, multiply, divide, remainder, exponent

    /// Source text, precedence, and whether `text=` is a compound assignment (`+=`, `??=`, …).
    private var entry: (text: String, precedence: Int, assignable: Bool) {
        switch self {
        case .nullish: return ("??", 1, true)
        case .logicalOr: return ("||", 2, true)
        case .logicalAnd: return ("&&", 3, true)
        case .bitwiseOr: return ("|", 4, true)
        case .bitwiseXor: return ("^", 5, true)
        case .bitwiseAnd: return ("&", 6, true)
        case .looseEqual: return ("==", 7, false)
        case .looseNotEqual: return ("!=", 7, false)
        case .strictEqual: return ("===", 7, false)
        case .strictNotEqual: return ("!==", 7, false)
        case .less: return ("<", 8, false)
        case .greater: return (">", 8, false)
        case .lessOrEqual: return ("<=", 8, false)
        case .greaterOrEqual: return (">=", 8, false)
        case .instanceOf: return ("instanceof", 8, false)
        case .in: return ("in", 8, false)
        case .shiftLeft: return ("<<", 9, true)
        case .shiftRight: return (">>", 9, true)
        case .unsignedShiftRight: return (">>>", 9, true)
        case .add: return ("+", 10, true)
        case .subtract: return ("-", 10, true)
        case .multiply: return ("*", 11, true)
        case .divide: return ("/", 11, true)
        case .remainder: return ("%", 11, true)
        case .exponent: return ("**", 12, true)
        }
    }

    var text: String { entry.text }
    var precedence: Int { entry.precedence }
    /// `&&`, `||` and `??` evaluate their right side only when needed.
    var isShortCircuit: Bool { self == .logicalAnd || self == .logicalOr || self == .nullish }

    /// Whether `text=` is a compound assignment (`+=`, `??=`, …).
    var isCompoundAssignable: Bool { entry.assignable }

    /// The operator a token stands for: a punctuator, or `in` / `instanceof`. Borrowed: an initializer would own
    /// (copy) the token, retaining its text.
    init?(token: borrowing JSToken.Kind) {
        switch token {
        case .punctuator(.binary(let op)): self = op
        case .keyword(.in): self = .in
        case .keyword(.instanceof): self = .instanceOf
        default: return nil
        }
    }
}

/// `=` or a compound assignment such as `+=` or `??=`.
enum JSAssignmentOperator: Hashable, Sendable {
    case assign
    case compound(JSBinaryOperator)

    var text: String {
        switch self {
        case .assign: return "="
        case .compound(let op): return op.text + "="
        }
    }
}

/// Prefix operators, with their source text.
enum JSUnaryOperator: String, CaseIterable, Sendable {
    case not = "!", negate = "-", plus = "+", bitwiseNot = "~"
    case typeOf = "typeof", void = "void", delete = "delete", await = "await"

    var text: String { rawValue }

    /// The operator a token stands for when it starts a unary expression (borrowed, as above).
    init?(token: borrowing JSToken.Kind) {
        switch token {
        case .punctuator(.not): self = .not
        case .punctuator(.binary(.subtract)): self = .negate
        case .punctuator(.binary(.add)): self = .plus
        case .punctuator(.bitwiseNot): self = .bitwiseNot
        case .keyword(.typeof): self = .typeOf
        case .keyword(.void): self = .void
        case .keyword(.delete): self = .delete
        case .keyword(.await): self = .await
        default: return nil
        }
    }
}

/// How a variable is declared: `const` bindings cannot be reassigned, `var` ones are hoisted to the function.
enum JSDeclarationKind: String, Sendable {
    case const, `let`, `var`
}
