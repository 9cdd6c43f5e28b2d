/// Binding patterns (`const { a, b: [c] = [] } = …`) and arrow functions.
extension JSParser {
    /// A name or destructuring pattern, without a default.
    mutating func parseBindingTarget() throws -> JSPattern {
        try enterNesting()
        defer { leaveNesting() }
        let start = token.start
        if try eat(.openBrace) {
            var properties: [JSObjectPatternProperty] = []
            var rest: String?
            while !token.is(.closeBrace) {
                if try eat(.spread) {
                    guard let name = token.name else { throw unexpected(expecting: "a name after `...`") }
                    try advance()
                    rest = name
                    break
                }
                let keyIsPlainName = token.isName
                let keyStart = token.start
                let key = try parsePropertyKey()
                var value: JSPattern
                if try eat(.colon) {
                    value = try parseBindingElement()
                } else {
                    guard keyIsPlainName, case .fixed(let name, _) = key else {
                        throw unexpected(expecting: "`:` in the destructuring pattern")
                    }
                    value = .name(name, JSRange(start: keyStart, end: previousEnd))
                    if try eat(.assignment(.assign)) { value = .withDefault(value, try parseAssignment()) }
                }
                properties.append(JSObjectPatternProperty(key: key, value: value))
                if !(try eat(.comma)) { break }
            }
            try expect(.closeBrace, "to close the destructuring pattern")
            return .object(properties, rest: rest, JSRange(start: start, end: previousEnd))
        }
        if try eat(.openBracket) {
            var elements: [JSPattern?] = []
            var rest: JSPattern?
            while !token.is(.closeBracket) {
                if try eat(.comma) {
                    elements.append(nil)
                    continue
                }
                if try eat(.spread) {
                    rest = try parseBindingTarget()
                    break
                }
                elements.append(try parseBindingElement())
                if !token.is(.closeBracket) { try expect(.comma, "or `]` in the destructuring pattern") }
            }
            try expect(.closeBracket, "to close the destructuring pattern")
            return .array(elements, rest: rest, JSRange(start: start, end: previousEnd))
        }
        guard let name = token.name else { throw unexpected(expecting: "a variable name") }
        try advance()
        return .name(name, JSRange(start: start, end: previousEnd))
    }

    /// A binding target with an optional `= default`.
    mutating func parseBindingElement() throws -> JSPattern {
        let target = try parseBindingTarget()
        if try eat(.assignment(.assign)) { return .withDefault(target, try parseAssignment()) }
        return target
    }

    /// Parses an arrow function if one starts here; otherwise leaves the parser untouched.
    mutating func parseArrowFunctionIfPresent() throws -> JSExpression? {
        let start = token.start
        // Only a name or `(` can start an arrow function, and only a `(` (or `async`) start can
        // backtrack far: remembering those failed starts keeps nested `(a = (b = …))` from
        // backtracking exponentially.
        guard token.isName || token.is(.openParen) else { return nil }
        // A plain name starts an arrow function only when `=>` follows: the bytes tell, no need to save and restore.
        if token.isName, !token.is(.async), !lexer.nextIsArrowOnSameLine() { return nil }
        if token.is(.openParen) || token.is(.async), knownNonArrowStarts.contains(start) { return nil }
        let saved = (lexer.state, token, previousEnd)
        /// Only a failed parameter list is remembered: other failures are found again within a token or two, and
        /// `exports.default = async function …`, in most config files, would otherwise allocate the set for every file.
        func giveUp(afterParameterList: Bool = false) -> JSExpression? {
            (lexer.state, token, previousEnd) = saved
            if afterParameterList { knownNonArrowStarts.insert(start) }
            return nil
        }
        if token.is(.async) {
            try advance()
            if token.newlineBefore || !(token.isName || token.is(.openParen)) { return giveUp() }
        }
        var parameters: [JSPattern] = []
        var rest: JSPattern?
        if let name = token.name {
            guard lexer.nextIsArrowOnSameLine() else { return giveUp() }
            let nameStart = token.start
            try advance()
            parameters = [.name(name, JSRange(start: nameStart, end: previousEnd))]
        } else if token.is(.openParen) {
            // Try the parameter list; if it is not followed by `=>`, this was a parenthesised expression.
            do {
                (parameters, rest) = try parseParameterList()
            } catch {
                return giveUp(afterParameterList: true)
            }
            guard token.is(.arrow), !token.newlineBefore else { return giveUp(afterParameterList: true) }
        } else {
            return giveUp()
        }
        try advance()  // `=>`
        let body: JSFunctionBody
        if token.is(.openBrace) {
            body = .block(try parseFunctionBlock())
        } else {
            body = .expression(try parseAssignment())
        }
        return .function(JSFunctionNode(name: nil, parameters: parameters, restParameter: rest, body: body,
                                        isArrow: true, range: JSRange(start: start, end: previousEnd)))
    }
}
