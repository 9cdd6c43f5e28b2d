import ConfigModel
import Foundation

/// `--format github`: GitHub Actions workflow commands, one annotation per diagnostic
/// (`::error file=config/a.js,line=3,col=5,title=duplicate-id::message`), then the summary.
enum GitHubReport {
    static func write(_ outcome: ValidationOutcome, paths: ReportPaths, to output: inout ChunkedOutput) {
        for diagnostic in outcome.diagnostics {
            output.append(annotation(diagnostic, paths: paths) + "\n")
        }
        output.append(DiagnosticPrinter.summaryLine(errors: outcome.errorCount, warnings: outcome.warningCount,
                                                    files: outcome.fileCount, objects: outcome.objectCount) + "\n")
    }

    static func annotation(_ diagnostic: Diagnostic, paths: ReportPaths) -> String {
        var properties: [(String, String)] = []
        if let span = diagnostic.span {
            properties.append(("file", ControlCharacters.escaped(paths.display(span.file))))
            properties.append(("line", String(span.start.line)))
            properties.append(("col", String(span.start.column)))
            if span.end > span.start {
                properties.append(("endLine", String(span.end.line)))
                // Only meaningful (and only accepted by GitHub) on a single line.
                if span.end.line == span.start.line { properties.append(("endColumn", String(span.end.column))) }
            }
        }
        properties.append(("title", "grouparoo-gen [\(ControlCharacters.escaped(diagnostic.ruleID))]"))
        let renderedProperties = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command(for: diagnostic.severity)) \(renderedProperties)::\(escapeData(messageText(diagnostic, paths: paths)))"
    }

    /// The message, then Grouparoo's own wording and the notes on lines of their own. Control
    /// characters from the config become visible escapes (a CI log is a terminal too), except line
    /// breaks, which `escapeData` encodes, so the annotation stays one line. File names never keep them.
    static func messageText(_ diagnostic: Diagnostic, paths: ReportPaths) -> String {
        var lines = [ControlCharacters.escaped(diagnostic.message, keepNewlines: true)]
        if let grouparooMessage = diagnostic.grouparooMessage {
            lines.append("Grouparoo reports: \(ControlCharacters.escaped(grouparooMessage, keepNewlines: true))")
        }
        for note in diagnostic.notes {
            let location = note.span.map { "\(ControlCharacters.escaped(paths.display($0.file))):\($0.start.line):\($0.start.column): " } ?? ""
            lines.append("\(location)note: \(ControlCharacters.escaped(note.message, keepNewlines: true))")
        }
        return lines.joined(separator: "\n")
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The message part: `%`, CR and LF are percent-encoded (`%` first, so it is not encoded twice).
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally encode `:` and `,`, which separate the properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
