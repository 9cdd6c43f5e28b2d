/// A recursive-descent parser for the JavaScript that config files are written in.
/// Statements outside the evaluable subset (loops, classes, `try`, …) stop parsing
/// with an `unsupported` error that names the construct.
struct JSParser {
    var lexer: JSLexer
    var token: JSToken
    /// End of the previous token, for node ranges.
    var previousEnd = 0
    var depth = 0
    var knownNonArrowStarts: Set<Int> = []
    /// Ranges of `??`, `||` and `&&` expressions written inside parentheses (the tree itself does not keep them).
    var parenthesized: Set<JSRange> = []
    /// The distinct written-out keys of the object literals being parsed, innermost last (see `addDistinctKey`).
    var distinctKeys: [JSDistinctKey] = []
    /// Room an array literal starts with: most config arrays fit, so few grow more than once.
    static let initialLiteralCapacity = 4
    /// Room an object literal starts with: a config object has up to a dozen keys. The tree lives only while its file
    /// is read, so spare room costs little, while growing costs an allocation and a copy.
    static let initialObjectCapacity = 12
    /// Nesting deeper than this is reported rather than risking the stack.
    static let maximumDepth = 400
    /// Node ranges hold 32-bit offsets (`JSRange`): a larger file is refused.
    static let maximumFileSize = Int(Int32.max)

    /// A parser before the first token, which `advance()` reads. Reading it here, in a throwing initialiser, made
    /// every parser be built aside and copied (a retain for each of its buffers).
    init(source: SourceText) {
        lexer = JSLexer(source: source)
        token = JSToken(kind: .endOfFile, start: 0, end: 0, newlineBefore: false)
    }

    /// `scratch` lends the parser room kept from file to file (a worker reads many).
    static func parseProgram(_ source: consuming SourceText, scratch: JSParserScratch? = nil) throws -> [JSStatement] {
        if source.bytes.count > maximumFileSize {
            throw ReadError(.unsupported, "a file larger than \(maximumFileSize) bytes", at: TextPosition(line: 1, column: 1))
        }
        var parser = JSParser(source: source)
        if let scratch { parser.swapScratch(scratch) }
        defer {
            if let scratch {
                parser.distinctKeys.removeAll(keepingCapacity: true)
                parser.swapScratch(scratch)
            }
        }
        try parser.advance()
        return try parser.parseStatements()
    }

    /// Takes the worker's room and string table, or gives them back.
    private mutating func swapScratch(_ scratch: JSParserScratch) {
        swap(&distinctKeys, &scratch.distinctKeys)
        swap(&lexer.strings, &scratch.strings)
    }

    mutating func parseStatements() throws -> [JSStatement] {
        var statements: [JSStatement] = []
        statements.reserveCapacity(JSParser.initialLiteralCapacity)  // most files have a few; growing costs allocations
        while token.kind != .endOfFile {
            statements.append(try parseStatement())
        }
        return statements
    }

    // MARK: - Token helpers

    mutating func advance() throws {
        previousEnd = token.end
        token = try lexer.next()
    }

    /// Advances and hands back the text of the name, keyword or string token it passed, moved out of the token
    /// rather than copied (a copy is a retain, and a release when the token is replaced).
    mutating func advancePastText() throws -> String {
        previousEnd = token.end
        var passed = try lexer.next()
        swap(&passed, &token)
        switch passed.kind {
        case .name(let text), .string(let text): return text
        case .keyword(let keyword): return keyword.rawValue
        default: preconditionFailure("advancePastText() on a token without text")
        }
    }

    mutating func eat(_ punctuator: JSPunctuator) throws -> Bool {
        guard token.is(punctuator) else { return false }
        try advance()
        return true
    }

    mutating func expect(_ punctuator: JSPunctuator, _ context: String) throws {
        guard token.is(punctuator) else {
            throw unexpected(expecting: "`\(punctuator.text)` \(context)")
        }
        try advance()
    }

    func unexpected(expecting: String? = nil) -> ReadError {
        let found: String
        switch token.kind {
        case .endOfFile: found = "end of file"
        case .name(let name): found = "`\(name)`"
        case .keyword(let keyword): found = "`\(keyword.rawValue)`"
        case .punctuator(let punctuator): found = "`\(punctuator.text)`"
        case .number: found = "a number"
        case .string: found = "a string"
        case .template: found = "a template literal"
        }
        let message = expecting.map { "expected \($0), found \(found)" } ?? "unexpected \(found)"
        return lexer.error(message, at: token.start)
    }

    func unsupported(_ construct: String, at start: Int) -> ReadError {
        ReadError(.unsupported, construct, at: lexer.source.position(of: start))
    }

    /// Accepts `;`, or inserts one where JavaScript would (before `}`, at end of file, after a line break).
    mutating func consumeSemicolon() throws {
        if try eat(.semicolon) { return }
        if token.is(.closeBrace) || token.kind == .endOfFile || token.newlineBefore { return }
        throw unexpected(expecting: "`;` or a line break")
    }

    /// Inlined, with the error made out of line: every expression enters a level.
    @inline(__always)
    mutating func enterNesting() throws {
        depth += 1
        if depth > JSParser.maximumDepth { throw nestingTooDeep() }
    }

    private func nestingTooDeep() -> ReadError {
        lexer.error("nesting is too deep (more than \(JSParser.maximumDepth) levels)", at: token.start)
    }

    mutating func leaveNesting() { depth -= 1 }

    // MARK: - Statements

    private static func unsupportedStatement(_ keyword: JSKeyword) -> String? {
        switch keyword {
        case .for: return "`for` loop"
        case .while: return "`while` loop"
        case .do: return "`do` loop"
        case .switch: return "`switch` statement"
        case .try: return "`try` statement"
        case .throw: return "`throw` statement"
        case .class: return "class declaration"
        case .with: return "`with` statement"
        case .break: return "`break` statement"
        case .continue: return "`continue` statement"
        case .debugger: return "`debugger` statement"
        default: return nil
        }
    }

    mutating func parseStatement() throws -> JSStatement {
        try enterNesting()
        defer { leaveNesting() }
        let start = token.start
        if token.is(.openBrace) {
            try advance()
            var body: [JSStatement] = []
            while !token.is(.closeBrace) {
                if token.kind == .endOfFile { throw unexpected(expecting: "`}` to close the block") }
                body.append(try parseStatement())
            }
            try advance()
            return .block(body, JSRange(start: start, end: previousEnd))
        }
        if try eat(.semicolon) { return .empty(JSRange(start: start, end: previousEnd)) }
        guard case .keyword(let keyword) = token.kind else { return try parseExpressionStatement() }
        switch keyword {
        case .const, .var:
            return try parseDeclaration(kind: keyword == .const ? .const : .var)
        case .let:
            // `let` is a declaration only when a binding follows; otherwise it is a plain name.
            let saved = (lexer.state, token, previousEnd)
            try advance()
            let startsBinding = token.isName || token.is(.openBracket) || token.is(.openBrace)
            (lexer.state, token, previousEnd) = saved
            return startsBinding ? try parseDeclaration(kind: .let) : try parseExpressionStatement()
        case .function:
            return .function(try parseFunction(start: start, isExpression: false))
        case .async:
            let saved = (lexer.state, token, previousEnd)
            try advance()
            if token.is(.function), !token.newlineBefore {
                return .function(try parseFunction(start: start, isExpression: false))
            }
            (lexer.state, token, previousEnd) = saved
            return try parseExpressionStatement()
        case .return:
            try advance()
            var value: JSExpression?
            if !token.is(.semicolon) && !token.is(.closeBrace) && token.kind != .endOfFile && !token.newlineBefore {
                value = try parseExpression()
            }
            try consumeSemicolon()
            return .returnStatement(value, JSRange(start: start, end: previousEnd))
        case .if:
            try advance()
            try expect(.openParen, "after `if`")
            let test = try parseExpression()
            try expect(.closeParen, "to close the `if` condition")
            let consequent = try parseStatement()
            var alternate: JSStatement?
            if token.is(.else) {
                try advance()
                alternate = try parseStatement()
            }
            return .ifStatement(test, consequent, alternate, JSRange(start: start, end: previousEnd))
        case .import, .export:
            let saved = (lexer.state, token, previousEnd)
            try advance()
            let isDynamicImport = keyword == .import && (token.is(.openParen) || token.is(.dot))
            (lexer.state, token, previousEnd) = saved
            if isDynamicImport { return try parseExpressionStatement() }
            throw lexer.error(
                "`\(keyword.rawValue)` statements are not allowed: config files are loaded with require(), "
                    + "so use `exports.default = …` or `module.exports = …`", at: start)
        default:
            if let construct = JSParser.unsupportedStatement(keyword) {
                throw unsupported(construct, at: start)
            }
            return try parseExpressionStatement()
        }
    }

    private mutating func parseExpressionStatement() throws -> JSStatement {
        let start = token.start
        let expression = try parseExpression()
        try consumeSemicolon()
        return .expression(expression, JSRange(start: start, end: previousEnd))
    }

    private mutating func parseDeclaration(kind: JSDeclarationKind) throws -> JSStatement {
        let start = token.start
        try advance()
        var declarations: [(JSPattern, JSExpression?)] = []
        repeat {
            let pattern = try parseBindingTarget()
            var initializer: JSExpression?
            if try eat(.assignment(.assign)) {
                initializer = try parseAssignment()
            } else if kind == .const {
                throw unexpected(expecting: "`=` and a value for the `const`")
            } else if case .name = pattern {
            } else {
                throw unexpected(expecting: "`=` after a destructuring pattern")
            }
            declarations.append((pattern, initializer))
        } while try eat(.comma)
        try consumeSemicolon()
        return .declaration(kind: kind, declarations, JSRange(start: start, end: previousEnd))
    }

    // MARK: - Functions

    /// Parses `function name(params) { body }` with the current token on `function`.
    /// Async functions need nothing special: values are never promises here, and `await` passes them through.
    mutating func parseFunction(start: Int, isExpression: Bool) throws -> JSFunctionNode {
        try advance()  // `function`
        if token.is(.binary(.multiply)) { throw unsupported("generator function", at: start) }
        var name: String?
        if let identifier = token.name {
            name = identifier
            try advance()
        } else if !isExpression {
            throw unexpected(expecting: "a function name")
        }
        let (parameters, rest) = try parseParameterList()
        let body = try parseFunctionBlock()
        return JSFunctionNode(name: name, parameters: parameters, restParameter: rest, body: .block(body),
                              isArrow: false, range: JSRange(start: start, end: previousEnd),
                              bindsOwnName: isExpression && name != nil)
    }

    mutating func parseParameterList() throws -> ([JSPattern], JSPattern?) {
        try expect(.openParen, "to start the parameter list")
        var parameters: [JSPattern] = []
        var rest: JSPattern?
        while !token.is(.closeParen) {
            if try eat(.spread) {
                rest = try parseBindingTarget()
                break
            }
            parameters.append(try parseBindingElement())
            if !(try eat(.comma)) { break }
        }
        try expect(.closeParen, "to close the parameter list")
        return (parameters, rest)
    }

    mutating func parseFunctionBlock() throws -> [JSStatement] {
        try expect(.openBrace, "to start the function body")
        var body: [JSStatement] = []
        while !token.is(.closeBrace) {
            if token.kind == .endOfFile { throw unexpected(expecting: "`}` to close the function body") }
            body.append(try parseStatement())
        }
        try advance()
        return body
    }
}

/// Room a worker's parser reuses from file to file, so each file does not allocate it again.
final class JSParserScratch {
    var distinctKeys: [JSDistinctKey] = []
    var strings = PlainStringTable()
}
