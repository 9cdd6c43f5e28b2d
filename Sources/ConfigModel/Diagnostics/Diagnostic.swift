/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary location attached to a diagnostic ("defined here", "referenced here").
public struct DiagnosticNote: Sendable, Equatable {
    public var message: String
    public var span: SourceSpan?

    public init(_ message: String, span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// One problem found while reading or validating config. Diagnostics are
/// collected, never thrown, so a single run reports everything it finds.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    /// The reader problem or rule that produced this; `ruleID` (defined with the rules) names either.
    public var origin: DiagnosticOrigin
    public var message: String
    public var span: SourceSpan?
    /// The message Grouparoo itself would print for this problem, when there is one.
    public var grouparooMessage: String?
    /// Class and id of the config object the problem belongs to, when known.
    public var objectClass: String?
    public var objectID: String?
    public var notes: [DiagnosticNote]

    public init(
        severity: Severity,
        origin: DiagnosticOrigin,
        message: String,
        span: SourceSpan?,
        grouparooMessage: String? = nil,
        objectClass: String? = nil,
        objectID: String? = nil,
        notes: [DiagnosticNote] = []
    ) {
        self.severity = severity
        self.origin = origin
        self.message = message
        self.span = span
        self.grouparooMessage = grouparooMessage
        self.objectClass = objectClass
        self.objectID = objectID
        self.notes = notes
    }

    /// A diagnostic a rule reports under its id.
    public init(severity: Severity, ruleID: String, message: String, span: SourceSpan?, grouparooMessage: String? = nil,
                objectClass: String? = nil, objectID: String? = nil, notes: [DiagnosticNote] = []) {
        self.init(severity: severity, origin: .rule(ruleID), message: message, span: span, grouparooMessage: grouparooMessage,
                  objectClass: objectClass, objectID: objectID, notes: notes)
    }

    /// A diagnostic for a problem the reader found.
    public init(severity: Severity, problem: ReaderProblem, message: String, span: SourceSpan?, grouparooMessage: String? = nil) {
        self.init(severity: severity, origin: .reader(problem), message: message, span: span, grouparooMessage: grouparooMessage)
    }

    /// The reader problem this reports, if the reader reported it.
    public var readerProblem: ReaderProblem? {
        if case .reader(let problem) = origin { return problem }
        return nil
    }
}
