import ConfigModel
import Foundation

/// Checks the rendered files before anything is written, with the static reader and the real
/// validation rules, together with the config already in the directory (a planned file replaces the
/// file at its path, as `--overwrite` would):
/// - a file that does not parse (a template from `--templates` can render anything) is refused;
/// - an `invalid-id` on a planned object (e.g. longer than Grouparoo allows) is refused;
/// - an object whose id another file already defines (`duplicate-id`), or a second schedule for a
///   source (`one-schedule-per-source`), is refused unless `--force`;
/// - an `invalid-length` name or an `invalid-email` (both values the user typed) only get a notice,
///   since the user is about to edit the file anyway;
/// - where a secret the user gave (`--api-key`) landed is kept, so printing the files can mask it.
enum GeneratedFileCheck {
    struct Outcome: Equatable {
        /// Reasons to write nothing.
        var errors: [String] = []
        var notices: [String] = []
        /// Where the planned files hold a given secret, as `hardcoded-secret` findings: what a printout masks.
        var secrets: [Diagnostic] = []
    }

    /// What a rule's finding on a planned file does.
    enum Effect: Equatable {
        case refuse
        /// Refuse unless `--force`.
        case refuseUnlessForced
        case notice
    }

    static let effects: [String: Effect] = [
        "invalid-id": .refuse, "duplicate-id": .refuseUnlessForced, "one-schedule-per-source": .refuseUnlessForced,
        "invalid-length": .notice, "invalid-email": .notice,
    ]

    /// `targets` are the absolute paths the files would be written to (same order as `files`);
    /// `existing` is the config dir as read now; `display` shortens a path for messages.
    /// `secretValues` are the secrets the user gave; `dryRun` only changes the wording.
    static func check(_ files: [PlannedFile], targets: [String], existing: ConfigReadResult, force: Bool,
                      secretValues: Set<String>, dryRun: Bool, display: (String) -> String) -> Outcome {
        var outcome = Outcome()
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        var planned: [FileReadResult] = []
        for (file, target) in zip(files, targets) where target.hasSuffix(".js") || target.hasSuffix(".json") {
            let result = reader.read(contents: Array(file.contents.utf8), path: target)
            if let syntax = result.diagnostics.first(where: { $0.readerProblem == .syntaxError }) {
                outcome.errors.append("\(display(target))\(position(syntax.span)): the rendered file is not valid JavaScript: "
                    + ControlCharacters.escaped(syntax.message) + " (check the template)")
                continue
            }
            planned.append(result)
            outcome.secrets += result.evaluated.flatMap { SecretValues.spans(of: secretValues, in: $0) }.map { span in
                Diagnostic(severity: .warning, ruleID: "hardcoded-secret", message: "a secret given on the command line", span: span)
            }
        }
        guard outcome.errors.isEmpty else { return outcome }

        let plannedPaths = Set(planned.map(\.path))
        // Ids in a file the reader could not evaluate are unknown: say so rather than pass in silence.
        for file in existing.files where !plannedPaths.contains(file.path) && file.diagnostics.contains(where: \.leavesFileUnchecked) {
            outcome.notices.append("\(display(file.path)) could not be evaluated, so the ids it defines were not compared "
                + "(`validate` says why)")
        }
        var config = existing
        config.files = config.files.filter { !plannedPaths.contains($0.path) } + planned
        let rules = RuleCatalog.all.filter { effects[$0.description.identifier] != nil }
        let report = Validator(rules: rules, plugins: nil).validate(config)
        for diagnostic in report.diagnostics {
            guard let effect = effects[diagnostic.ruleID] else { continue }
            let files = [diagnostic.span?.file] + diagnostic.notes.map { $0.span?.file }
            guard files.contains(where: { $0.map(plannedPaths.contains) == true }) else { continue }
            let text = describe(diagnostic, display: display)
            switch effect {
            case .refuse:
                outcome.errors.append(text)
            case .refuseUnlessForced where force:
                outcome.notices.append(text + (dryRun ? " (--force: would be written anyway)" : " (written anyway: --force)"))
            case .refuseUnlessForced:
                outcome.errors.append(text + " (use --force to write it anyway)")
            case .notice:
                outcome.notices.append(text + "; `validate` reports it until you change it")
            }
        }
        return outcome
    }

    /// "config/apiKeys/k.js:7:11: message [rule-id]; note at config/apiKeys/other.js:7:11".
    private static func describe(_ diagnostic: Diagnostic, display: (String) -> String) -> String {
        var text = diagnostic.span.map { display($0.file) + position($0) + ": " } ?? ""
        text += ControlCharacters.escaped(diagnostic.message) + " [\(diagnostic.ruleID)]"
        for note in diagnostic.notes {
            text += "; " + ControlCharacters.escaped(note.message) + (note.span.map { " at " + display($0.file) + position($0) } ?? "")
        }
        return text
    }

    private static func position(_ span: SourceSpan?) -> String {
        span.map { ":\($0.start.line):\($0.start.column)" } ?? ""
    }
}
