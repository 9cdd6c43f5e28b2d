/// The common ways config code reads `process.env` besides `process.env.NAME`: a `const` alias
/// (`const env = process.env; env.NAME`) and destructuring (`const { NAME, OTHER = "d" } = process.env`).
extension JSEvaluator {
    /// What a declaration's initializer evaluates to, or nil when the declaration was bound here as an
    /// alias of a built-in (only `const`, so the alias can never be reassigned behind our back).
    func declarationValue(_ pattern: JSPattern, _ initializer: JSExpression, isConst: Bool, in scope: Scope) throws -> LocatedValue? {
        switch try evaluateReference(initializer, in: scope) {
        case .value(let value)?:
            return value
        case nil:
            return LocatedValue(.undefined, span: span(initializer.range))
        case .builtin(let builtin)? where isConst:
            switch (pattern, builtin) {
            case (.name(let name, _), _):
                scope.declare(name, .builtin(builtin))
                return nil
            case (.object(let properties, rest: nil, _), .processEnv):
                try bindEnvironment(properties, in: scope)
                return nil
            default:
                break
            }
        default:
            break
        }
        throw unsupported("using `\(text(initializer.range))` as a value", at: initializer.range)
    }

    /// `const { A, B = "d", C: renamed } = process.env`: each name reads one variable; a default says
    /// what happens when it is unset, so, like `process.env.B || "d"`, that read is not worth a warning.
    private func bindEnvironment(_ properties: [JSObjectPatternProperty], in scope: Scope) throws {
        for property in properties {
            let keyRange: JSRange
            switch property.key {
            case .fixed(_, let range): keyRange = range
            case .computed(let expression): keyRange = expression.range
            }
            let (name, _) = try propertyKey(property.key, in: scope)
            let hasDefault: Bool
            if case .withDefault = property.value { hasDefault = true } else { hasDefault = false }
            if hasDefault { context.environmentWarningsMuted += 1 }
            defer { if hasDefault { context.environmentWarningsMuted -= 1 } }
            let value = try readEnvironment(name, at: keyRange)
            try bind(property.value, to: value, in: scope, mutable: false, declaring: true)
        }
    }

    /// `process.env.NAME`, `process.env["NAME"]`, or the same through a `const` alias of `process.env`.
    func isEnvironmentRead(_ expression: JSExpression, in scope: Scope) -> Bool {
        guard case .member(let base, _, _, _) = expression else { return false }
        switch base {
        case .member(.identifier("process", _), .name("env"), _, _):
            return scope.binding(of: "process") == nil
        case .identifier(let name, _):
            if case .builtin(.processEnv)? = scope.binding(of: name) { return true }
            return false
        default:
            return false
        }
    }

    func readEnvironment(_ name: String, at range: JSRange) throws -> LocatedValue {
        // `process.env.constructor` and friends are Object.prototype's, not variables.
        if JSEvaluator.isObjectPrototypeName(name) {
            throw unsupported("use of `process.env.\(name)`", at: range)
        }
        let value = context.environment[name]
        let readSpan = span(range)
        context.noteEnvironmentRead(name, at: readSpan, isSet: value != nil)
        return LocatedValue(value.map(JSValue.string) ?? .undefined, span: readSpan)
    }
}

/// One read of an environment variable, for the reader's `unset-env-var` and `.env.example` checks and
/// for rules that must know a value was written as `process.env.NAME` even when it is unset here.
public struct EnvironmentRead: Sendable, Equatable {
    public let name: String
    public let span: SourceSpan
    /// Whether the variable had a value when the file was read.
    public let isSet: Bool
    /// Whether the code says what happens when it is unset (`|| "d"`, `?? "d"`, `{ NAME = "d" } = process.env`).
    public let hasFallback: Bool
}
