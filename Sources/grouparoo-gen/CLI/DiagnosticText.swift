import ConfigModel
import Foundation

/// The text `DiagnosticPrinter` prints for diagnostics, made without the terminal, so runs of
/// diagnostics can be rendered on several threads at once.
struct DiagnosticText: Sendable {
    /// Paths are shown relative to this directory when they are inside it.
    let relativeTo: String
    let useColor: Bool

    /// The text of every diagnostic, in order, handed to `write` as a few long pieces. Rendering reads
    /// source files and builds excerpts, the costly part of printing, so runs of diagnostics render on
    /// every core, a window of runs at a time: the whole report (megabytes at 50k files) is never held at once.
    func renderInParallel(_ diagnostics: [Diagnostic], to write: (String) -> Void) {
        let secrets = SecretMasking(diagnostics)
        let runs = Self.runs(of: diagnostics, size: Self.diagnosticsPerRun)
        for window in stride(from: 0, to: runs.count, by: Self.runsPerWindow) {
            let count = min(Self.runsPerWindow, runs.count - window)
            for piece in ParallelWork.map(count, { render(diagnostics[runs[window + $0]], secrets: secrets) }) { write(piece) }
        }
    }

    private static let diagnosticsPerRun = 128
    private static let runsPerWindow = 32

    /// Consecutive ranges of about `size` diagnostics, each ending where a file's diagnostics end when
    /// one ends soon after (diagnostics come sorted by file, so a file's source is read by one run).
    static func runs(of diagnostics: [Diagnostic], size: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < diagnostics.count {
            var end = min(start + size, diagnostics.count)
            let file = diagnostics[end - 1].span?.file
            let limit = min(end + size, diagnostics.count)
            while end < limit, file != nil, diagnostics[end].span?.file == file { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// The text of consecutive diagnostics; only the current file's lines are kept, so memory stays flat.
    private func render(_ diagnostics: ArraySlice<Diagnostic>, secrets: SecretMasking) -> String {
        var lineCache: [String: SourceLines] = [:]
        var text = ""
        for diagnostic in diagnostics {
            if let file = diagnostic.span?.file, lineCache[file] == nil { lineCache.removeAll(keepingCapacity: true) }
            text += render(diagnostic, lines: &lineCache, secrets: secrets)
        }
        return text
    }

    /// The path relative to `relativeTo` when inside it; control characters (newlines too) escaped.
    func displayPath(_ path: String) -> String {
        ControlCharacters.escaped(path.hasPrefix(relativeTo + "/") ? String(path.dropFirst(relativeTo.count + 1)) : path)
    }

    /// Every string from the config (ids, values, file names, source lines) can hold control
    /// characters; they are shown as visible escapes so no file can drive the terminal.
    func render(_ diagnostic: Diagnostic, lines: inout [String: SourceLines], secrets: SecretMasking? = nil) -> String {
        var text = ""
        if let span = diagnostic.span {
            text += "\(displayPath(span.file)):\(span.start.line):\(span.start.column): "
        }
        text += paint(diagnostic.severity.rawValue + ":", color: diagnostic.severity.colorCode)
        text += " " + multiline(diagnostic.message) + " [\(ControlCharacters.escaped(diagnostic.ruleID))]\n"
        if let span = diagnostic.span, var line = sourceLine(span, cache: &lines) {
            (secrets ?? SecretMasking([diagnostic])).mask(&line, number: span.start.line, file: span.file)
            text += excerpt(line, span: span)
        }
        if let grouparooMessage = diagnostic.grouparooMessage {
            text += "    = Grouparoo reports: \(multiline(grouparooMessage))\n"
        }
        for note in diagnostic.notes {
            let location = note.span.map { "\(displayPath($0.file)):\($0.start.line):\($0.start.column): " } ?? ""
            text += "\(location)\(paint("note:", color: "36")) \(multiline(note.message))\n"
        }
        return text
    }

    /// Message text with control characters escaped; a message may span lines (Grouparoo's own
    /// wording does), but continuation lines are indented, so none can pass for a diagnostic.
    private func multiline(_ text: String) -> String {
        if ControlCharacters.isPlain(text) { return text }
        let escaped = ControlCharacters.escaped(text, keepNewlines: true)
        // Most messages are one line; Foundation's replacingOccurrences is costly even when it finds nothing.
        guard escaped.utf8.contains(UInt8(ascii: "\n")) else { return escaped }
        return escaped.replacingOccurrences(of: "\n", with: "\n      ")
    }

    /// The source line, indented, and under it a caret at the span's start extended with `~` to its
    /// end when the span stays on one line. Built as bytes: this runs for every diagnostic printed.
    private func excerpt(_ line: [Unicode.Scalar], span: SourceSpan) -> String {
        let sameLine = span.end.line == span.start.line
        let scalarsBeforeStart = max(0, span.start.column - 1)
        let scalarsBeforeEnd = sameLine && span.end.column > span.start.column ? max(0, span.end.column - 1) : nil
        var shown = Array("    ".utf8)
        var indent = Array("    ".utf8)
        shown.reserveCapacity(4 * line.count + 8)
        indent.reserveCapacity(4 * min(line.count, scalarsBeforeStart) + 4)
        // Escapes widen the line, so the caret columns count the escaped text.
        var width = 0
        var startColumn: Int?
        var endColumn: Int?
        for index in line.indices {
            let scalar = line[index]
            if index == scalarsBeforeStart { startColumn = width + 1 }
            if index == scalarsBeforeEnd { endColumn = width + 1 }
            var added = 1
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                shown.append(UInt8(truncatingIfNeeded: scalar.value))
            } else if ControlCharacters.needsEscape(scalar, keepNewlines: false) {
                let escape = ControlCharacters.escape(scalar).utf8
                shown.append(contentsOf: escape)
                added = escape.count
            } else {
                UTF8.encode(scalar) { shown.append($0) }
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
        let start = startColumn ?? width + 1
        let end = scalarsBeforeEnd == nil ? start : (endColumn ?? width + 1)
        // A caret, extended with `~` to the end (at most to the end of the line).
        var marker = [UInt8(ascii: "^")]
        if sameLine, end > start + 1 {
            marker.append(contentsOf: repeatElement(UInt8(ascii: "~"), count: max(0, min(end, width + 1) - start - 1)))
        }
        shown.append(UInt8(ascii: "\n"))
        return String(decoding: shown, as: UTF8.self) + String(decoding: indent, as: UTF8.self)
            + paint(String(decoding: marker, as: UTF8.self), color: "32") + "\n"
    }

    /// The scalars of the line a span starts on; nil for a line too long to be worth showing.
    private func sourceLine(_ span: SourceSpan, cache: inout [String: SourceLines]) -> [Unicode.Scalar]? {
        if cache[span.file] == nil {
            guard let bytes = FileBytes.contents(of: span.file), bytes.count < 16 << 20 else { return nil }
            cache[span.file] = SourceLines(bytes)
        }
        guard let bytes = cache[span.file]?.lineBytes(span.start.line) else { return nil }
        // Most lines are ASCII, a scalar per byte; others are decoded as a String would be (U+FFFD for bad bytes).
        let scalars = bytes.allSatisfy { $0 < 0x80 } ? bytes.map { Unicode.Scalar($0) }
            : Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        return scalars.count > 200 ? nil : scalars
    }

    private func paint(_ text: String, color: String) -> String {
        useColor ? "\u{1B}[1;\(color)m\(text)\u{1B}[0m" : text
    }
}

private extension Severity {
    var colorCode: String {
        switch self {
        case .error: return "31"
        case .warning: return "33"
        case .note: return "36"
        }
    }
}
