/// Expression evaluation. Names that refer to Node's module system or globals
/// (`process.env`, `require`, `JSON`, `module.exports`) resolve to built-ins.
extension JSEvaluator {
    enum Builtin: Equatable {
        case process, processEnv, json, jsonStringify, require, module, object, objectDefineProperty, console, math
        /// A pure function of the standard library, e.g. `Object.keys`, `Math.max`, `String` (see JSBuiltinLibrary).
        case function(String)
    }

    /// A value, a built-in that only makes sense as the base of a member access or call,
    /// or a method looked up on a string or array (`names.map`), waiting for its call.
    enum Evaluated {
        case value(LocatedValue)
        case builtin(Builtin)
        case method(receiver: LocatedValue, name: String)
    }

    /// Node's globals: using one is valid JavaScript we do not evaluate, not a mistake in the config.
    static let nodeGlobals: Set<String> = [
        "Date", "Array", "String", "Number", "Boolean", "Buffer", "URL", "URLSearchParams",
        "Promise", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "parseInt", "parseFloat", "isNaN", "isFinite",
        "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI", "escape", "unescape",
        "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "global", "globalThis",
        "__dirname", "__filename", "RegExp", "Error", "TypeError", "RangeError", "BigInt", "Intl", "Reflect",
        "Proxy", "eval", "Function", "fetch", "structuredClone", "queueMicrotask", "TextEncoder", "TextDecoder",
        "atob", "btoa", "crypto", "performance", "AbortController", "Atomics", "SharedArrayBuffer", "ArrayBuffer",
        "DataView", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
        "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Uint8ClampedArray", "WeakRef",
        "FinalizationRegistry", "EvalError", "ReferenceError", "SyntaxError", "URIError", "AggregateError",
    ]

    func evaluate(_ expression: JSExpression, in scope: Scope) throws -> LocatedValue {
        if let value = try plainValue(expression, in: scope) { return value }
        switch try evaluateReference(expression, in: scope) {
        case .value(let value)?:
            return value
        case .builtin?, .method?:
            throw unsupported("using `\(text(expression.range))` as a value", at: expression.range)
        case nil:
            return LocatedValue(.undefined, span: span(expression.range))
        }
    }

    /// Evaluates, returning nil when an optional chain (`a?.b`) short-circuits.
    func evaluateReference(_ expression: JSExpression, in scope: Scope) throws -> Evaluated? {
        if let value = try plainValue(expression, in: scope) { return .value(value) }
        try context.spendStep(in: self) { expression.range }
        switch expression {
        case .number, .string, .keywordLiteral, .array, .object:
            preconditionFailure("plainValue evaluates literals, arrays and objects")
        case .template(let head, let substitutions, let range):
            var text = head
            for substitution in substitutions {
                text += try toJSString(try evaluate(substitution.expression, in: scope), at: substitution.expression.range)
                text += substitution.textAfter
                try checkLength(text, at: range)
            }
            return .value(LocatedValue(.string(text), span: span(range)))
        case .identifier(let name, let range):
            return try resolve(name, at: range, in: scope)
        case .function(let node):
            return .value(makeFunction(node, scope: scope))
        case .unary(let op, let operand, let range):
            return .value(try evaluateUnary(op, operand, at: range, in: scope))
        case .binary(let op, let left, let right, let range):
            return .value(try evaluateBinary(op, left, right, at: range, in: scope))
        case .conditional(let test, let consequent, let alternate, _):
            let condition = try evaluate(test, in: scope)
            return try evaluateReference(JSConversions.toBoolean(condition.value) ? consequent : alternate, in: scope)
        case .member(let base, let key, let optional, let range):
            guard let baseValue = try evaluateReference(base, in: scope) else { return nil }
            return try member(of: baseValue, key: key, optional: optional, at: range, in: scope)
        case .call(let callee, let arguments, let optional, let range):
            return try evaluateCall(callee, arguments, optional: optional, at: range, in: scope)
        case .assignment(let op, let target, let value, let range):
            return .value(try assign(op, target: target, value: value, at: range, in: scope))
        case .sequence(let expressions, _):
            var last: Evaluated?
            for item in expressions { last = .value(try evaluate(item, in: scope)) }
            return last
        case .unsupported(let construct, let range):
            throw unsupported(construct, at: range)
        }
    }

    /// A literal, array or object (most of a config's values), spending its step; nil, with no step spent, for other
    /// expressions. Inlined into `evaluate`, so such a value is not wrapped as `Evaluated` and taken out again.
    @inline(__always)
    private func plainValue(_ expression: JSExpression, in scope: Scope) throws -> LocatedValue? {
        switch expression {
        case .number(let value, let range):
            try context.spendStep(in: self) { range }
            return LocatedValue(.number(value), span: span(range))
        case .string(let value, let range):
            try context.spendStep(in: self) { range }
            return LocatedValue(.string(value), span: span(range))
        case .keywordLiteral(let value, let range):
            try context.spendStep(in: self) { range }
            return LocatedValue(value, span: span(range))
        case .array(let elements, let range):
            try context.spendStep(in: self) { range }
            return try nested(.array(try evaluateElements(elements, in: scope)), at: range)
        case .object(let members, let keysAreDistinctNames, let range):
            try context.spendStep(in: self) { range }
            return try evaluateObject(members, keysAreDistinctNames: keysAreDistinctNames, at: range, in: scope)
        default:
            return nil
        }
    }

    /// Wraps an array or object, refusing nesting deeper than every consumer can safely recurse.
    func nested(_ value: consuming JSValue, at range: JSRange) throws -> LocatedValue {
        let located = LocatedValue(value, span: span(range))
        if located.depth > LocatedValue.maximumDepth {
            throw ReadError(.syntax, "value is nested too deeply (more than \(LocatedValue.maximumDepth) levels)",
                            at: source.position(of: range.start))
        }
        if located.treeSize > LocatedValue.maximumTreeSize {
            throw ReadError(.runtime, "the value is too large to write out: more than \(LocatedValue.maximumTreeSize) "
                                + "values once shared parts are repeated", at: source.position(of: range.start))
        }
        return located
    }

    func checkLength(_ text: String, at range: JSRange) throws {
        if text.utf8.count > EvaluationContext.maximumStringLength {
            throw unsupported("building a string longer than \(EvaluationContext.maximumStringLength) bytes", at: range)
        }
    }

    private func resolve(_ name: String, at range: JSRange, in scope: Scope) throws -> Evaluated {
        if let binding = scope.binding(of: name) {
            switch binding {
            case .value(let value, _): return .value(value)
            case .hostArgument: throw unsupported("reading `\(name)`, the argument the loader passes in at run time", at: range)
            case .builtin(let builtin): return .builtin(builtin)
            }
        }
        switch name {
        case "undefined": return .value(LocatedValue(.undefined, span: span(range)))
        case "NaN": return .value(LocatedValue(.number(.nan), span: span(range)))
        case "Infinity": return .value(LocatedValue(.number(.infinity), span: span(range)))
        case "process": return .builtin(.process)
        case "JSON": return .builtin(.json)
        case "require": return .builtin(.require)
        case "module": return .builtin(.module)
        case "Object": return .builtin(.object)
        case "console": return .builtin(.console)
        case "Math": return .builtin(.math)
        case _ where JSBuiltinLibrary.globalFunctions.contains(name): return .builtin(.function(name))
        case "exports": return .value(LocatedValue(.object(originalExports), span: span(range)))
        default: break
        }
        if JSEvaluator.nodeGlobals.contains(name) { throw unsupported("use of `\(name)`", at: range) }
        throw runtimeError("ReferenceError: \(name) is not defined", at: range)
    }

    /// Names that resolve without a declaration: our built-ins and Node's other globals.
    func isGlobalName(_ name: String) -> Bool {
        ["undefined", "NaN", "Infinity", "process", "JSON", "require", "module", "Object", "exports", "console", "Math"]
            .contains(name) || JSBuiltinLibrary.globalFunctions.contains(name) || JSEvaluator.nodeGlobals.contains(name)
    }

    func evaluateElements(_ elements: [JSArrayElement], in scope: Scope) throws -> [LocatedValue] {
        var values: [LocatedValue] = []
        values.reserveCapacity(elements.count)
        // Through the buffer, by index, so each element is read in place: the array's subscript copied it out.
        try elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                switch elements[index] {
                case .expression(let expression):
                    values.append(try evaluate(expression, in: scope))
                case .hole(let range):
                    values.append(LocatedValue(.undefined, span: span(range)))
                case .spread(let expression):
                    let spread = try evaluate(expression, in: scope)
                    let items = try iterate(spread, at: expression.range)
                    try context.spendStep(at: expression.range, in: self, count: items.count)
                    values.append(contentsOf: items)
                }
            }
        }
        return values
    }

    /// What `...value` yields in an array: elements of arrays and the characters of strings.
    private func iterate(_ value: LocatedValue, at range: JSRange) throws -> [LocatedValue] {
        switch value.value {
        case .array(let elements):
            return elements
        case .string(let text):
            return text.unicodeScalars.map { LocatedValue(.string(String($0)), span: value.span) }
        default:
            throw runtimeError("TypeError: \(text(range)) is not iterable", at: range)
        }
    }

    private func evaluateObject(_ members: [JSObjectMember], keysAreDistinctNames: Bool, at range: JSRange,
                                in scope: Scope) throws -> LocatedValue {
        var object = JSObject()
        // Sized once: grown by appends, a config tree's objects would keep up to twice the room they use.
        object.reserveCapacity(members.count)
        // Through the buffer, by index, reading each member's fields in place (see `JSObjectMember`): the array's
        // subscript copied every value expression out.
        if keysAreDistinctNames {
            try members.withUnsafeBufferPointer { members in
                for index in members.indices {
                    guard case .fixed(let name, let keyRange)? = members[index].key else { continue }
                    let keySpan = span(keyRange)
                    object.appendNew(name, try evaluate(members[index].value, in: scope), keySpan: keySpan)
                }
            }
            return try nested(.object(object), at: range)
        }
        for index in members.indices {
            guard let key = members[index].key else {
                let spread = try evaluate(members[index].value, in: scope)
                let spreadRange = members[index].value.range
                try context.spendStep(at: spreadRange, in: self, count: spread.depth > 0 ? 8 : 1)
                for (key, value) in try ownEnumerableProperties(spread, at: spreadRange) {
                    object.set(key.0, value, keySpan: key.1)
                }
                continue
            }
            let (name, keySpan) = try propertyKey(key, in: scope)
            if case .fixed("__proto__", let keyRange) = key {
                throw unsupported("`__proto__` in an object literal", at: keyRange)
            }
            object.set(name, try evaluate(members[index].value, in: scope), keySpan: keySpan)
        }
        return try nested(.object(object), at: range)
    }

    func propertyKey(_ key: JSPropertyKey, in scope: Scope) throws -> (String, SourceSpan) {
        switch key {
        case .fixed(let name, let range):
            return (name, span(range))
        case .computed(let expression):
            let value = try evaluate(expression, in: scope)
            return (try toPropertyKey(value, at: expression.range), span(expression.range))
        }
    }

    func toPropertyKey(_ value: LocatedValue, at range: JSRange) throws -> String {
        try toJSString(value, at: range)
    }

    /// `Object.keys`-style own enumerable properties, as object spread copies them.
    func ownEnumerableProperties(_ value: LocatedValue, at range: JSRange) throws -> [((String, SourceSpan), LocatedValue)] {
        switch value.value {
        case .object(let object):
            return object.properties.map { (($0.key, $0.keySpan), $0.value) }
        case .array(let elements):
            return elements.enumerated().map { ((String($0.offset), $0.element.span), $0.element) }
        case .string(let text):
            return try text.utf16.enumerated().map { item in
                let character = try utf16String([item.element], at: range)
                return ((String(item.offset), value.span), LocatedValue(.string(character), span: value.span))
            }
        default:
            return []
        }
    }
}
