import ConfigModel

/// Prints diagnostics like a compiler: `path:line:col: error: message [rule-id]`, the
/// source line with a caret under the column, then any notes. Colour only on a terminal
/// and never when NO_COLOR is set.
struct DiagnosticPrinter {
    let context: CommandContext
    /// Paths are shown relative to this directory when they are inside it.
    let relativeTo: String

    private var text: DiagnosticText {
        DiagnosticText(relativeTo: relativeTo, useColor: context.errorIsTerminal && (context.environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// Prints every diagnostic, then the summary line when one is given. Output is buffered
    /// and written in large chunks, so thousands of diagnostics print quickly.
    func print(_ diagnostics: [Diagnostic], summary: String? = nil) {
        var output = ChunkedOutput(context.writeError)
        text.renderInParallel(diagnostics) { output.append($0) }
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
    func displayPath(_ path: String) -> String { text.displayPath(path) }

    /// The text `print` prints for one diagnostic alone.
    func render(_ diagnostic: Diagnostic) -> String {
        text.render([diagnostic], secrets: SecretMasking([diagnostic]))
    }
}
