import ConfigModel

/// The source line a diagnostic points at, indented, and under it a caret at the span's start extended
/// with `~` to its end when the span stays on one line. Secrets on the line are masked, control characters
/// escaped. It writes straight into the run's bytes and reuses its buffers: it runs for every diagnostic.
struct SourceExcerpt {
    private var scalars: [Unicode.Scalar] = []
    private var indent: [UInt8] = []

    /// Appends the excerpt of `line` (the line `span` starts on, as bytes) to `output`; nothing for a
    /// line too long to be worth showing. `plainASCIIAsBytes: false` takes the general path for every
    /// line, for tests to compare the two.
    mutating func append(_ line: ArraySlice<UInt8>, span: SourceSpan, secrets: SecretMasking.FileSecrets,
                         useColor: Bool, to output: inout [UInt8], plainASCIIAsBytes: Bool = true) {
        let sameLine = span.end.line == span.start.line
        let caret = Caret(beforeStart: max(0, span.start.column - 1),
                          beforeEnd: sameLine && span.end.column > span.start.column ? max(0, span.end.column - 1) : nil)
        indent.removeAll(keepingCapacity: true)
        let shown: ShownLine
        // Most lines are printable ASCII (tabs allowed): a scalar per byte and nothing to escape, so the
        // line's bytes are its text. A file the rules could not check needs the scalars to mask literals.
        if plainASCIIAsBytes, line.count <= Self.longestShownLine, !secrets.isUnchecked, line.allSatisfy(Self.isPlainASCII) {
            shown = appendPlainASCII(line, caret: caret, number: span.start.line, secrets: secrets, to: &output)
        } else {
            guard decode(line) else { return }
            secrets.mask(&scalars, number: span.start.line)
            shown = appendScalars(caret: caret, to: &output)
        }
        output.append(UInt8(ascii: "\n"))
        output.append(ascii: "    ")
        output.append(contentsOf: indent)
        let start = shown.startColumn ?? shown.width + 1
        let end = caret.beforeEnd == nil ? start : (shown.endColumn ?? shown.width + 1)
        // A caret, extended with `~` to the end (at most to the end of the line).
        if useColor { output.append(colorStart: "32") }
        output.append(UInt8(ascii: "^"))
        if sameLine, end > start + 1 {
            output.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, min(end, shown.width + 1) - start - 1)))
        }
        if useColor { output.append(ascii: [UInt8].colorEnd) }
        output.append(UInt8(ascii: "\n"))
    }

    /// Where the span starts and ends in the line, in scalars before it (the end only when on the same line, after the start).
    private struct Caret {
        let beforeStart: Int
        let beforeEnd: Int?
    }

    /// The line as printed: its width and the columns (1-based, escapes counted) where the caret starts
    /// and ends; nil when the span goes past the line's end.
    private struct ShownLine {
        var width = 0
        var startColumn: Int?
        var endColumn: Int?
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        (0x20..<0x7F).contains(byte) || byte == UInt8(ascii: "\t")
    }

    /// A line of printable ASCII and tabs, copied as it is, secrets masked in place; the indent keeps its tabs.
    private mutating func appendPlainASCII(_ line: ArraySlice<UInt8>, caret: Caret, number: Int,
                                           secrets: SecretMasking.FileSecrets, to output: inout [UInt8]) -> ShownLine {
        output.append(ascii: "    ")
        let lineStart = output.count
        output.append(contentsOf: line)
        _ = secrets.maskSpans(line: number, length: line.count) { offset in
            if !SecretMasking.isQuote(UInt32(output[lineStart + offset])) { output[lineStart + offset] = UInt8(ascii: "*") }
        }
        // From the masked text, as the general path does: a masked tab is indented as a space.
        let columns = line.count
        indent.append(contentsOf: output[lineStart..<(lineStart + min(caret.beforeStart, columns))])
        for index in indent.indices where indent[index] != UInt8(ascii: "\t") { indent[index] = UInt8(ascii: " ") }
        return ShownLine(width: columns, startColumn: caret.beforeStart < columns ? caret.beforeStart + 1 : nil,
                         endColumn: caret.beforeEnd.flatMap { $0 < columns ? $0 + 1 : nil })
    }

    /// Any other line, from its (masked) scalars: control characters become escapes, which widen the
    /// line, so the caret columns count the escaped text.
    private mutating func appendScalars(caret: Caret, to output: inout [UInt8]) -> ShownLine {
        output.append(ascii: "    ")
        var shown = ShownLine()
        for index in scalars.indices {
            let scalar = scalars[index]
            if index == caret.beforeStart { shown.startColumn = shown.width + 1 }
            if index == caret.beforeEnd { shown.endColumn = shown.width + 1 }
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
            if index < caret.beforeStart {
                if scalar == "\t" {
                    indent.append(UInt8(ascii: "\t"))
                } else {
                    for _ in 0..<added { indent.append(UInt8(ascii: " ")) }
                }
            }
            shown.width += added
        }
        return shown
    }

    /// Puts the line's scalars in `scalars`; false for a line of more than 200. An ASCII line has a
    /// scalar per byte; others are decoded as a String would be (U+FFFD for bad bytes).
    private mutating func decode(_ line: ArraySlice<UInt8>) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        // A scalar takes at most 4 bytes (a bad byte becomes one U+FFFD), so a longer line has too many: not
        // looked at, as many diagnostics can point into one very long line.
        guard line.count <= 4 * Self.longestShownLine else { return false }
        if line.allSatisfy({ $0 < 0x80 }) {
            guard line.count <= Self.longestShownLine else { return false }
            scalars.append(contentsOf: line.lazy.map { Unicode.Scalar($0) })
        } else {
            scalars.append(contentsOf: String(decoding: line, as: UTF8.self).unicodeScalars)
        }
        return scalars.count <= Self.longestShownLine
    }

    private static let longestShownLine = 200
}
