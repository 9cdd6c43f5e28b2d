/// Evaluates a parsed CommonJS module without executing anything outside the
/// language subset: no I/O, no unknown functions, bounded work. Whatever falls
/// outside the subset stops evaluation with an `unsupported` error naming it.
final class JSEvaluator {
    let source: SourceText
    let context: EvaluationContext
    /// What `module.exports` is now: the original `exports` object, or a replacement.
    @exclusivity(unchecked) private(set) var originalExports = JSObject()
    @exclusivity(unchecked) private(set) var replacedExports: LocatedValue?

    /// The last scope this file created; each names the one created before it, so `deinit` reaches every scope
    /// without an array of them.
    /// Unchecked, as `Scope`'s state: an evaluator belongs to one worker thread.
    @exclusivity(unchecked) private var lastScope: Scope?
    /// The line of the last span made (see `SourceText.span(_:_:after:)`).
    @exclusivity(unchecked) private var spanLine = SourceText.LineCursor()

    init(source: SourceText, context: EvaluationContext) {
        self.source = source
        self.context = context
    }

    /// A function value keeps the scope it closes over, which may hold that function value: releasing the
    /// bindings when the file's evaluator goes (also after an error) keeps such cycles from outliving it.
    /// Unlinked one by one, so a long list is not released recursively.
    deinit {
        var next = lastScope
        lastScope = nil
        while let scope = next {
            scope.releaseBindings()
            next = scope.createdBefore
            scope.createdBefore = nil
        }
    }

    func makeScope(parent: Scope?, isFunction: Bool) -> Scope {
        let scope = Scope(parent: parent, isFunction: isFunction)
        scope.createdBefore = lastScope
        lastScope = scope
        return scope
    }

    var moduleExports: LocatedValue {
        replacedExports ?? LocatedValue(.object(originalExports), span: source.span(0, 0))
    }

    func span(_ range: JSRange) -> SourceSpan { source.span(range.start, range.end, after: &spanLine) }

    func runtimeError(_ message: String, at range: JSRange) -> ReadError {
        ReadError(.runtime, message, at: source.position(of: range.start))
    }

    func unsupported(_ construct: String, at range: JSRange) -> ReadError {
        ReadError(.unsupported, construct, at: source.position(of: range.start))
    }

    /// The source text of a node, for messages such as "call to `fetchSecrets()`".
    func text(_ range: JSRange, limit: Int = 40) -> String {
        let end = min(range.end, source.bytes.count)
        guard range.start < end else { return "" }
        var text = source.text(range.start, end)
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    // MARK: - Modules

    /// Runs the module body and returns `module.exports`.
    func evaluateModule(_ statements: [JSStatement]) throws -> LocatedValue {
        let scope = makeScope(parent: nil, isFunction: true)
        try hoist(statements, into: scope)
        _ = try executeInOrder(statements, in: scope)
        return moduleExports
    }

    func setExport(_ key: String, _ value: LocatedValue, keySpan: SourceSpan) {
        originalExports.set(key, value, keySpan: keySpan)
    }

    func setModuleExportsProperty(_ key: String, _ value: LocatedValue, keySpan: SourceSpan, at range: JSRange) throws {
        guard let replaced = replacedExports else {
            originalExports.set(key, value, keySpan: keySpan)
            return
        }
        guard case .object(var object) = replaced.value else {
            throw unsupported("assigning a property on a non-object `module.exports`", at: range)
        }
        object.set(key, value, keySpan: keySpan)
        replacedExports = LocatedValue(.object(object), span: replaced.span)
    }

    func replaceModuleExports(_ value: LocatedValue) {
        replacedExports = value
    }

    // MARK: - Statements

    enum Completion {
        case normal
        case returned(LocatedValue)
    }

    /// Function declarations and `var` names exist before the code that declares them runs.
    func hoist(_ statements: [JSStatement], into scope: Scope) throws {
        for statement in statements {
            switch statement {
            case .function(let node):
                if let name = node.name {
                    scope.declare(name, .value(makeFunction(node, scope: scope), mutable: true))
                }
            case .declaration(kind: .var, let declarations, _):
                for (pattern, _) in declarations {
                    for name in pattern.boundNames where scope.lookupLocal(name) == nil {
                        scope.declare(name, .value(LocatedValue(.undefined, span: span(statement.range)), mutable: true))
                    }
                }
            default:
                break
            }
        }
    }

    func makeFunction(_ node: JSFunctionNode, scope: Scope) -> LocatedValue {
        LocatedValue(.function(JSFunction(node: node, scope: scope, owner: self)), span: span(node.range))
    }

    func execute(_ statement: JSStatement, in scope: Scope) throws -> Completion {
        try context.spendStep(in: self) { statement.range }
        switch statement {
        case .declaration(let kind, let declarations, let range):
            for (pattern, initializer) in declarations {
                if kind == .var && initializer == nil { continue }
                let value: LocatedValue
                if let initializer {
                    guard let evaluated = try declarationValue(pattern, initializer, isConst: kind == .const, in: scope) else {
                        continue  // bound as an alias of a built-in
                    }
                    value = evaluated
                } else {
                    value = LocatedValue(.undefined, span: span(range))
                }
                try bind(pattern, to: value, in: scope, mutable: kind != .const, declaring: kind != .var)
            }
            return .normal
        case .function:
            return .normal  // already hoisted
        case .expression(let expression, _):
            _ = try evaluate(expression, in: scope)
            return .normal
        case .returnStatement(let expression, let range):
            let value = try expression.map { try evaluate($0, in: scope) } ?? LocatedValue(.undefined, span: span(range))
            return .returned(value)
        case .ifStatement(let test, let consequent, let alternate, _):
            let condition = try evaluate(test, in: scope)
            if JSConversions.toBoolean(condition.value) {
                return try executeNested(consequent, in: scope)
            }
            if let alternate { return try executeNested(alternate, in: scope) }
            return .normal
        case .block(let statements, _):
            return try executeBlock(statements, in: makeScope(parent: scope, isFunction: false))
        case .empty:
            return .normal
        }
    }

    private func executeNested(_ statement: JSStatement, in scope: Scope) throws -> Completion {
        if case .block = statement { return try execute(statement, in: scope) }
        return try executeBlock([statement], in: makeScope(parent: scope, isFunction: false))
    }

    func executeBlock(_ statements: [JSStatement], in scope: Scope) throws -> Completion {
        try hoistFunctionsOnly(statements, into: scope)
        return try executeInOrder(statements, in: scope)
    }

    /// Runs statements until one returns. Through the buffer, so each statement is read in place: iterating the
    /// array copied (retained) every statement's parts.
    private func executeInOrder(_ statements: [JSStatement], in scope: Scope) throws -> Completion {
        try statements.withUnsafeBufferPointer { statements in
            for index in statements.indices {
                if case .returned(let value) = try execute(statements[index], in: scope) { return .returned(value) }
            }
            return .normal
        }
    }

    private func hoistFunctionsOnly(_ statements: [JSStatement], into scope: Scope) throws {
        for case .function(let node) in statements {
            if let name = node.name { scope.declare(name, .value(makeFunction(node, scope: scope), mutable: true)) }
        }
    }

    // MARK: - Calling functions

    func call(_ function: JSFunction, arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        // A function runs in the evaluator of the file that defined it (it may come from a `require`).
        guard let owner = function.owner else {
            throw unsupported("call to a function whose file is no longer being evaluated", at: range)
        }
        return try owner.invoke(function, arguments: arguments, at: range, caller: self)
    }

    /// Calls an exported function the way a module loader would, with one argument that only exists at
    /// run time (a host object we cannot know statically); reading it is unsupported.
    func callWithHostArgument(_ function: JSFunction) throws -> LocatedValue {
        guard let owner = function.owner else {
            throw ReadError(.unsupported, "calling the exported function", at: TextPosition(line: 1, column: 1))
        }
        let range = function.node.range
        return try owner.invoke(function, arguments: [], at: range, caller: owner, passingHostArgument: true)
    }

    func invoke(_ function: JSFunction, arguments: [LocatedValue], at range: JSRange, caller: JSEvaluator,
                passingHostArgument: Bool = false) throws -> LocatedValue {
        try context.enterCall(at: range, in: caller)
        defer { context.leaveCall() }
        let node = function.node
        let scope = makeScope(parent: function.scope, isFunction: true)
        if node.bindsOwnName { scope.bindOwnName(of: function) }
        for (index, parameter) in node.parameters.enumerated() {
            if passingHostArgument && index == 0 {
                guard case .name(let name, _) = parameter else {
                    throw unsupported("destructuring the argument the loader passes in at run time", at: node.range)
                }
                scope.declare(name, .hostArgument)
                continue
            }
            let argument = index < arguments.count ? arguments[index] : LocatedValue(.undefined, span: span(node.range))
            try bind(parameter, to: argument, in: scope, mutable: true, declaring: true)
        }
        if let rest = node.restParameter {
            let remaining = Array(arguments.dropFirst(node.parameters.count))
            try bind(rest, to: LocatedValue(.array(remaining), span: span(node.range)), in: scope, mutable: true, declaring: true)
        }
        switch node.body {
        case .expression(let expression):
            return try evaluate(expression, in: scope)
        case .block(let statements):
            try hoist(statements, into: scope)
            if case .returned(let value) = try executeInOrder(statements, in: scope) { return value }
            return LocatedValue(.undefined, span: span(node.range))
        }
    }
}

/// A function value: its code and the scope it closes over (one object: a value and a closure it pointed to were two
/// allocations per function). Only the static evaluator calls it; everything else treats it as opaque.
public final class JSFunction: @unchecked Sendable {
    let node: JSFunctionNode
    let scope: Scope
    /// Unowned, so finished files do not stay alive through function values they returned. Not weak: the first weak
    /// reference to an evaluator allocated a side table for it. Read only through `owner`, while it is alive.
    private unowned let evaluator: JSEvaluator

    /// The evaluator of the file that defined the function, nil once it went: `scope` is one of its scopes, whose
    /// bindings it released as it went.
    var owner: JSEvaluator? { scope.bindingsReleased ? nil : evaluator }

    public var name: String? { node.name }

    init(node: JSFunctionNode, scope: Scope, owner: JSEvaluator) {
        self.node = node
        self.scope = scope
        self.evaluator = owner
    }

    /// The function as a value, for its own name inside a call (see `Scope.bindOwnName`): its evaluator is running it.
    /// Another object, as it always was: `===` compares them as different functions.
    func valueNamingItself() -> LocatedValue {
        LocatedValue(.function(JSFunction(node: node, scope: scope, owner: evaluator)), span: evaluator.span(node.range))
    }
}
