extension ConfigReader {
    /// A problem inside a file that several files `require` (a shared helper, a require cycle) is found
    /// once per requiring file, at the same place: it is reported once. A variable `.env.example` does
    /// not declare is reported where it is first used.
    /// Files without diagnostics (most of them) are left as they are, not copied.
    static func removeRepeats(in files: inout [FileReadResult]) {
        struct Key: Hashable {
            let problem: ReaderProblem?
            let message: String
            let span: SourceSpan?
        }
        // Room for every diagnostic at once: growing step by step hashed every key again each time.
        var seen = Set<Key>(minimumCapacity: files.reduce(0) { $0 + $1.diagnostics.count })
        for index in files.indices where !files[index].diagnostics.isEmpty {
            files[index].diagnostics = files[index].diagnostics.filter { diagnostic in
                let onePerMessage = diagnostic.readerProblem == .envVarNotInExample
                return seen.insert(Key(problem: diagnostic.readerProblem, message: diagnostic.message,
                                       span: onePerMessage ? nil : diagnostic.span)).inserted
            }
        }
    }
}

