/// What the reader says about a file's environment reads: an unset variable without a fallback reads
/// `undefined` (`unset-env-var`), unless `.env.example` declares it (then it is provided, value unknown);
/// with a `.env.example`, a variable it does not declare is pointed out (`env-var-not-in-example`).
enum EnvironmentChecks {
    static func diagnostics(for reads: [EnvironmentRead], declared: Set<String>?, exampleName: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for read in reads {
            // Spelled out only for a message: most reads make none.
            func written() -> String { ConfigReader.environmentRead(read.name) }
            if !read.isSet, !read.hasFallback, declared?.contains(read.name) != true {
                found.append(Diagnostic(severity: .warning, problem: .unsetEnvVar,
                                        message: "environment variable `\(read.name)` is not set, so `\(written())` is undefined",
                                        span: read.span))
            }
            if let declared, !declared.contains(read.name) {
                found.append(Diagnostic(severity: .warning, problem: .envVarNotInExample,
                                        message: "`\(written())` is used but \(exampleName) does not declare it; "
                                            + "add \(read.name) to \(exampleName)",
                                        span: read.span))
            }
        }
        return found
    }
}
