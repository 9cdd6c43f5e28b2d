/// Array and object literals whose values are all literals, built into their values as they are parsed
/// (`JSExpression.constant`). Config files are mostly such literals: evaluating them walked and copied the tree, and
/// the tree was freed node by node after the file, while the value it gave lives on in the result.
extension JSParser {
    /// `[a, b]` as its value when every element is a literal (no hole, no spread).
    func constant(elements: [JSArrayElement], _ range: JSRange) -> JSExpression? {
        guard buildsConstants else { return nil }
        var values: [LocatedValue] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard case .expression(let expression) = element, let value = literalValue(expression) else { return nil }
            values.append(value)
        }
        return .constant(.array(values), range)
    }

    /// `{ a: b }` as its value when every value is a literal; only for keys proven distinct (the caller checks), so
    /// each property is appended as evaluation appends it.
    func constant(members: [JSObjectMember], _ range: JSRange) -> JSExpression? {
        guard buildsConstants else { return nil }
        var object = JSObject()
        object.reserveCapacity(members.count)
        for member in members {
            guard case .fixed(let name, let keyRange)? = member.key, let value = literalValue(member.value) else { return nil }
            object.appendNew(name, value, keySpan: lexer.source.span(keyRange.start, keyRange.end))
        }
        return .constant(.object(object), range)
    }

    /// What evaluating a literal gives, with the same span; nil for anything else.
    private func literalValue(_ expression: JSExpression) -> LocatedValue? {
        let value: JSValue
        let range: JSRange
        switch expression {
        case .string(let text, let at): (value, range) = (.string(text), at)
        case .number(let number, let at): (value, range) = (.number(number), at)
        case .keywordLiteral(let literal, let at), .constant(let literal, let at): (value, range) = (literal, at)
        case .template(let quasis, let expressions, let at) where expressions.isEmpty: (value, range) = (.string(quasis[0]), at)
        default: return nil
        }
        return LocatedValue(value, span: lexer.source.span(range.start, range.end))
    }
}
