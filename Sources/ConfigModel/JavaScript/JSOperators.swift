/// JavaScript's binary operators, each with its source text and precedence in one table (higher binds
/// tighter), so the parser, the evaluator and messages agree and a misspelt operator does not compile.
enum JSBinaryOperator: CaseIterable, Sendable {
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

    private static let byText = Dictionary(uniqueKeysWithValues: allCases.map { ($0.text, $0) })
    private static let byAssignmentText = Dictionary(uniqueKeysWithValues: allCases.filter(\.entry.assignable).map { ($0.text + "=", $0) })

    init?(text: String) {
        guard let op = Self.byText[text] else { return nil }
        self = op
    }

    /// The operator a compound assignment applies: `+` for `+=`.
    init?(compoundAssignment text: String) {
        guard let op = Self.byAssignmentText[text] else { return nil }
        self = op
    }
}

/// `=` or a compound assignment such as `+=` or `??=`.
enum JSAssignmentOperator: Sendable {
    case assign
    case compound(JSBinaryOperator)

    init?(text: String) {
        if text == "=" {
            self = .assign
        } else if let op = JSBinaryOperator(compoundAssignment: text) {
            self = .compound(op)
        } else {
            return nil
        }
    }
}

/// Prefix operators, with their source text.
enum JSUnaryOperator: String, CaseIterable, Sendable {
    case not = "!", negate = "-", plus = "+", bitwiseNot = "~"
    case typeOf = "typeof", void = "void", delete = "delete", await = "await"

    var text: String { rawValue }
}

/// How a variable is declared: `const` bindings cannot be reassigned, `var` ones are hoisted to the function.
enum JSDeclarationKind: String, Sendable {
    case const, `let`, `var`
}
