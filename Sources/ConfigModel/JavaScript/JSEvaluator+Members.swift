import Foundation

/// Member access, calls, assignment and destructuring.
extension JSEvaluator {
    static let objectPrototypeNames: Set<String> = [
        "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
        "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    ]

    /// Whether `name` is in `objectPrototypeNames`. Each starts with a lower-case letter or `_`, so a name starting
    /// otherwise (an environment variable's capitals, read in most config files) is told without hashing it.
    static func isObjectPrototypeName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return objectPrototypeNames.contains(name)
    }

    func member(of base: Evaluated, key: JSMemberKey, optional: Bool, at range: JSRange, in scope: Scope) throws -> Evaluated? {
        let name: String
        switch key {
        case .name(let text): name = text
        case .computed(let expression): name = try toPropertyKey(try evaluate(expression, in: scope), at: expression.range)
        }
        switch base {
        case .builtin(let builtin):
            return try builtinMember(builtin, name, at: range)
        case .value(let value):
            if optional, case .undefined = value.value { return nil }
            if optional, case .null = value.value { return nil }
            if JSBuiltinLibrary.hasMethod(name, on: value.value) { return .method(receiver: value, name: name) }
            return .value(try property(of: value, name, at: range))
        case .method:
            throw unsupported("property of a method (`\(text(range))`)", at: range)
        }
    }

    private func builtinMember(_ builtin: Builtin, _ name: String, at range: JSRange) throws -> Evaluated {
        switch (builtin, name) {
        case (.process, "env"): return .builtin(.processEnv)
        case (.processEnv, _): return .value(try readEnvironment(name, at: range))
        case (.json, "stringify"): return .builtin(.jsonStringify)
        case (.module, "exports"): return .value(moduleExports)
        case (.object, "defineProperty"): return .builtin(.objectDefineProperty)
        // Logging changes no config value, so `console.log(…)` evaluates to undefined.
        case (.console, _): return .builtin(.function("console"))
        case (.math, "PI"): return .value(LocatedValue(.number(Double.pi), span: span(range)))
        case (.math, "E"): return .value(LocatedValue(.number(M_E), span: span(range)))
        case (.object, _) where JSBuiltinLibrary.objectFunctions.contains(name): return .builtin(.function("Object." + name))
        case (.math, _) where JSBuiltinLibrary.mathFunctions.contains(name): return .builtin(.function("Math." + name))
        default: throw unsupported("use of `\(text(range))`", at: range)
        }
    }

    func property(of base: LocatedValue, _ name: String, at range: JSRange) throws -> LocatedValue {
        switch base.value {
        case .undefined, .null:
            let kind = base.value.isNull ? "null" : "undefined"
            throw runtimeError("TypeError: Cannot read properties of \(kind) (reading '\(name)')", at: range)
        case .string(let text):
            if name == "length" { return LocatedValue(.number(Double(text.utf16.count)), span: span(range)) }
            if let index = Int(name), index >= 0, String(index) == name {
                let units = Array(text.utf16)
                guard index < units.count else { return LocatedValue(.undefined, span: span(range)) }
                return LocatedValue(.string(try utf16String([units[index]], at: range)), span: base.span)
            }
            throw unsupported("string method or property `\(name)`", at: range)
        case .array(let elements):
            if name == "length" { return LocatedValue(.number(Double(elements.count)), span: span(range)) }
            if let index = Int(name), index >= 0, String(index) == name {
                return index < elements.count ? elements[index] : LocatedValue(.undefined, span: span(range))
            }
            throw unsupported("array method or property `\(name)`", at: range)
        case .object(let object):
            if let value = object[name] { return value }
            if JSEvaluator.isObjectPrototypeName(name) {
                throw unsupported("object method `\(name)`", at: range)
            }
            return LocatedValue(.undefined, span: span(range))
        case .number, .boolean, .function:
            throw unsupported("property `\(name)` of a \(JSConversions.typeOf(base.value))", at: range)
        }
    }

    // MARK: - Calls

    func evaluateCall(_ callee: JSExpression, _ argumentExpressions: [JSArrayElement], optional: Bool,
                      at range: JSRange, in scope: Scope) throws -> Evaluated? {
        guard let function = try evaluateReference(callee, in: scope) else { return nil }
        if optional, case .value(let value) = function, value.value.isNullish { return nil }
        let arguments = try evaluateElements(argumentExpressions, in: scope)
        switch function {
        case .builtin(.jsonStringify):
            return .value(try jsonStringify(arguments, at: range))
        case .builtin(.require):
            return .value(try require(arguments, at: range))
        case .builtin(.objectDefineProperty):
            // Transpiled modules mark `exports.__esModule`; it is not enumerable, so it changes nothing here.
            if arguments.count >= 2, case .string("__esModule") = arguments[1].value { return .value(moduleExports) }
            throw unsupported("call to `Object.defineProperty`", at: range)
        case .builtin(.function("console")):
            return .value(LocatedValue(.undefined, span: span(range)))
        case .builtin(.function("Object.assign")):
            // Only a fresh target is safe: assigning into a shared object would need reference semantics.
            guard case .expression(.object)? = argumentExpressions.first else {
                throw unsupported("`Object.assign` into an existing object", at: range)
            }
            return .value(try callLibraryFunction("Object.assign", arguments, at: range))
        case .builtin(.function(let name)):
            return .value(try callLibraryFunction(name, arguments, at: range))
        case .builtin:
            throw unsupported("call to `\(text(callee.range))`", at: range)
        case .method(let receiver, let name):
            return .value(try callMethod(name, on: receiver, arguments, at: range))
        case .value(let value):
            guard case .function(let target) = value.value else {
                if case .member = callee { throw unsupported("call to `\(text(callee.range))`", at: range) }
                throw runtimeError("TypeError: \(text(callee.range)) is not a function", at: range)
            }
            return .value(try call(target, arguments: arguments, at: range))
        }
    }

    private func jsonStringify(_ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        let subject = arguments.first?.value ?? .undefined
        if JSEvaluator.containsToJSON(subject) { throw unsupported("`JSON.stringify` of an object with a toJSON method", at: range) }
        if arguments.count > 1, !arguments[1].value.isNullish {
            throw unsupported("`JSON.stringify` with a replacer", at: range)
        }
        var indent = ""
        if arguments.count > 2 {
            switch arguments[2].value {
            case .number(let count): indent = String(repeating: " ", count: Int(max(0, min(10, count.isNaN ? 0 : count))))
            case .string(let text): indent = String(text.prefix(10))
            default: break
            }
        }
        guard let text = JSONOutput.stringify(subject, indent: indent) else {
            return LocatedValue(.undefined, span: span(range))
        }
        try checkLength(text, at: range)
        return LocatedValue(.string(text), span: span(range))
    }

    /// Whether some object inside defines `toJSON`, which `JSON.stringify` would call.
    static func containsToJSON(_ value: JSValue) -> Bool {
        var pending = [value]
        while let next = pending.popLast() {
            switch next {
            case .object(let object):
                if object["toJSON"] != nil { return true }
                pending += object.properties.map(\.value.value)
            case .array(let elements):
                pending += elements.map(\.value)
            default:
                break
            }
        }
        return false
    }

    private func require(_ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        guard let first = arguments.first, case .string(let specifier) = first.value else {
            throw unsupported("`require` of a computed path", at: range)
        }
        guard specifier.hasPrefix("./") || specifier.hasPrefix("../") else {
            let kind = specifier.hasPrefix("/") ? "of an absolute path" : "of a package"
            throw unsupported("require(\"\(specifier)\") \(kind)", at: range)
        }
        guard let load = context.requireModule else {
            throw unsupported("require(\"\(specifier)\")", at: range)
        }
        do {
            return try load(specifier, source.file)
        } catch {
            // Errors inside the required file keep their own file; others point at this call.
            if error.file != nil { throw error }
            throw ReadError(error.kind, error.message, at: source.position(of: range.start))
        }
    }

    // MARK: - Assignment

    func assign(_ op: JSAssignmentOperator, target: JSExpression, value valueExpression: JSExpression,
                at range: JSRange, in scope: Scope) throws -> LocatedValue {
        let value: LocatedValue
        switch op {
        case .assign:
            value = try evaluate(valueExpression, in: scope)
        case .compound(let binaryOp):
            let current = try evaluate(target, in: scope)
            switch binaryOp {
            case .logicalAnd: value = JSConversions.toBoolean(current.value) ? try evaluate(valueExpression, in: scope) : current
            case .logicalOr: value = JSConversions.toBoolean(current.value) ? current : try evaluate(valueExpression, in: scope)
            case .nullish: value = current.value.isNullish ? try evaluate(valueExpression, in: scope) : current
            default: value = try applyBinary(binaryOp, current, try evaluate(valueExpression, in: scope), at: range)
            }
        }
        switch target {
        case .identifier(let name, let nameRange):
            guard let (binding, holder) = scope.lookup(name) else {
                throw unsupported("assignment to the undeclared variable `\(name)`", at: nameRange)
            }
            guard case .value(_, mutable: true) = binding else {
                throw runtimeError("TypeError: Assignment to constant variable.", at: range)
            }
            holder.assign(name, value)
        case .member(let base, let key, _, let memberRange):
            try assignMember(base: base, key: key, value: value, at: memberRange, in: scope)
        default:
            throw unsupported("assignment to `\(text(target.range))`", at: target.range)
        }
        return value
    }

    /// Only the module's own exports may be assigned to: `exports.x`, `module.exports`, `module.exports.x`.
    private func assignMember(base: JSExpression, key: JSMemberKey, value: LocatedValue,
                              at range: JSRange, in scope: Scope) throws {
        let name: String
        let keySpan: SourceSpan
        switch key {
        case .name(let text): (name, keySpan) = (text, span(range))
        case .computed(let expression):
            (name, keySpan) = (try toPropertyKey(try evaluate(expression, in: scope), at: expression.range), span(expression.range))
        }
        if case .identifier("exports", _) = base, scope.binding(of: "exports") == nil {
            setExport(name, value, keySpan: keySpan)
            return
        }
        if case .identifier("module", _) = base, scope.binding(of: "module") == nil, name == "exports" {
            replaceModuleExports(value)
            return
        }
        if case .member(.identifier("module", _), .name("exports"), _, _) = base, scope.binding(of: "module") == nil {
            try setModuleExportsProperty(name, value, keySpan: keySpan, at: range)
            return
        }
        throw unsupported("assignment to a property (`\(text(range))`)", at: range)
    }

    // MARK: - Destructuring

    func bind(_ pattern: JSPattern, to value: LocatedValue, in scope: Scope, mutable: Bool, declaring: Bool) throws {
        switch pattern {
        case .name(let name, _):
            let target = declaring ? scope : scope.functionScope
            target.declare(name, .value(value, mutable: mutable))
        case .withDefault(let inner, let defaultExpression):
            let actual = value.value.isUndefined ? try evaluate(defaultExpression, in: scope) : value
            try bind(inner, to: actual, in: scope, mutable: mutable, declaring: declaring)
        case .object(let properties, let rest, let range):
            if value.value.isNullish {
                throw runtimeError("TypeError: Cannot destructure '\(text(range))' as it is \(value.value.isNull ? "null" : "undefined").", at: range)
            }
            var used: Set<ExactText> = []
            for item in properties {
                let (key, _) = try propertyKey(item.key, in: scope)
                used.insert(ExactText(text: key))
                let propertyValue = try destructuredProperty(of: value, key, at: range)
                try bind(item.value, to: propertyValue, in: scope, mutable: mutable, declaring: declaring)
            }
            if let rest {
                var remaining = JSObject()
                for ((key, keySpan), item) in try ownEnumerableProperties(value, at: range) where !used.contains(ExactText(text: key)) {
                    remaining.set(key, item, keySpan: keySpan)
                }
                try bind(.name(rest, range), to: LocatedValue(.object(remaining), span: value.span),
                         in: scope, mutable: mutable, declaring: declaring)
            }
        case .array(let elements, let rest, let range):
            let items: [LocatedValue]
            switch value.value {
            case .array(let array): items = array
            case .string(let text): items = text.unicodeScalars.map { LocatedValue(.string(String($0)), span: value.span) }
            default: throw runtimeError("TypeError: \(text(range)) is not iterable", at: range)
            }
            for (index, element) in elements.enumerated() {
                guard let element else { continue }
                let item = index < items.count ? items[index] : LocatedValue(.undefined, span: span(range))
                try bind(element, to: item, in: scope, mutable: mutable, declaring: declaring)
            }
            if let rest {
                let remaining = Array(items.dropFirst(elements.count))
                try bind(rest, to: LocatedValue(.array(remaining), span: value.span), in: scope, mutable: mutable, declaring: declaring)
            }
        }
    }

    private func destructuredProperty(of value: LocatedValue, _ key: String, at range: JSRange) throws -> LocatedValue {
        if case .object(let object) = value.value {
            return object[key] ?? LocatedValue(.undefined, span: span(range))
        }
        return try property(of: value, key, at: range)
    }
}

extension JSValue {
    var isNullish: Bool {
        switch self {
        case .undefined, .null: return true
        default: return false
        }
    }

    var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
