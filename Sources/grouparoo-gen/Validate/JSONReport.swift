import ConfigModel

/// `--format json`: one JSON object per run, documented in docs/validate-json-schema.md.
/// Every key is always present (null when unknown), in a fixed order.
enum JSONReport {
    /// Bumped when a key is removed or changes meaning; adding keys keeps the version.
    static let formatVersion = 1

    static func document(_ outcome: ValidationOutcome, paths: ReportPaths) -> OrderedJSON {
        let diagnostics = outcome.diagnostics
        return .object([
            ("format_version", .int(formatVersion)),
            ("tool", .object([("name", .string("grouparoo-gen")), ("version", .string(CommandRouter.version))])),
            ("config_dir", .string(paths.display(paths.configDirectory))),
            ("valid", .bool(outcome.isValid)),
            ("strict", .bool(outcome.strict)),
            ("error_count", .int(outcome.errorCount)),
            ("warning_count", .int(outcome.warningCount)),
            ("file_count", .int(outcome.fileCount)),
            ("object_count", .int(outcome.objectCount)),
            ("diagnostics", .elements(count: diagnostics.count) { diagnostic(diagnostics[$0], paths: paths) }),
        ])
    }

    private static func diagnostic(_ diagnostic: Diagnostic, paths: ReportPaths) -> OrderedJSON {
        let span = diagnostic.span
        return .object([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule_id", .string(diagnostic.ruleID)),
            ("message", .string(diagnostic.message)),
            ("grouparoo_message", .string(diagnostic.grouparooMessage)),
            ("file", .string(span.map { paths.display($0.file) })),
            ("line", .int(span?.start.line)),
            ("column", .int(span?.start.column)),
            ("end_line", .int(span?.end.line)),
            ("end_column", .int(span?.end.column)),
            ("object_class", .string(diagnostic.objectClass)),
            ("object_id", .string(diagnostic.objectID)),
            ("notes", .array(diagnostic.notes.map { note in
                .object([
                    ("message", .string(note.message)),
                    ("file", .string(note.span.map { paths.display($0.file) })),
                    ("line", .int(note.span?.start.line)),
                    ("column", .int(note.span?.start.column)),
                ])
            })),
        ])
    }
}
