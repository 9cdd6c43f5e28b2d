/// What the reader (or the model decoder) found wrong with a file, as a fact about the file. The rules
/// layer names each problem: the rule whose `problem` it is reports it under its own id.
public enum ReaderProblem: Sendable, Hashable, CaseIterable {
    case syntaxError
    case evaluationError
    /// The file uses JavaScript the static evaluator does not run.
    case needsNode
    case unsetEnvVar
    /// A variable the config reads that `.env.example` does not declare.
    case envVarNotInExample
    /// Bytes that are not UTF-8, read as U+FFFD like Node does.
    case invalidUTF8
    case nullConfigObject
    case unreadableFile
    /// Only with `--evaluator node`.
    case nodeEvaluationError
    /// Found while decoding the typed models.
    case invalidValueType
}

/// Who reported a diagnostic: the reader, with a typed problem, or a rule, by its id.
public enum DiagnosticOrigin: Sendable, Equatable {
    case reader(ReaderProblem)
    case rule(String)
}
