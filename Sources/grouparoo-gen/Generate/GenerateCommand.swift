import ConfigModel
import Foundation

/// `grouparoo-gen generate <template> <id> [options]`: writes Grouparoo config files from
/// templates, the way Grouparoo's removed `grouparoo generate` did, without a database.
enum GenerateCommand: Command {
    static let option = Options()

    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write new config files from templates (apiKey, group, postgres:app, ...).",
        usage: [
            "generate <template> <id> [options]",
            "generate --list [filter]",
            "generate <template> --describe",
        ],
        arguments: [
            ArgumentSpec(name: "template", help: "Template name, any case (see --list), e.g. apiKey or postgres:table:source.", completion: .templates),
            ArgumentSpec(name: "id", help: "Id of the new object; formatted like Grouparoo does (\"My Key\" becomes my_key).", completion: .none),
        ],
        options: Options.specs,
        examples: [
            CommandExample("generate apiKey myKey", "Write config/apiKeys/mykey.js"),
            CommandExample("generate postgres:app \"Sales DB\"", "Write config/apps/sales_db.js"),
            CommandExample("generate postgres:table:source purchases --parent data_warehouse --from purchases --mapping user_id=user_id "
                           + "--with \"amount:float,purchased_at:date\"",
                           "A table source with one property per column"),
            CommandExample("generate apiKey reporting --api-key-env REPORTING_KEY --permission record:r --permission group:r",
                           "An api key with per-topic access"),
            CommandExample("generate --list postgres", "List the Postgres templates"),
        ],
        discussion: """
            Existing files are never replaced without --overwrite, and nothing is written outside the config
            directory. Writing is all or nothing: if one file cannot be written, or the run is interrupted
            (SIGINT, SIGTERM), the files this run created are removed again (a file already replaced with
            --overwrite is named, as its old contents are gone).

            Every rendered file is checked with the config already in the directory before anything is written:
            a template (e.g. from --templates) that renders invalid JavaScript, or an id Grouparoo refuses, stops
            the run; so does an id another file already defines, or a second schedule for a source, unless
            --force. Names that `validate` would reject (api key and team names need \(GrouparooLimits.minimumAccessNameLength)
            to \(GrouparooLimits.maximumLength) characters) and emails it would reject are reported as notices.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        if arguments[option.list] {
            guard arguments.positionals.count <= 1 else { return usageError("--list takes at most one filter", context: context) }
            context.write(GenerateListing.list(filter: arguments.positionals.first))
            return ExitCode.success
        }
        let learnMore = "Learn more with `grouparoo-gen generate --help`, `--list` and `<template> --describe`."
        guard let templateName = arguments.positionals.first else {
            return usageError("template is required. \(learnMore)", context: context)
        }
        guard arguments.positionals.count <= 2 else {
            return usageError("expected <template> <id>, got \(arguments.positionals.count) arguments", context: context)
        }
        let templates: TemplateStore
        do {
            templates = try arguments[option.templates].map { try TemplateStore.withOverrides(from: URL(fileURLWithPath: context.absolutePath($0))) }
                ?? TemplateStore.embedded
        } catch let error as GenerateError {
            return fail(error.description, context)
        } catch {
            // An unreadable path is exit 2, as for every command.
            return usageError("cannot read --templates: " + FileErrorDescription.describe(error), context: context)
        }
        for warning in templates.warnings { context.writeError("warning: \(warning)\n") }
        if arguments[option.describe] {
            guard let generator = GeneratorCatalog.find(templateName) else {
                return fail(GeneratePlanner.unknownTemplate(templateName).description, context)
            }
            context.write(GenerateListing.describe(generator, templates: templates))
            return ExitCode.success
        }
        guard arguments.positionals.count == 2 else {
            return usageError("id is required. \(learnMore)", context: context)
        }
        do {
            let configDirectory = context.absolutePath(try arguments[option.configDir] ?? ReaderSetup.defaultConfigDirectory(context))
            let existing = ConfigReader(options: ReaderOptions(environment: context.environment)).readDirectory(at: configDirectory)
            let request = withConfigFacts(
                try makeRequest(arguments, template: templateName, id: arguments.positionals[1], context: context), from: existing)
            let plan = try GeneratePlanner.plan(request, templates: templates)
            for notice in plan.notices { context.writeError("notice: \(ControlCharacters.escaped(notice))\n") }
            let writer = SafeFileWriter(configDirectory: configDirectory, overwrite: arguments[option.overwrite])
            let targets = try plan.files.map { try writer.checkedTarget($0.relativePath) }
            let check = GeneratedFileCheck.check(plan.files, targets: targets.map(\.path), existing: existing,
                                                 force: arguments[option.force], secretValues: request.secretValues,
                                                 dryRun: arguments[option.dryRun]) { displayPath($0, context) }
            for notice in check.notices { context.writeError("notice: \(notice)\n") }
            if arguments[option.dryRun] {
                let secrets = SecretMasking(check.secrets)
                for (file, target) in zip(plan.files, targets) {
                    let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                        secrets.masked(String(line), number: index + 1, file: target.path)
                    }
                    context.write("// \(displayPath(target.path, context)) (dry run, not written)\n\(lines.joined(separator: "\n"))\n")
                }
                for problem in check.errors { context.writeError("error: \(problem)\n") }
                if !check.errors.isEmpty { context.writeError("nothing would be written\n") }
                return check.errors.isEmpty ? ExitCode.success : ExitCode.failure
            }
            guard check.errors.isEmpty else {
                for problem in check.errors { context.writeError("error: \(problem)\n") }
                context.writeError("nothing was written\n")
                return ExitCode.failure
            }
            let written: [URL]
            do {
                written = try SignalDeferral.run { received in try writer.write(plan.files, interrupted: received) }
            } catch let failure as WriteFailure {
                reportWriteFailure(failure, context: context)
                return (failure.underlying as? InterruptedError).map { SignalDeferral.exitStatus(for: $0.signal) } ?? ExitCode.failure
            }
            for path in written {
                context.write("wrote \(displayPath(path.path, context))\n")
            }
            return ExitCode.success
        } catch let error as GenerateError {
            return fail(error.description, context)
        } catch let error as UsageError {
            return usageError(error.message, context: context)
        } catch {
            return fail(FileErrorDescription.describe(error), context)
        }
    }

    /// The error, then what the failed run left behind: files it created are removed again;
    /// files it replaced with --overwrite cannot be restored, so they are named.
    private static func reportWriteFailure(_ failure: WriteFailure, context: CommandContext) {
        var text = "error: \(failure.message { displayPath($0, context) })\n"
        for url in failure.removed {
            text += "removed \(displayPath(url.path, context)) again (this run had written it)\n"
        }
        for url in failure.kept {
            text += "warning: \(displayPath(url.path, context)) was written by this run and could not be removed\n"
        }
        for url in failure.replaced {
            text += "warning: \(displayPath(url.path, context)) was already replaced (--overwrite); its old contents cannot be restored\n"
        }
        if failure.kept.isEmpty && failure.replaced.isEmpty {
            text += failure.removed.isEmpty ? "nothing was written\n" : "nothing was changed\n"
        }
        context.writeError(text)
    }

    /// `request` with what planning needs from the config dir: its models, and a schedule's source type.
    static func withConfigFacts(_ request: GenerateRequest, from existing: ConfigReadResult) -> GenerateRequest {
        var request = request
        request.existingModelIds = ids(of: "model", in: existing).map(\.id)
        if let parent = request.parent, let generator = GeneratorCatalog.find(request.templateName), case .schedule = generator.kind {
            request.parentSourceType = ids(of: "source", in: existing).first { $0.id == parent }?.type
        }
        return request
    }

    /// The objects of `className` in the config dir read statically, with their literal `type`.
    private static func ids(of className: String, in read: ConfigReadResult) -> [(id: String, type: String?)] {
        read.objects.compactMap { object in
            guard case .object(let members) = object.value,
                  case .string(let objectClass)? = members["class"]?.value, objectClass.lowercased() == className,
                  case .string(let id)? = members["id"]?.value
            else { return nil }
            if case .string(let type)? = members["type"]?.value { return (id, type) }
            return (id, nil)
        }
    }

    static func makeRequest(_ arguments: ParsedArguments, template: String, id: String, context: CommandContext) throws -> GenerateRequest {
        var request = GenerateRequest(templateName: template, id: id)
        for input in Options.requestInputs { input.fill(&request, from: arguments) }
        if let csvPath = arguments[option.fromCSV.declaration] {
            let path = context.absolutePath(csvPath)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "cannot read --from-csv file \(ControlCharacters.escaped(path))")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw GenerateError("--from-csv file \(path) is not UTF-8 text") }
            request.csvText = text
        }
        return request
    }

    private static func fail(_ message: String, _ context: CommandContext) -> Int32 {
        context.writeError("error: \(message)\n")
        return ExitCode.failure
    }

    /// `path` relative to the working directory when it is inside it, control characters escaped.
    private static func displayPath(_ path: String, _ context: CommandContext) -> String {
        let base = context.currentDirectory.hasSuffix("/") ? context.currentDirectory : context.currentDirectory + "/"
        return ControlCharacters.escaped(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
    }
}
