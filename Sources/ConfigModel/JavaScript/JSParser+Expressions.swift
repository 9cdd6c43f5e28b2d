/// Expression parsing: precedence climbing for binary operators, then unary,
/// postfix (member access and calls) and primary expressions.
extension JSParser {
    mutating func parseExpression() throws -> JSExpression {
        let start = token.start
        let first = try parseAssignment()
        guard token.is(.comma) else { return first }
        var expressions = [first]
        while try eat(.comma) {
            expressions.append(try parseAssignment())
        }
        return .sequence(expressions, JSRange(start: start, end: previousEnd))
    }

    mutating func parseAssignment() throws -> JSExpression {
        try enterNesting()
        defer { leaveNesting() }
        let start = token.start
        // An object or array literal (most config values that are not plain ones) is read first: followed by `,` `)`
        // `]` `}` or `;` it is the whole expression, and otherwise the precedence levels go on from it.
        var literal: JSExpression?
        if token.is(.openBrace) || token.is(.openBracket) {
            let parsed = try parsePrimary()
            if token.endsExpression { return parsed }
            literal = parsed
        } else {
            if let alone = try parseOperandStandingAlone() { return alone }
            if let arrow = try parseArrowFunctionIfPresent() { return arrow }
        }
        let target = try parseConditional(start: start, first: literal)
        guard case .punctuator(.assignment(let op)) = token.kind else { return target }
        switch target {
        case .identifier, .member:
            break
        case .array, .object:
            throw unsupported("destructuring assignment", at: start)
        default:
            throw lexer.error("invalid assignment target", at: start)
        }
        try advance()
        let value = try parseAssignment()
        return .assignment(op: op, target: target, value: value, JSRange(start: start, end: previousEnd))
    }

    /// A literal or plain name directly followed by `,` `)` `]` `}` or `;` is the whole expression, as most
    /// values in config files are: taking it here skips the walk down the operator-precedence levels.
    private mutating func parseOperandStandingAlone() throws -> JSExpression? {
        switch token.kind {
        case .string, .number, .name, .keyword(.true), .keyword(.false), .keyword(.null): break
        default: return nil
        }
        guard lexer.nextEndsExpression() else { return nil }
        return try parsePrimary()
    }

    /// `first`: the expression's first operand when it was read already (a literal starting at `start`).
    private mutating func parseConditional(start: Int, first: JSExpression?) throws -> JSExpression {
        let test = try parseBinary(minimumPrecedence: 1, start: start, first: first)
        guard try eat(.question) else { return test }
        let consequent = try parseAssignment()
        try expect(.colon, "in the conditional expression")
        let alternate = try parseAssignment()
        return .conditional(test, consequent, alternate, JSRange(start: start, end: previousEnd))
    }

    private mutating func parseBinary(minimumPrecedence: Int, start: Int, first: JSExpression? = nil) throws -> JSExpression {
        var left: JSExpression
        if let first {
            left = try parsePostfix(start: start, first: first)
        } else {
            left = try parseUnary()
        }
        while let op = JSBinaryOperator(token: token.kind), op.precedence >= minimumPrecedence {
            if op == .exponent, case .unary = left, !lexer.byte(at: start, is: "(") {
                throw lexer.error("a unary operator before `**` needs parentheses, e.g. `(-a) ** b`", at: token.start)
            }
            try advance()
            try enterNesting()
            defer { leaveNesting() }
            // `**` is right-associative; everything else groups to the left.
            let right = try parseBinary(minimumPrecedence: op == .exponent ? op.precedence : op.precedence + 1, start: token.start)
            if mixesNullishWithLogical(op, left, right) {
                throw lexer.error("`??` cannot be mixed with `||` or `&&` without parentheses", at: start)
            }
            left = .binary(op: op, left, right, JSRange(start: start, end: previousEnd))
        }
        return left
    }

    /// Whether `mixesNullishWithLogical` asks if the expression was written in parentheses: only such are noted.
    private static func mayMixNullishWithLogical(_ expression: JSExpression) -> Bool {
        guard case .binary(let op, _, _, _) = expression else { return false }
        return op == .nullish || op == .logicalOr || op == .logicalAnd
    }

    /// JavaScript forbids `a ?? b || c` and `a || b ?? c`: the grouping must be written out.
    private func mixesNullishWithLogical(_ op: JSBinaryOperator, _ left: JSExpression, _ right: JSExpression) -> Bool {
        func isBare(_ expression: JSExpression, _ matches: (JSBinaryOperator) -> Bool) -> Bool {
            guard case .binary(let inner, _, _, let range) = expression, matches(inner) else { return false }
            return !parenthesized.contains(range)
        }
        switch op {
        case .nullish:
            let isLogical = { (inner: JSBinaryOperator) in inner == .logicalOr || inner == .logicalAnd }
            return isBare(left, isLogical) || isBare(right, isLogical)
        case .logicalOr, .logicalAnd:
            return isBare(left) { $0 == .nullish } || isBare(right) { $0 == .nullish }
        default:
            return false
        }
    }

    private mutating func parseUnary() throws -> JSExpression {
        let start = token.start
        if token.is(.increment) || token.is(.decrement) {
            throw unsupported("`\(token.is(.increment) ? "++" : "--")` operator", at: start)
        }
        guard let op = JSUnaryOperator(token: token.kind) else { return try parsePostfix(start: start) }
        try advance()
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseUnary()
        if op == .delete { throw unsupported("`delete` operator", at: start) }
        return .unary(op: op, operand, JSRange(start: start, end: previousEnd))
    }

    private mutating func parsePostfix(start: Int, first: JSExpression? = nil) throws -> JSExpression {
        var expression: JSExpression
        if let first {
            expression = first
        } else {
            expression = try parsePrimary()
        }
        var steps = 0
        while true {
            steps += 1
            if steps > JSParser.maximumDepth {
                throw lexer.error("chain of member accesses and calls is too long", at: token.start)
            }
            if token.is(.dot) {
                try advance()
                guard let name = token.name else { throw unexpected(expecting: "a property name after `.`") }
                try advance()
                expression = .member(expression, .name(name), optional: false, JSRange(start: start, end: previousEnd))
            } else if token.is(.optionalChain) {
                try advance()
                if token.is(.openParen) {
                    let arguments = try parseArguments()
                    expression = .call(expression, arguments, optional: true, JSRange(start: start, end: previousEnd))
                } else if try eat(.openBracket) {
                    let key = try parseExpression()
                    try expect(.closeBracket, "to close the computed member")
                    expression = .member(expression, .computed(key), optional: true, JSRange(start: start, end: previousEnd))
                } else if let name = token.name {
                    try advance()
                    expression = .member(expression, .name(name), optional: true, JSRange(start: start, end: previousEnd))
                } else {
                    throw unexpected(expecting: "a property name after `?.`")
                }
            } else if token.is(.openBracket) {
                try advance()
                let key = try parseExpression()
                try expect(.closeBracket, "to close the computed member")
                expression = .member(expression, .computed(key), optional: false, JSRange(start: start, end: previousEnd))
            } else if token.is(.openParen) {
                let arguments = try parseArguments()
                expression = .call(expression, arguments, optional: false, JSRange(start: start, end: previousEnd))
            } else if case .template = token.kind {
                throw unsupported("tagged template literal", at: token.start)
            } else if (token.is(.increment) || token.is(.decrement)) && !token.newlineBefore {
                throw unsupported("`++`/`--` operator", at: token.start)
            } else {
                return expression
            }
        }
    }

    private mutating func parseArguments() throws -> [JSArrayElement] {
        try expect(.openParen, "to start the arguments")
        var arguments: [JSArrayElement] = []
        while !token.is(.closeParen) {
            if try eat(.spread) {
                arguments.append(.spread(try parseAssignment()))
            } else {
                arguments.append(.expression(try parseAssignment()))
            }
            if !(try eat(.comma)) { break }
        }
        try expect(.closeParen, "to close the arguments")
        return arguments
    }

    private mutating func parsePrimary() throws -> JSExpression {
        let start = token.start
        switch token.kind {
        case .number(let value):
            try advance()
            return .number(value, JSRange(start: start, end: previousEnd))
        case .string:
            let value = try advancePastText()
            return .string(value, JSRange(start: start, end: previousEnd))
        case .template:
            return try parseTemplate()
        case .punctuator(.openParen):
            try advance()
            let inner = try parseExpression()
            try expect(.closeParen, "to close the parenthesis")
            if JSParser.mayMixNullishWithLogical(inner) { parenthesized.insert(inner.range) }
            return inner
        case .punctuator(.openBracket):
            return try parseArrayLiteral()
        case .punctuator(.openBrace):
            return try parseObjectLiteral()
        case .punctuator(.binary(.divide)), .punctuator(.assignment(.compound(.divide))):
            throw unsupported("regular expression literal", at: start)
        case .keyword(let keyword):
            return try parseKeywordPrimary(keyword, start: start)
        case .name:
            let name = try advancePastText()
            return .identifier(name, JSRange(start: start, end: previousEnd))
        default:
            throw unexpected(expecting: "a value")
        }
    }

    /// What a keyword that cannot start an expression here is reported as: unsupported, or a plain syntax error.
    private static func unsupportedPrimary(_ keyword: JSKeyword) -> String? {
        switch keyword {
        case .new: return "`new` expression"
        case .class: return "class expression"
        case .this: return "`this`"
        case .super: return "`super`"
        case .yield: return "`yield`"
        case .import: return "dynamic `import()`"
        default: return nil
        }
    }

    private static func isReserved(_ keyword: JSKeyword) -> Bool {
        switch keyword {
        case .break, .case, .catch, .continue, .debugger, .default, .do, .else, .finally, .for, .if, .return, .switch,
             .throw, .try, .var, .const, .while, .with, .enum, .export, .extends, .in, .instanceof:
            return true
        default:
            return false
        }
    }

    private mutating func parseKeywordPrimary(_ keyword: JSKeyword, start: Int) throws -> JSExpression {
        if keyword == .function {
            return .function(try parseFunction(start: start, isExpression: true))
        }
        if keyword == .async {
            let saved = (lexer.state, token, previousEnd)
            try advance()
            if token.is(.function), !token.newlineBefore {
                return .function(try parseFunction(start: start, isExpression: true))
            }
            (lexer.state, token, previousEnd) = saved
        }
        let literal: JSValue? = switch keyword {
        case .true: .boolean(true)
        case .false: .boolean(false)
        case .null: .null
        default: nil
        }
        if let literal {
            try advance()
            return .keywordLiteral(literal, JSRange(start: start, end: previousEnd))
        }
        if let construct = JSParser.unsupportedPrimary(keyword) { throw unsupported(construct, at: start) }
        if JSParser.isReserved(keyword) { throw unexpected() }
        try advance()
        return .identifier(keyword.rawValue, JSRange(start: start, end: previousEnd))
    }

    private mutating func parseTemplate() throws -> JSExpression {
        let start = token.start
        var head = ""
        var substitutions: [JSTemplateSubstitution] = []
        var substitution: JSExpression?  // parsed, its text after it not yet
        while case .template(let cooked, let isTail) = token.kind {
            guard let cooked else {
                throw lexer.error("invalid escape in template literal", at: token.start)
            }
            if let substitution {
                substitutions.append(JSTemplateSubstitution(expression: substitution, textAfter: cooked))
            } else {
                head = cooked
            }
            if isTail {
                try advance()
                return .template(head: head, substitutions: substitutions, JSRange(start: start, end: previousEnd))
            }
            try advance()
            substitution = try parseExpression()
            guard token.is(.closeBrace) else { throw unexpected(expecting: "`}` to close `${` in the template literal") }
            token = try lexer.continueTemplate(after: token)
        }
        throw unexpected(expecting: "the rest of the template literal")
    }

    private mutating func parseArrayLiteral() throws -> JSExpression {
        let start = token.start
        try advance()
        var elements: [JSArrayElement] = []
        if !token.is(.closeBracket) { elements.reserveCapacity(JSParser.initialLiteralCapacity) }  // `[]` needs none
        while !token.is(.closeBracket) {
            if token.is(.comma) {
                elements.append(.hole(JSRange(start: token.start, end: token.start)))
                try advance()
                continue
            }
            if try eat(.spread) {
                elements.append(.spread(try parseAssignment()))
            } else {
                elements.append(.expression(try parseAssignment()))
            }
            if !token.is(.closeBracket) {
                try expect(.comma, "or `]` in the array")
            }
        }
        try advance()
        return .array(elements, JSRange(start: start, end: previousEnd))
    }
}
