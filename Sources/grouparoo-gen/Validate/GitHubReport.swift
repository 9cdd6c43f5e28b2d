import ConfigModel

/// `--format github`: GitHub Actions workflow commands, one annotation per diagnostic
/// (`::error file=config/a.js,line=3,col=5,title=duplicate-id::message`), then the summary.
enum GitHubReport {
    /// Runs of annotations are rendered on every core and reach `write` in order.
    static func write(_ outcome: ValidationOutcome, paths: ReportPaths, to write: (String) -> Void) {
        let diagnostics = outcome.diagnostics
        ParallelWork.renderInOrder(ParallelWork.runs(count: diagnostics.count, size: ParallelWork.itemsPerRun), { run in
            var bytes: [UInt8] = []
            for diagnostic in diagnostics[run] { appendAnnotation(diagnostic, paths: paths, to: &bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }, to: write)
        write(DiagnosticPrinter.summaryLine(errors: outcome.errorCount, warnings: outcome.warningCount,
                                            files: outcome.fileCount, objects: outcome.objectCount) + "\n")
    }

    /// One annotation and its line feed: the command, the properties (`file`, `line`, `col`, `endLine`,
    /// `endColumn`, `title`), then the message text.
    static func appendAnnotation(_ diagnostic: Diagnostic, paths: ReportPaths, to bytes: inout [UInt8]) {
        bytes.append(ascii: "::")
        bytes.append(ascii: command(for: diagnostic.severity))
        bytes.append(UInt8(ascii: " "))
        if let span = diagnostic.span {
            bytes.append(ascii: "file=")
            append(ControlCharacters.escaped(paths.display(span.file)), in: .property, to: &bytes)
            bytes.append(ascii: ",line=")
            bytes.append(decimal: span.start.line)
            bytes.append(ascii: ",col=")
            bytes.append(decimal: span.start.column)
            if span.end > span.start {
                bytes.append(ascii: ",endLine=")
                bytes.append(decimal: span.end.line)
                // Only meaningful (and only accepted by GitHub) on a single line.
                if span.end.line == span.start.line {
                    bytes.append(ascii: ",endColumn=")
                    bytes.append(decimal: span.end.column)
                }
            }
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(ascii: "title=grouparoo-gen [")
        append(ControlCharacters.escaped(diagnostic.ruleID), in: .property, to: &bytes)
        bytes.append(ascii: "]::")
        appendMessage(diagnostic, paths: paths, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The message, then Grouparoo's own wording and the notes on lines of their own (encoded line breaks,
    /// so the annotation stays one line). Control characters from the config become visible escapes (a CI
    /// log is a terminal too), except the message's line breaks. File names never keep them.
    private static func appendMessage(_ diagnostic: Diagnostic, paths: ReportPaths, to bytes: inout [UInt8]) {
        append(ControlCharacters.escaped(diagnostic.message, keepNewlines: true), in: .data, to: &bytes)
        if let grouparooMessage = diagnostic.grouparooMessage {
            bytes.append(ascii: "%0AGrouparoo reports: ")
            append(ControlCharacters.escaped(grouparooMessage, keepNewlines: true), in: .data, to: &bytes)
        }
        for note in diagnostic.notes {
            bytes.append(ascii: "%0A")
            if let span = note.span {
                append(ControlCharacters.escaped(paths.display(span.file)), in: .data, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(decimal: span.start.line)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(decimal: span.start.column)
                bytes.append(ascii: ": ")
            }
            bytes.append(ascii: "note: ")
            append(ControlCharacters.escaped(note.message, keepNewlines: true), in: .data, to: &bytes)
        }
    }

    static func command(for severity: Severity) -> StaticString {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// Where text goes in a workflow command, which decides what is percent-encoded.
    enum Part {
        /// The message: `%`, CR and LF.
        case data
        /// A property value: also `:` and `,`, which separate the properties.
        case property
    }

    /// `text` with `part`'s characters percent-encoded, in one pass over its bytes.
    static func append(_ text: String, in part: Part, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            for index in utf8.indices {
                let encoded: StaticString
                switch utf8[index] {
                case UInt8(ascii: "%"): encoded = "%25"
                case 0x0D: encoded = "%0D"
                case 0x0A: encoded = "%0A"
                case UInt8(ascii: ":") where part == .property: encoded = "%3A"
                case UInt8(ascii: ",") where part == .property: encoded = "%2C"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                bytes.append(ascii: encoded)
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
    }
}
