/// Variable bindings of one block or function.
final class Scope {
    enum Binding {
        case value(LocatedValue, mutable: Bool)
        /// The argument a loader passes to an exported function (Grouparoo passes Actionhero's
        /// configuration): it exists only at run time, so reading it cannot be done statically.
        case hostArgument
        /// A `const` alias of a built-in, e.g. `const env = process.env`.
        case builtin(JSEvaluator.Builtin)
    }

    let parent: Scope?
    let isFunction: Bool
    // Scopes, evaluators and their context belong to one worker thread: their stored `var`s skip the run-time
    // exclusivity check, which cost two calls on every name looked up in every scope passed.
    /// The scope its evaluator created before this one (see `JSEvaluator.lastScope`).
    @exclusivity(unchecked) var createdBefore: Scope?
    /// Whether its evaluator went, releasing the bindings (see `JSFunction.owner`).
    @exclusivity(unchecked) private(set) var bindingsReleased = false
    /// Names and their bindings in declaration order, in one array (one allocation per scope). A config file's
    /// scopes hold a handful of names, which a linear search finds faster than hashing each one; `index` takes
    /// over for large scopes.
    @exclusivity(unchecked) private var entries: [Entry] = []
    @exclusivity(unchecked) private var index: [ExactText: Int]?
    private static let linearSearchLimit = 16
    /// A named function expression called in this scope, whose own name is bound when first looked up.
    @exclusivity(unchecked) private var unboundOwnName: JSFunction?

    /// A struct, not a tuple: an array of tuples was destroyed element by element through the runtime's generic code.
    private struct Entry {
        let name: String
        var binding: Binding
    }

    init(parent: Scope?, isFunction: Bool) {
        self.parent = parent
        self.isFunction = isFunction
    }

    /// Binds the function's own name (as an immutable value) in this, its call's scope, as though declared first,
    /// but only once the name is looked up: most functions never name themselves, and the binding cost a function
    /// value and this scope's array.
    func bindOwnName(of function: JSFunction) {
        unboundOwnName = function
    }

    private func slot(of name: String) -> Int? {
        if let slot = declaredSlot(of: name) { return slot }
        guard let function = unboundOwnName, let ownName = function.name, ByteScan.sameUTF8(ownName, name) else {
            return nil
        }
        unboundOwnName = nil
        append(name, .value(function.valueNamingItself(), mutable: false))
        return entries.count - 1
    }

    private func declaredSlot(of name: String) -> Int? {
        if let index { return index[ExactText(text: name)] }
        let length = name.utf8.count
        for slot in entries.indices where entries[slot].name.utf8.count == length && ByteScan.sameUTF8(entries[slot].name, name) {
            return slot
        }
        return nil
    }

    func declare(_ name: String, _ binding: Binding) {
        if let slot = slot(of: name) {
            entries[slot].binding = binding
            return
        }
        append(name, binding)
    }

    private func append(_ name: String, _ binding: Binding) {
        entries.append(Entry(name: name, binding: binding))
        if index != nil {
            index?[ExactText(text: name)] = entries.count - 1
        } else if entries.count > Scope.linearSearchLimit {
            index = Dictionary(uniqueKeysWithValues: entries.indices.map { (ExactText(text: entries[$0].name), $0) })
        }
    }

    func lookupLocal(_ name: String) -> Binding? { slot(of: name).map { entries[$0].binding } }

    /// The binding and the scope that holds it, searching outwards. Recursive: a loop's `var` retained every scope
    /// it passed, while a call on `parent` borrows it.
    func lookup(_ name: String) -> (Binding, Scope)? {
        if let slot = slot(of: name) { return (entries[slot].binding, self) }
        return parent?.lookup(name)
    }

    /// The binding of `name`, searching outwards (as `lookup`, without retaining the scope that holds it).
    func binding(of name: String) -> Binding? {
        if let slot = slot(of: name) { return entries[slot].binding }
        return parent?.binding(of: name)
    }

    /// The nearest function scope, where `var` declarations live.
    var functionScope: Scope {
        var scope = self
        while !scope.isFunction, let parent = scope.parent { scope = parent }
        return scope
    }

    func assign(_ name: String, _ value: LocatedValue) {
        declare(name, .value(value, mutable: true))
    }

    /// Called by the scope's evaluator as it goes: a closure stored here may hold this scope (a cycle).
    func releaseBindings() {
        entries.removeAll()
        index = nil
        unboundOwnName = nil
        bindingsReleased = true
    }
}

/// State shared by every file evaluated in one read: the environment, unset-variable reads,
/// the `require` cache, and the limits that keep evaluation finite.
/// Where an environment variable was read: a read is noted once per place.
private struct EnvironmentPlace: Hashable {
    let name: String
    let span: SourceSpan
}

final class EvaluationContext {
    let environment: [String: String]
    /// Reads of environment variables, in source order, each place once.
    @exclusivity(unchecked) private(set) var environmentReads: [EnvironmentRead] = []
    /// The places in `environmentReads` once there are more than `placesSearchedInOrder`, so noting a read costs one
    /// look-up however many were noted before; a file's few reads are compared in order instead of hashed.
    @exclusivity(unchecked) private var notedPlaces: Set<EnvironmentPlace> = []
    static let placesSearchedInOrder = 8
    /// Loads another file for `require`; set by the reader.
    var requireModule: ((_ specifier: String, _ fromFile: String) throws(ReadError) -> LocatedValue)?

    @exclusivity(unchecked) private var steps = 0
    @exclusivity(unchecked) private var callDepth = 0
    static let maximumSteps = 2_000_000
    static let maximumCallDepth = 200
    static let maximumStringLength = 50_000_000

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// While positive, environment reads have a fallback (`||`, `??`, a destructuring default).
    @exclusivity(unchecked) var environmentWarningsMuted = 0

    func noteEnvironmentRead(_ name: String, at span: SourceSpan, isSet: Bool) {
        guard isNewPlace(name, span) else { return }
        environmentReads.append(EnvironmentRead(name: name, span: span, isSet: isSet, hasFallback: environmentWarningsMuted > 0))
    }

    /// Notes reads made elsewhere (a required module's) as made here: a fallback around this place covers them too.
    func noteEnvironmentReads(_ reads: [EnvironmentRead]) {
        for read in reads where isNewPlace(read.name, read.span) {
            environmentReads.append(EnvironmentRead(name: read.name, span: read.span, isSet: read.isSet,
                                                    hasFallback: read.hasFallback || environmentWarningsMuted > 0))
        }
    }

    /// Whether no read was noted at this place yet (then the caller notes it). Up to `placesSearchedInOrder` reads the
    /// list is searched; the read that passes that puts every place into `notedPlaces`, which answers from then on.
    private func isNewPlace(_ name: String, _ span: SourceSpan) -> Bool {
        if environmentReads.count < EvaluationContext.placesSearchedInOrder {
            return !environmentReads.contains { $0.span == span && $0.name == name }
        }
        if notedPlaces.isEmpty {
            notedPlaces = Set(environmentReads.map { EnvironmentPlace(name: $0.name, span: $0.span) })
        }
        return notedPlaces.insert(EnvironmentPlace(name: name, span: span)).inserted
    }

    func takeEnvironmentReads() -> [EnvironmentRead] {
        defer {
            environmentReads.removeAll()
            // A worker's set keeps its room for the next file with many reads, unless it is large.
            if !notedPlaces.isEmpty { notedPlaces.removeAll(keepingCapacity: notedPlaces.count <= 64) }
        }
        return environmentReads
    }

    /// Resets the work budget; each file gets its own.
    func startFile() { steps = 0 }

    func spendStep(at range: JSRange, in evaluator: JSEvaluator, count: Int = 1) throws {
        try spendStep(in: evaluator, count: count) { range }
    }

    /// As `spendStep(at:)`, asking for the range only once the budget ran out: every node evaluated spends a step,
    /// and finding a node's range is a switch over its cases.
    @inline(__always)
    func spendStep(in evaluator: JSEvaluator, count: Int = 1, at range: () -> JSRange) throws {
        steps += count
        if steps > EvaluationContext.maximumSteps {
            throw evaluator.unsupported("evaluation that takes more than \(EvaluationContext.maximumSteps) steps", at: range())
        }
    }

    func enterCall(at range: JSRange, in evaluator: JSEvaluator) throws {
        callDepth += 1
        if callDepth > EvaluationContext.maximumCallDepth {
            callDepth -= 1
            throw evaluator.unsupported("function calls nested more than \(EvaluationContext.maximumCallDepth) deep", at: range)
        }
    }

    func leaveCall() { callDepth -= 1 }
}

extension JSPattern {
    var boundNames: [String] {
        switch self {
        case .name(let name, _): return [name]
        case .withDefault(let inner, _): return inner.boundNames
        case .object(let properties, let rest, _): return properties.flatMap(\.value.boundNames) + (rest.map { [$0] } ?? [])
        case .array(let elements, let rest, _): return elements.compactMap { $0 }.flatMap(\.boundNames) + (rest?.boundNames ?? [])
        }
    }
}

extension JSStatement {
    var range: JSRange {
        switch self {
        case .declaration(_, _, let range), .expression(_, let range), .returnStatement(_, let range),
             .ifStatement(_, _, _, let range), .block(_, let range), .empty(let range):
            return range
        case .function(let node):
            return node.range
        }
    }
}
