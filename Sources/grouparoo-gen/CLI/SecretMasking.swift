import ConfigModel

/// Hides secrets in the source lines the text format prints: every character under a span a
/// secret-finding diagnostic points at becomes `*` (quotes stay, so the line still reads as code and
/// the caret columns do not move). Any diagnostic's excerpt of that line is masked, not only the
/// secret's own.
struct SecretMasking {
    private let spans: [SourceSpan]

    init(_ diagnostics: [Diagnostic]) {
        spans = diagnostics.filter(\.pointsAtSecret).compactMap(\.span)
    }

    func masked(_ line: String, number: Int, file: String) -> String {
        let covering = spans.filter { $0.file == file && $0.start.line <= number && number <= $0.end.line }
        guard !covering.isEmpty else { return line }
        var scalars = Array(line.unicodeScalars)
        for span in covering {
            let first = span.start.line == number ? span.start.column - 1 : 0
            let end = span.end.line == number ? span.end.column - 1 : scalars.count
            guard first < end else { continue }
            for index in max(0, first)..<min(end, scalars.count) where !"\"'`".unicodeScalars.contains(scalars[index]) {
                scalars[index] = "*"
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
