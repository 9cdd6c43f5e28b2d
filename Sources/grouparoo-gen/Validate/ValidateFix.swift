import ConfigModel
import Foundation

/// `validate --fix`: applies the language server's quick fixes for the reported problems, each
/// file replaced atomically through `SafeFileWriter`; with `--dry-run` prints them as a unified diff.
enum ValidateFix {
    enum FixOutcome: Equatable {
        /// The run ends here with this exit status (dry run, or a write failed).
        case finished(Int32)
        /// Files changed: validate again to report what remains.
        case written
        case nothingWritten
    }

    static func apply(_ outcome: ValidationOutcome, input: ValidationInput, options: ValidateOptions, context: CommandContext) -> FixOutcome {
        let printer = DiagnosticPrinter(context: context, relativeTo: context.absolutePath("."))
        let plans = plannedFixes(outcome.diagnostics, input: input, configDirectory: options.configDirectory)
        let fixCount = plans.reduce(0) { $0 + $1.application.applied.count }
        for plan in plans where !plan.application.skipped.isEmpty {
            let count = plan.application.skipped.count
            context.writeError("note: \(printer.displayPath(plan.path)): \(count) fix\(count == 1 ? "" : "es") overlap\(count == 1 ? "s" : "") "
                + "another and \(count == 1 ? "was" : "were") left out; run \(ValidateCommand.option.fix.name) again\n")
        }
        let changed = plans.filter { !$0.application.applied.isEmpty }
        guard !changed.isEmpty else {
            context.writeError("nothing to fix\n")
            return options.dryRun ? .finished(ExitCode.success) : .nothingWritten
        }
        let summary = "\(fixCount) fix\(fixCount == 1 ? "" : "es") in \(changed.count) file\(changed.count == 1 ? "" : "s")"
        if options.dryRun {
            for plan in changed {
                let diff = UnifiedDiff.render(plan.application, path: printer.displayPath(plan.path))
                let masked = diff.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { SecretMasking.maskedBySecretKeys(String($0)) }.joined(separator: "\n")
                if masked != diff {
                    context.writeError("note: \(printer.displayPath(plan.path)): secret values in the diff are shown as *, so those lines "
                        + "do not apply with patch; \(ValidateCommand.option.fix.name) without \(ValidateCommand.option.dryRun.name) applies them\n")
                }
                context.write(masked)
            }
            context.writeError("would apply \(summary); nothing written (\(ValidateCommand.option.dryRun.name))\n")
            return .finished(ExitCode.success)
        }
        let writer = SafeFileWriter(configDirectory: options.configDirectory, overwrite: true)
        do {
            try writer.write(changed.map { PlannedFile(relativePath: $0.relativePath, contents: String(decoding: $0.application.fixed, as: UTF8.self)) })
        } catch let failure as WriteFailure {
            context.writeError("error: \(failure.message(display: printer.displayPath))\n")
            return .finished(ExitCode.failure)
        } catch {
            context.writeError("error: \(FileErrorDescription.describe(error))\n")
            return .finished(ExitCode.failure)
        }
        for plan in changed {
            let count = plan.application.applied.count
            context.writeError("fixed \(count) problem\(count == 1 ? "" : "s") in \(printer.displayPath(plan.path))\n")
        }
        context.writeError("applied \(summary)\n")
        return .written
    }

    struct FilePlan {
        let path: String
        let relativePath: String
        let application: EditorFixApplication
    }

    /// The fixes per file inside the config dir, in file order. A file that is not valid UTF-8 is
    /// left alone, since writing it back as text would change bytes outside the edits.
    static func plannedFixes(_ diagnostics: [Diagnostic], input: ValidationInput, configDirectory: String) -> [FilePlan] {
        let root = configDirectory.hasSuffix("/") ? configDirectory : configDirectory + "/"
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            guard let file = diagnostic.span?.file, file.hasPrefix(root) else { continue }
            byFile[file, default: []].append(diagnostic)
        }
        return byFile.keys.sorted().compactMap { file in
            guard let data = FileManager.default.contents(atPath: file), String(data: data, encoding: .utf8) != nil else { return nil }
            let document = EditorDocument(bytes: [UInt8](data))
            let fixes = EditorQuickFixes.fixes(for: byFile[file] ?? [], in: document, config: input)
            guard !fixes.isEmpty else { return nil }
            return FilePlan(path: file, relativePath: String(file.dropFirst(root.count)), application: EditorFixApplication(fixes, to: document))
        }
    }
}
