/// One offline check, in the style of a SwiftLint rule: an identifier, a one-line
/// description, the Grouparoo rules it mirrors, a default severity, and examples
/// that the test suite runs automatically.
public protocol ValidationRule: Sendable {
    var description: RuleDescription { get }
    /// Every problem this rule finds in the whole config; never throws, never stops early.
    func check(_ config: ValidationInput) -> [Diagnostic]
    /// The reader problem whose diagnostics this rule passes on, if it is such a rule. (A requirement,
    /// not an `as?` cast: casting to a protocol costs a scan of every conformance in the binary.)
    var passedOnReaderProblem: ReaderProblem? { get }
    /// The reader problem this rule names (`ReaderProblemRule`), passed on or reported otherwise.
    var namedReaderProblem: ReaderProblem? { get }
    /// This rule when it checks entries one by one (`EntryRule`), else nil (a requirement, not an `as?` cast).
    var entryRule: (any EntryRule)? { get }
}

extension ValidationRule {
    public var passedOnReaderProblem: ReaderProblem? { nil }
    public var namedReaderProblem: ReaderProblem? { nil }
    public var entryRule: (any EntryRule)? { nil }
}

/// A rule that looks at each entry on its own, then perhaps at more: the validator runs it over ranges of entries,
/// every such rule over a range while its objects are in cache (`Validator`). Its findings are those of the entries
/// in config order, then those beyond them.
public protocol EntryRule: ValidationRule {
    /// Appends what the rule finds in this entry alone; `rows` places its keys in its class's fields.
    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic])
    /// What the rule finds beyond single entries, reported after theirs.
    func checkBeyondEntries(_ config: ValidationInput) -> [Diagnostic]
    /// What the rule finds in the entries these rows are of, in config order. A requirement, so each rule's loop is
    /// compiled for that rule: called through the protocol extension, every entry cost a dynamic call and a retain.
    func checkEntries(_ rows: TableRows, of config: ValidationInput) -> [Diagnostic]
}

extension EntryRule {
    public func checkBeyondEntries(_ config: ValidationInput) -> [Diagnostic] { [] }
    public var entryRule: (any EntryRule)? { self }

    public func check(_ config: ValidationInput) -> [Diagnostic] {
        checkEntries(TableRows(config.entries.indices, of: config), of: config) + checkBeyondEntries(config)
    }

    public func checkEntries(_ rows: TableRows, of config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // By index, each entry handed over unretained (`withUnretained`).
        config.entries.withUnsafeBufferPointer { entries in
            rows.forEachEntry { position, rows in
                entries.withUnretained(at: position) { check($0, rows: rows, in: config, into: &found) }
            }
        }
        return found
    }
}

/// What a rule is, for `grouparoo-gen rules`, SARIF `tool.driver.rules` and the tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, e.g. `duplicate-id`; used by `--disable` and in every diagnostic.
    public let identifier: String
    public let summary: String
    /// Grouparoo rule ids from grouparoo-rules.md this mirrors, e.g. `["R-PIPE-02"]`; empty when it goes beyond Grouparoo.
    public let grouparooRules: [String]
    public let severity: Severity
    /// Whether the rule runs unless enabled explicitly.
    public let enabledByDefault: Bool
    /// The run modes whose checks this rule reproduces; it is skipped in the others. (A list, not a set:
    /// see `ReaderProblem.ruleID`.)
    public let runModes: [RunMode]
    /// Config files (path → contents) that must produce at least one diagnostic from this rule.
    public var triggeringExamples: [RuleExample] { makeTriggeringExamples() }
    /// Config files that must produce none.
    public var nonTriggeringExamples: [RuleExample] { makeNonTriggeringExamples() }
    /// The examples are made when asked for (by the tests and `rules`): every run builds the catalog.
    private let makeTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNonTriggeringExamples: @Sendable () -> [RuleExample]

    public init(identifier: String, summary: String, grouparooRules: [String], severity: Severity,
                enabledByDefault: Bool = true, runModes: [RunMode] = RunMode.allCases,
                triggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample],
                nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample]) {
        self.identifier = identifier
        self.summary = summary
        self.grouparooRules = grouparooRules
        self.severity = severity
        self.enabledByDefault = enabledByDefault
        self.runModes = runModes
        makeTriggeringExamples = triggeringExamples
        makeNonTriggeringExamples = nonTriggeringExamples
    }
}

/// A small config directory for a rule example: relative path → file contents. In a triggering example
/// each `↓` marks where one of the rule's diagnostics starts (SwiftLint's convention); the marks are
/// taken out of the files, and the tests require exactly those diagnostics at exactly those places.
public struct RuleExample: Sendable {
    public static let marker: Unicode.Scalar = "↓"

    /// The files as written, markers included.
    private let markedFiles: [String: String]

    /// The files without their markers.
    public var files: [String: String] {
        markedFiles.mapValues { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != Self.marker })) }
    }

    /// Every marked position, sorted by file, line and column.
    public var markers: [Marker] {
        var markers: [Marker] = []
        for (path, contents) in markedFiles {
            var (line, column) = (1, 1)
            for scalar in contents.unicodeScalars {
                if scalar == Self.marker {
                    markers.append(Marker(file: path, line: line, column: column))
                    continue
                }
                if scalar == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            }
        }
        return markers.sorted()
    }

    /// A marked position: a file of the example and a 1-based line and column (in Unicode scalars, as `TextPosition`).
    public struct Marker: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        public static func < (lhs: Marker, rhs: Marker) -> Bool {
            (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
        }

        public var description: String { "\(file):\(line):\(column)" }
    }

    public init(_ files: [String: String]) {
        markedFiles = files
    }

    /// A one-file example, `config.js` holding `exports.default = [ … ]` with the given objects.
    public init(objects: String) {
        self.init(["config.js": "exports.default = [\n\(objects)\n];\n"])
    }
}
