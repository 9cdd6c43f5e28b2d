import ConfigModel
import Foundation

/// Prints diagnostics like a compiler: `path:line:col: error: message [rule-id]`, the
/// source line with a caret under the column, then any notes. Colour only on a terminal
/// and never when NO_COLOR is set.
struct DiagnosticPrinter {
    let context: CommandContext
    /// Paths are shown relative to this directory when they are inside it.
    let relativeTo: String

    private var useColor: Bool {
        context.errorIsTerminal && (context.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Prints every diagnostic, then the summary line when one is given. Output is buffered
    /// and written in large chunks, so thousands of diagnostics print quickly.
    func print(_ diagnostics: [Diagnostic], summary: String? = nil) {
        var lineCache: [String: SourceLines] = [:]
        var output = ChunkedOutput(context.writeError)
        let secrets = SecretMasking(diagnostics)
        for diagnostic in diagnostics {
            // Diagnostics come sorted by file, so only the current file's lines are kept: memory stays flat.
            if let file = diagnostic.span?.file, lineCache[file] == nil { lineCache.removeAll(keepingCapacity: true) }
            output.append(render(diagnostic, lines: &lineCache, secrets: secrets))
        }
        if let summary { output.append(summary + "\n") }
        output.flush()
    }

    /// "2 errors, 1 warning in 14 files (37 objects)".
    static func summaryLine(errors: Int, warnings: Int, files: Int, objects: Int) -> String {
        "\(counted(errors, "error")), \(counted(warnings, "warning")) in \(counted(files, "file")) (\(counted(objects, "object")))"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
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
            line = (secrets ?? SecretMasking([diagnostic])).masked(line, number: span.start.line, file: span.file)
            // Escapes widen the line, so the caret is placed under the escaped text.
            let shownBefore = ControlCharacters.escaped(String(line.unicodeScalars.prefix(max(0, span.start.column - 1))))
            let shownLine = ControlCharacters.escaped(line)
            text += "    " + shownLine + "\n"
            var indent = ""
            for scalar in shownBefore.unicodeScalars { indent.unicodeScalars.append(scalar == "\t" ? "\t" : " ") }
            let startColumn = shownBefore.unicodeScalars.count + 1
            let endColumn: Int
            if span.end.line == span.start.line, span.end.column > span.start.column {
                let through = String(line.unicodeScalars.prefix(max(0, span.end.column - 1)))
                endColumn = ControlCharacters.escaped(through).unicodeScalars.count + 1
            } else {
                endColumn = startColumn
            }
            text += "    " + indent + paint(marker(start: startColumn, end: endColumn, sameLine: span.end.line == span.start.line,
                                                   lineLength: shownLine.unicodeScalars.count), color: "32") + "\n"
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
        let escaped = ControlCharacters.escaped(text, keepNewlines: true)
        // Most messages are one line; Foundation's replacingOccurrences is costly even when it finds nothing.
        guard escaped.utf8.contains(UInt8(ascii: "\n")) else { return escaped }
        return escaped.replacingOccurrences(of: "\n", with: "\n      ")
    }

    /// A caret under the start, extended with `~` to the end when the span stays on one line.
    private func marker(start: Int, end: Int, sameLine: Bool, lineLength: Int) -> String {
        guard sameLine, end > start + 1 else { return "^" }
        let end = min(end, lineLength + 1)
        return "^" + String(repeating: "~", count: max(0, end - start - 1))
    }

    private func sourceLine(_ span: SourceSpan, cache: inout [String: SourceLines]) -> String? {
        if cache[span.file] == nil {
            guard let data = FileManager.default.contents(atPath: span.file), data.count < 16 << 20 else { return nil }
            cache[span.file] = SourceLines([UInt8](data))
        }
        guard let line = cache[span.file]?.line(span.start.line) else { return nil }
        return line.unicodeScalars.count > 200 ? nil : line
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
