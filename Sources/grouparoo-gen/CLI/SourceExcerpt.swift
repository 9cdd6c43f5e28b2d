import ConfigModel

/// The source line a diagnostic points at, indented, and under it a caret at the span's start extended
/// with `~` to its end when the span stays on one line. Secrets on the line are masked, control characters
/// escaped. It writes straight into the run's bytes and reuses its buffers: it runs for every diagnostic.
struct SourceExcerpt {
    private var scalars: [Unicode.Scalar] = []
    private var indent: [UInt8] = []

    /// Appends the excerpt of `line` (the line `span` starts on, as bytes) to `output`; nothing for a
    /// line too long to be worth showing.
    mutating func append(_ line: ArraySlice<UInt8>, span: SourceSpan, secrets: SecretMasking.FileSecrets,
                         useColor: Bool, to output: inout [UInt8]) {
        guard decode(line) else { return }
        secrets.mask(&scalars, number: span.start.line)
        let sameLine = span.end.line == span.start.line
        let scalarsBeforeStart = max(0, span.start.column - 1)
        let scalarsBeforeEnd = sameLine && span.end.column > span.start.column ? max(0, span.end.column - 1) : nil
        output.append(contentsOf: "    ".utf8)
        indent.removeAll(keepingCapacity: true)
        indent.append(contentsOf: "    ".utf8)
        // Escapes widen the line, so the caret columns count the escaped text.
        var width = 0
        var startColumn: Int?
        var endColumn: Int?
        for index in scalars.indices {
            let scalar = scalars[index]
            if index == scalarsBeforeStart { startColumn = width + 1 }
            if index == scalarsBeforeEnd { endColumn = width + 1 }
            var added = 1
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                output.append(UInt8(truncatingIfNeeded: scalar.value))
            } else if ControlCharacters.needsEscape(scalar, keepNewlines: false) {
                let escape = ControlCharacters.escape(scalar).utf8
                output.append(contentsOf: escape)
                added = escape.count
            } else {
                UTF8.encode(scalar) { output.append($0) }
            }
            if index < scalarsBeforeStart {
                if scalar == "\t" {
                    indent.append(UInt8(ascii: "\t"))
                } else {
                    for _ in 0..<added { indent.append(UInt8(ascii: " ")) }
                }
            }
            width += added
        }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: indent)
        let start = startColumn ?? width + 1
        let end = scalarsBeforeEnd == nil ? start : (endColumn ?? width + 1)
        // A caret, extended with `~` to the end (at most to the end of the line).
        if useColor { output.append(contentsOf: "\u{1B}[1;32m".utf8) }
        output.append(UInt8(ascii: "^"))
        if sameLine, end > start + 1 {
            output.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, min(end, width + 1) - start - 1)))
        }
        if useColor { output.append(contentsOf: "\u{1B}[0m".utf8) }
        output.append(UInt8(ascii: "\n"))
    }

    /// Puts the line's scalars in `scalars`; false for a line of more than 200. Most lines are ASCII, a
    /// scalar per byte; others are decoded as a String would be (U+FFFD for bad bytes).
    private mutating func decode(_ line: ArraySlice<UInt8>) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        if line.allSatisfy({ $0 < 0x80 }) {
            guard line.count <= Self.longestShownLine else { return false }
            for byte in line { scalars.append(Unicode.Scalar(byte)) }
        } else {
            scalars.append(contentsOf: String(decoding: line, as: UTF8.self).unicodeScalars)
        }
        return scalars.count <= Self.longestShownLine
    }

    private static let longestShownLine = 200
}
