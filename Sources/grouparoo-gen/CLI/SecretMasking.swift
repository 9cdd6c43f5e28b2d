import ConfigModel

/// Hides secrets in the source lines the text format prints: every character under a span a
/// secret-finding diagnostic points at becomes `*` (quotes stay, so the line still reads as code and
/// the caret columns do not move). Any diagnostic's excerpt of that line is masked, not only the
/// secret's own. In a file the rules could not check (syntax error, needs Node), no diagnostic points
/// at its secrets, so there a string written after a secret-like key (`password: "…"`) is masked.
struct SecretMasking: Sendable {
    /// Each secret span, and a span in each file the rules could not check, sorted by file: a file's
    /// entries are one range, found by a binary search over file ids (hashing paths cost more than the
    /// printing they were looked up for).
    private let entries: [Entry]

    fileprivate struct Entry {
        let span: SourceSpan
        /// The span only names a file the rules could not check.
        let unchecked: Bool
    }

    init(_ diagnostics: [Diagnostic]) {
        var entries: [Entry] = []
        for diagnostic in diagnostics {
            guard let span = diagnostic.span else { continue }
            if diagnostic.pointsAtSecret { entries.append(Entry(span: span, unchecked: false)) }
            if diagnostic.leavesFileUnchecked { entries.append(Entry(span: span, unchecked: true)) }
        }
        // Diagnostics usually come in file order already, which the sort finds in one pass.
        entries.sort { $0.span.fileID < $1.span.fileID }
        self.entries = entries
    }

    /// What hides secrets in the lines of the file `span` is in.
    func inFile(of span: SourceSpan) -> FileSecrets {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].span.fileID < span.fileID { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < entries.count, entries[end].span.fileID == span.fileID { end += 1 }
        return FileSecrets(entries: entries[low..<end])
    }

    /// `line`, line `number` of `file`, with its secrets masked.
    func masked(_ line: String, number: Int, file: String) -> String {
        guard let entry = entries.first(where: { $0.span.file == file }) else { return line }
        var scalars = Array(line.unicodeScalars)
        guard inFile(of: entry.span).mask(&scalars, number: number) else { return line }
        // One scalar at a time: `String.UnicodeScalarView(scalars)` runs unspecialized generic code.
        var result = ""
        result.unicodeScalars.reserveCapacity(line.utf8.count)
        for scalar in scalars { result.unicodeScalars.append(scalar) }
        return result
    }

    /// The secrets of one file.
    struct FileSecrets {
        fileprivate let entries: ArraySlice<Entry>

        /// The rules could not check the file: its string literals after secret-like keys are masked too.
        var isUnchecked: Bool { entries.contains { $0.unchecked } }

        /// Masks the secrets in line `number`, given as its scalars; false when nothing there can hold one.
        @discardableResult
        func mask(_ scalars: inout [Unicode.Scalar], number: Int) -> Bool {
            let masked = maskSpans(line: number, length: scalars.count) { index in
                if !SecretMasking.isQuote(scalars[index].value) { scalars[index] = "*" }
            }
            if isUnchecked { SecretMasking.maskLiteralsAfterSecretKeys(&scalars) }
            return masked || isUnchecked
        }

        /// Calls `mask` with each offset (a scalar's, from 0) that a secret span covers in line `number`
        /// of `length` scalars; false when no secret span touches the line.
        func maskSpans(line number: Int, length: Int, _ mask: (Int) -> Void) -> Bool {
            var touched = false
            for entry in entries where !entry.unchecked && entry.span.start.line <= number && number <= entry.span.end.line {
                touched = true
                let span = entry.span
                let first = max(0, span.start.line == number ? span.start.column - 1 : 0)
                let end = min(length, span.end.line == number ? span.end.column - 1 : length)
                for index in first..<max(first, end) { mask(index) }
            }
            return touched
        }
    }

    /// Whether the scalar or byte `value` is a quote, which masking keeps. A switch, not a `Set`: this
    /// runs for every character under a secret's span.
    static func isQuote(_ value: UInt32) -> Bool {
        value == 0x22 || value == 0x27 || value == 0x60  // " ' `
    }

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
            if isQuote(scalar.value) {
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
