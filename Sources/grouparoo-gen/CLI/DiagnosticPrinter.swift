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

    func print(_ diagnostics: [Diagnostic]) {
        var lineCache: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            context.writeError(render(diagnostic, lines: &lineCache))
        }
    }

    func displayPath(_ path: String) -> String {
        path.hasPrefix(relativeTo + "/") ? String(path.dropFirst(relativeTo.count + 1)) : path
    }

    func render(_ diagnostic: Diagnostic, lines: inout [String: [Substring]]) -> String {
        var text = ""
        if let span = diagnostic.span {
            text += "\(displayPath(span.file)):\(span.start.line):\(span.start.column): "
        }
        text += paint(diagnostic.severity.rawValue + ":", color: diagnostic.severity.colorCode)
        text += " " + diagnostic.message + " [\(diagnostic.ruleID)]\n"
        if let span = diagnostic.span, let line = sourceLine(span, cache: &lines) {
            text += "    " + line + "\n"
            let indent = line.prefix(max(0, span.start.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "    " + indent + paint("^", color: "32") + "\n"
        }
        for note in diagnostic.notes {
            let location = note.span.map { "\(displayPath($0.file)):\($0.start.line):\($0.start.column): " } ?? ""
            text += "\(location)\(paint("note:", color: "36")) \(note.message)\n"
        }
        return text
    }

    private func sourceLine(_ span: SourceSpan, cache: inout [String: [Substring]]) -> String? {
        if cache[span.file] == nil {
            guard let data = FileManager.default.contents(atPath: span.file), data.count < 16 << 20 else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            cache[span.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[span.file], span.start.line >= 1, span.start.line <= lines.count else { return nil }
        let line = String(lines[span.start.line - 1]).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        return line.count > 200 ? nil : line
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
