/// Runs the active rules over a read config directory and collects every problem into one report.
public struct Validator: Sendable {
    public let rules: [any ValidationRule]
    public let selection: RuleSelection
    public let dialect: SQLDialect
    /// `nil` turns the plugin rules (types, options, sync modes) off.
    public let plugins: PluginCatalog?
    /// Which Grouparoo command's checks to reproduce.
    public let runMode: RunMode
    /// The plugins the project loads (package.json); nil when unknown.
    public var installation: PluginInstallation?

    public init(rules: [any ValidationRule] = RuleCatalog.all, selection: RuleSelection = RuleSelection(),
                dialect: SQLDialect = .sqlite, plugins: PluginCatalog? = PluginCatalog.bundled,
                runMode: RunMode = .default) {
        self.rules = rules
        self.selection = selection
        self.dialect = dialect
        self.plugins = plugins
        self.runMode = runMode
    }

    /// The rules that run with this selection in this run mode, in catalog order.
    public var activeRules: [any ValidationRule] { activeRules(in: runMode) }

    func activeRules(in mode: RunMode) -> [any ValidationRule] {
        rules.filter { selection.isActive($0.description) && $0.description.runModes.contains(mode) }
    }

    public func validate(_ read: ConfigReadResult) -> ValidationReport {
        var input = ValidationInput(read: read, dialect: dialect, plugins: plugins, runMode: runMode)
        input.installation = installation
        return validate(input)
    }

    public func validate(_ input: ValidationInput) -> ValidationReport {
        let active = activeRules(in: input.runMode)
        var diagnostics = Self.run(active, on: input)
        // Reader diagnostics no catalog rule claims are never dropped.
        let claimed = rules.compactMap(\.passedOnReaderProblem)
        // Written without Optional.map: that form crashes the Swift 6.3.1 optimizer (CopyPropagation) in release builds.
        diagnostics += input.readerDiagnostics.filter { diagnostic in
            guard let problem = diagnostic.readerProblem else { return true }
            return !claimed.contains(problem)
        }
        let activeIDs = Set(active.map(\.description.identifier))
        diagnostics = InlineSuppressions.apply(diagnostics, comments: input.read.suppressions,
                                               activeRules: activeIDs, knownRules: Set(rules.map(\.description.identifier)),
                                               reportUnused: activeIDs.contains(UnusedSuppressionRule.identifier))
        return ValidationReport(diagnostics: ValidationReport.sorted(consume diagnostics), fileCount: input.fileCount,
                                objectCount: input.entries.count, rules: active.map(\.description))
    }
}

extension Validator {
    /// Entries an `EntryRule` task checks at once: their objects stay in a core's cache while every such rule reads them.
    static let entriesPerChunk = 1024

    /// Every active rule's findings, rule by rule in `active`'s order. Rules are independent and only read the input, so
    /// they run on every core. The entry rules go through the entries a chunk at a time, each chunk through every entry
    /// rule at once: one rule walking all entries after another read each object from memory again once a large
    /// config no longer fits the cache (most of the rules' cache misses on 100k files).
    static func run(_ active: [any ValidationRule], on input: ValidationInput,
                    entriesPerChunk: Int = entriesPerChunk) -> [Diagnostic] {
        let entryRules = active.compactMap(\.entryRule)
        let count = input.entries.count
        let chunks = entryRules.isEmpty ? 0 : (count + entriesPerChunk - 1) / entriesPerChunk
        // Items: every rule's whole-config part (one list), then the chunks (one list per entry rule). Workers take
        // items in order, so the long whole-config passes start first and the short chunks fill in around them.
        let wholes = active.count
        // A small config's rules all run on one worker: a thread would cost more than it saves.
        let perWorker = count < ValidationInput.entriesPerWorker ? Int.max : 1
        let results = LargeStack.parallelMap(wholes + chunks, minimumPerWorker: perWorker) { item -> [[Diagnostic]] in
            guard item >= wholes else {
                let rule = active[item]
                return [rule.entryRule?.checkBeyondEntries(input) ?? rule.check(input)]
            }
            let chunk = item - wholes
            let positions = chunk * entriesPerChunk..<min(count, (chunk + 1) * entriesPerChunk)
            let rows = TableRows(positions, of: input)  // once for every rule
            return entryRules.map { $0.checkEntries(rows, of: input) }
        }
        var diagnostics: [Diagnostic] = []
        var entryRuleIndex = 0
        for index in active.indices {
            if active[index].entryRule != nil {
                for chunk in 0..<chunks { diagnostics += results[wholes + chunk][entryRuleIndex] }
                entryRuleIndex += 1
            }
            diagnostics += results[index][0]
        }
        return diagnostics
    }
}

/// The outcome of one validation run.
public struct ValidationReport: Sendable {
    /// Sorted by file, line, column (diagnostics without a location last), then rule id.
    public var diagnostics: [Diagnostic]
    public var fileCount: Int
    public var objectCount: Int
    /// The rules that ran, for SARIF `tool.driver.rules` and summaries.
    public var rules: [RuleDescription]

    public init(diagnostics: [Diagnostic], fileCount: Int, objectCount: Int, rules: [RuleDescription] = []) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.objectCount = objectCount
        self.rules = rules
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    /// True when there are no errors (warnings and notes are allowed).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    static func sorted(_ diagnostics: consuming [Diagnostic]) -> [Diagnostic] {
        // What a comparison reads is gathered once: a comparison that copied two diagnostics out cost hundreds of
        // instructions. Each path is looked up once, not twice per comparison (a span stores its file as a table index).
        // A loop, not `map`: a closure holding `diagnostics` made the array shared, so moving in place copied it.
        var keys: [SortKey] = []
        keys.reserveCapacity(diagnostics.count)
        for index in diagnostics.indices {
            let span = diagnostics[index].span
            keys.append(SortKey(span: span, file: span?.file ?? "", ruleID: diagnostics[index].ruleID))
        }
        let order = keys.withUnsafeBufferPointer { keys in
            keys.indices.sorted { left, right in
                switch (keys[left].span, keys[right].span) {
                case (nil, nil): break
                case (nil, _): return false
                case (_, nil): return true
                case (let x?, let y?):
                    // One path, one id (paths are tabled by their bytes): the paths are compared only when the ids
                    // differ (and may still be equal strings, spelled in other normal forms).
                    if x.fileID != y.fileID, keys[left].file != keys[right].file { return keys[left].file < keys[right].file }
                    if x.start != y.start { return x.start < y.start }
                }
                if keys[left].ruleID != keys[right].ruleID { return keys[left].ruleID < keys[right].ruleID }
                return left < right
            }
        }
        // Moved into that order in place, not copied.
        diagnostics.withUnsafeMutableBufferPointer { ResultSlots.permute($0, by: order) }
        return diagnostics
    }

    private struct SortKey {
        let span: SourceSpan?
        let file: String
        let ruleID: String
    }
}

/// Which rules run: every rule enabled by default, minus `disabled`, plus `enabled`.
/// A rule named in both sets is disabled; `neverDisabledRules` always run.
public struct RuleSelection: Sendable {
    public var disabled: Set<String>
    public var enabled: Set<String>

    public init(disabled: Set<String> = [], enabled: Set<String> = []) {
        self.disabled = disabled
        self.enabled = enabled
    }

    public func isActive(_ rule: RuleDescription) -> Bool {
        if disabled.contains(rule.identifier), !Self.neverDisabledRules.contains(rule.identifier) { return false }
        return rule.enabledByDefault || enabled.contains(rule.identifier)
    }
}
