/// The syntax tree of the JavaScript subset the static evaluator understands.
/// Every node keeps its byte range so values and errors can point at source.
/// As two 32-bit offsets (the parser refuses larger files, `JSParser.maximumFileSize`): every node holds one, and the
/// 8 bytes saved keep an object literal's members at 80 bytes each, so its room stays in malloc's fast sizes.
struct JSRange: Hashable, Sendable {
    private let startOffset: Int32
    private let endOffset: Int32

    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    init(start: Int, end: Int) {
        startOffset = Int32(truncatingIfNeeded: start)
        endOffset = Int32(truncatingIfNeeded: end)
    }
}

/// Only the cases that hold an expression directly are `indirect` (boxed): leaves such as names
/// and strings, and nodes whose children sit in an array, are stored inline and cost no allocation.
enum JSExpression: Sendable {
    case number(Double, JSRange)
    case string(String, JSRange)
    /// `true`, `false` or `null`.
    case keywordLiteral(JSValue, JSRange)
    /// `` `head${expression}text` ``: one array of the substitutions, each with the text after it (none without any).
    case template(head: String, substitutions: [JSTemplateSubstitution], JSRange)
    case identifier(String, JSRange)
    case array([JSArrayElement], JSRange)
    /// `keysAreDistinctNames`: every key is written out, appears once, and is neither an array index nor
    /// `__proto__` (see `JSParser.addDistinctKey`), so evaluation appends each property without a search.
    case object([JSObjectMember], keysAreDistinctNames: Bool, JSRange)
    case function(JSFunctionNode)
    indirect case unary(op: JSUnaryOperator, JSExpression, JSRange)
    indirect case binary(op: JSBinaryOperator, JSExpression, JSExpression, JSRange)
    indirect case conditional(JSExpression, JSExpression, JSExpression, JSRange)
    /// `object.name`, `object[expr]`, optionally `?.`.
    indirect case member(JSExpression, JSMemberKey, optional: Bool, JSRange)
    indirect case call(JSExpression, [JSArrayElement], optional: Bool, JSRange)
    indirect case assignment(op: JSAssignmentOperator, target: JSExpression, value: JSExpression, JSRange)
    case sequence([JSExpression], JSRange)
    /// Parsed so the error can name it, but never evaluated: `new X()`, regexes, `this`, classes, …
    case unsupported(String, JSRange)

    var range: JSRange {
        switch self {
        case .number(_, let range), .string(_, let range), .keywordLiteral(_, let range), .template(_, _, let range),
             .identifier(_, let range), .array(_, let range), .object(_, _, let range),
             .unary(_, _, let range), .binary(_, _, _, let range), .conditional(_, _, _, let range),
             .member(_, _, _, let range), .call(_, _, _, let range), .assignment(_, _, _, let range),
             .sequence(_, let range), .unsupported(_, let range):
            return range
        case .function(let node):
            return node.range
        }
    }
}

struct JSTemplateSubstitution: Sendable {
    var expression: JSExpression
    /// The text from the substitution to the next one or the closing backtick.
    var textAfter: String
}

enum JSMemberKey: Sendable {
    case name(String)
    case computed(JSExpression)
}

enum JSArrayElement: Sendable {
    case expression(JSExpression)
    case spread(JSExpression)
    case hole(JSRange)
}

enum JSPropertyKey: Sendable {
    case fixed(String, JSRange)
    case computed(JSExpression)
}

/// `key: value` (a method or shorthand too), or `...value` when `key` is nil. A struct, not an enum: evaluation reads
/// its fields from the array, where binding an enum's payloads copied (retained) every property's key twice.
struct JSObjectMember: Sendable {
    var key: JSPropertyKey?
    var value: JSExpression
}

/// A binding target: a name, or an object/array destructuring pattern.
enum JSPattern: Sendable {
    case name(String, JSRange)
    case object([JSObjectPatternProperty], rest: String?, JSRange)
    indirect case array([JSPattern?], rest: JSPattern?, JSRange)
    indirect case withDefault(JSPattern, JSExpression)
}

struct JSObjectPatternProperty: Sendable {
    var key: JSPropertyKey
    var value: JSPattern
}

final class JSFunctionNode: Sendable {
    let name: String?
    let parameters: [JSPattern]
    let restParameter: JSPattern?
    let body: JSFunctionBody
    let isArrow: Bool
    let range: JSRange
    /// A named function *expression* can refer to itself by its name from inside.
    let bindsOwnName: Bool

    init(name: String?, parameters: [JSPattern], restParameter: JSPattern?, body: JSFunctionBody, isArrow: Bool, range: JSRange,
         bindsOwnName: Bool = false) {
        self.bindsOwnName = bindsOwnName
        self.name = name
        self.parameters = parameters
        self.restParameter = restParameter
        self.body = body
        self.isArrow = isArrow
        self.range = range
    }
}

enum JSFunctionBody: Sendable {
    case expression(JSExpression)
    case block([JSStatement])
}

enum JSStatement: Sendable {
    case declaration(kind: JSDeclarationKind, [(JSPattern, JSExpression?)], JSRange)
    case function(JSFunctionNode)
    case expression(JSExpression, JSRange)
    case returnStatement(JSExpression?, JSRange)
    indirect case ifStatement(JSExpression, JSStatement, JSStatement?, JSRange)
    case block([JSStatement], JSRange)
    case empty(JSRange)
}
