import ConfigModel

/// Hides secrets in the source lines the text format prints: every character under a span a
/// secret-finding diagnostic points at becomes `*` (quotes stay, so the line still reads as code and
/// the caret columns do not move). Any diagnostic's excerpt of that line is masked, not only the
/// secret's own. In a file the rules could not check (syntax error, needs Node), no diagnostic points
/// at its secrets, so there a string written after a secret-like key (`password: "…"`) is masked.
struct SecretMasking {
    /// Grouped by file once: looking through every secret's span for each printed line was quadratic.
    private let spansByFile: [String: [SourceSpan]]
    private let uncheckedFiles: Set<String>

    init(_ diagnostics: [Diagnostic]) {
        // One pass, no filtered copies of the diagnostics: this runs before every text report.
        var spansByFile: [String: [SourceSpan]] = [:]
        var uncheckedFiles: Set<String> = []
        for diagnostic in diagnostics {
            guard let span = diagnostic.span else { continue }
            if diagnostic.pointsAtSecret { spansByFile[span.file, default: []].append(span) }
            if diagnostic.leavesFileUnchecked { uncheckedFiles.insert(span.file) }
        }
        self.spansByFile = spansByFile
        self.uncheckedFiles = uncheckedFiles
    }

    func masked(_ line: String, number: Int, file: String) -> String {
        var scalars = Array(line.unicodeScalars)
        guard mask(&scalars, number: number, file: file) else { return line }
        // One scalar at a time: `String.UnicodeScalarView(scalars)` runs unspecialized generic code.
        var result = ""
        result.unicodeScalars.reserveCapacity(line.utf8.count)
        for scalar in scalars { result.unicodeScalars.append(scalar) }
        return result
    }

    /// Masks the secrets in line `number` of `file`, given as its scalars; false when nothing there can hold one.
    @discardableResult
    func mask(_ scalars: inout [Unicode.Scalar], number: Int, file: String) -> Bool {
        let unchecked = uncheckedFiles.contains(file)
        var masked = unchecked
        for span in spansByFile[file] ?? [] where span.start.line <= number && number <= span.end.line {
            masked = true
            let first = span.start.line == number ? span.start.column - 1 : 0
            let end = span.end.line == number ? span.end.column - 1 : scalars.count
            guard first < end else { continue }
            for index in max(0, first)..<min(end, scalars.count) where !Self.quotes.contains(scalars[index]) {
                scalars[index] = "*"
            }
        }
        if unchecked { Self.maskLiteralsAfterSecretKeys(&scalars) }
        return masked
    }

    private static let quotes: Set<Unicode.Scalar> = ["\"", "'", "`"]

    /// `line` with each string literal written after a secret-like key masked, for printed source
    /// that no diagnostic covers (a `--fix --dry-run` diff).
    static func maskedBySecretKeys(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        maskLiteralsAfterSecretKeys(&scalars)
        return String(String.UnicodeScalarView(scalars))
    }

    /// Masks the text of each string literal written right after `key:` or `key =` where the key
    /// (a word or a quoted name) looks like a secret's.
    private static func maskLiteralsAfterSecretKeys(_ scalars: inout [Unicode.Scalar]) {
        var lastKey: String?
        var afterSecretKey = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if quotes.contains(scalar) {
                var end = index + 1
                while end < scalars.count, scalars[end] != scalar { end += scalars[end] == "\\" ? 2 : 1 }
                let contentEnd = min(end, scalars.count)
                if afterSecretKey {
                    for position in (index + 1)..<contentEnd { scalars[position] = "*" }
                    lastKey = nil
                } else {
                    lastKey = String(String.UnicodeScalarView(scalars[(index + 1)..<contentEnd]))
                }
                afterSecretKey = false
                index = contentEnd + 1
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "$" {
                var end = index
                while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil
                        || scalars[end] == "_" || scalars[end] == "$" { end += 1 }
                lastKey = String(String.UnicodeScalarView(scalars[index..<end]))
                afterSecretKey = false
                index = end
            } else if scalar == ":" || scalar == "=" {
                afterSecretKey = lastKey.map(Diagnostic.isSecretKey) ?? false
                lastKey = nil
                index += 1
            } else {
                if scalar != " " && scalar != "\t" { lastKey = nil; afterSecretKey = false }
                index += 1
            }
        }
    }
}
