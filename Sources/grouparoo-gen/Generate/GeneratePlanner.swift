import ConfigModel
import JSEmitter

/// Decides, without touching the disk, which files `generate` writes and what they contain.
enum GeneratePlanner {
    static let printer = JSPrinter()

    static func plan(_ request: GenerateRequest, templates: TemplateStore) throws -> GenerationPlan {
        guard let generator = GeneratorCatalog.find(request.templateName) else {
            throw unknownTemplate(request.templateName)
        }
        try checkOptions(request, for: generator)

        var notices: [String] = []
        let id: String
        if case .setting = generator.kind {
            id = request.id  // Grouparoo's setting template has no id input, so the id is never formatted.
        } else {
            do { id = try IdFormatting.generateId(request.id) } catch { throw GenerateError(FileErrorDescription.describe(error)) }
            if id != request.id { notices.append("ID was changed to \(JSLiteralSyntax.quoted(id))") }
        }
        guard !id.isEmpty else { throw GenerateError("id is required") }

        var parent: String?
        if let parentKey = generator.parentKey {
            guard let given = request.parent, !given.isEmpty else {
                let description = generator.inputs.first { $0.name == "parent" }?.description ?? ""
                let example = description.range(of: "e.g. ").map { ", " + description[$0.lowerBound...] } ?? ""
                throw GenerateError("--parent is required: a \(generator.name) needs the id of its \(generator.parentNoun ?? "parent") (\(parentKey))\(example)")
            }
            parent = given
            if let formatted = try? IdFormatting.generateId(given), formatted != given {
                notices.append("--parent \(JSLiteralSyntax.quoted(given)) is used as given, but ids made by generate look like \(JSLiteralSyntax.quoted(formatted))")
            }
        }

        var context: TemplateContext = ["id": .text(JSLiteralSyntax.quoted(id)), "name": .text(JSLiteralSyntax.quoted(id))]
        var extraFiles: [PlannedFile] = []
        try fill(&context, extraFiles: &extraFiles, notices: &notices, generator: generator, request: request, id: id, parent: parent, templates: templates)

        let main = PlannedFile(
            relativePath: generator.directory + "/" + IdFormatting.fileName(forId: id),
            contents: try templates.template(generator.templateFile).render(context))
        let files = [main] + extraFiles
        try checkDistinctPaths(files)
        return GenerationPlan(templateName: generator.name, id: id, files: files, notices: notices)
    }

    private static func fill(
        _ context: inout TemplateContext, extraFiles: inout [PlannedFile], notices: inout [String], generator: Generator,
        request: GenerateRequest, id: String, parent: String?, templates: TemplateStore
    ) throws {
        let quotedParent = TemplateValue.text(JSLiteralSyntax.quoted(parent ?? ""))
        let scheduleId = TemplateValue.text(JSLiteralSyntax.quoted(id.replacingOccurrences(of: "\"", with: "") + "_schedule"))
        switch generator.kind {
        case .apiKey:
            try ApiKeyOptions.fill(&context, request: request)
        case .group:
            context["modelId"] = .text(JSLiteralSyntax.quoted("mod_profiles"))
        case .model:
            context["type"] = .text(JSLiteralSyntax.quoted("profile"))
        case .setting:
            try fillSetting(&context, request: request)
        case .team:
            break
        case .teamMember:
            context["teamId"] = quotedParent
            context["firstName"] = .text(JSLiteralSyntax.quoted(id))
        case .schedule:
            context["sourceId"] = quotedParent
            fillScheduleOptions(&context, notices: &notices, request: request)
        case .app(let app):
            context["displayName"] = .text(app.displayName)
            context["type"] = .text(JSLiteralSyntax.quoted(app.plugin))
            context["options"] = .text(try app.options.map { try printer.print(.object($0)) } ?? "")
        case .destination(let destination):
            try fillDestination(&context, destination: destination, request: request)
            context["appId"] = quotedParent
        case .tableSource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .text(JSLiteralSyntax.quoted("\(plugin.plugin)-import-table"))
            context["appId"] = quotedParent
            context["scheduleId"] = scheduleId
            extraFiles = try TableSourcePlanner.fill(&context, notices: &notices, request: request, sourceId: id, templates: templates)
        case .tableProperty:
            context["sourceId"] = quotedParent
            context.merge(TableSourcePlanner.propertyDefaults) { current, _ in current }
        case .querySource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .text(JSLiteralSyntax.quoted("\(plugin.plugin)-import-query"))
            context["appId"] = quotedParent
            context["scheduleId"] = scheduleId
        case .queryProperty:
            context["sourceId"] = quotedParent
            context["query"] = .text(JSLiteralSyntax.quoted("SELECT SUM(price) from purchases where user_id = {{{user_id}}}"))
        case .singleSource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .text(JSLiteralSyntax.quoted(plugin.sourceType))
            context["appId"] = quotedParent
            context["options"] = .text(try plugin.sourceOptions.map { try printer.print(.object($0)) } ?? "")
            context["mapping"] = .text(try plugin.sourceMapping.map { try printer.print(.object($0)) } ?? "")
            context["schedule"] = .flag(plugin.offersSchedule)
            context["scheduleId"] = scheduleId
        case .singleProperty(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["sourceId"] = quotedParent
            context["options"] = .text(try plugin.propertyOptions.map { try printer.print(.object($0)) } ?? "")
        }
    }

    /// `--high-water-mark` becomes `options.column`. Without it, when the parent source is in the
    /// config dir and its type requires schedule options, they are written as `"..."` placeholders
    /// (which `validate` flags until filled in); otherwise `options: {}` with a comment.
    private static func fillScheduleOptions(_ context: inout TemplateContext, notices: inout [String], request: GenerateRequest) {
        var column = request.highWaterMark.map(JSLiteralSyntax.quoted) ?? ""
        var queryOptions = false
        if request.highWaterMark == nil, let type = request.parentSourceType,
           let connection = PluginCatalog.bundled.connections[type] {
            let required = Set(connection.scheduleOptions.filter(\.isRequired).map(\.key))
            let source = JSLiteralSyntax.quoted(request.parent ?? "")
            if required.contains("column") {
                column = JSLiteralSyntax.quoted("...")
                notices.append("source \(source) is a \(type) source, whose schedule needs options.column: replace the \"...\" "
                    + "with a column that grows when a row changes (or pass --high-water-mark COLUMN)")
            } else if required.contains("query") {
                queryOptions = true
                notices.append("source \(source) is a \(type) source, whose schedule needs options.query and options.propertyId: "
                    + "replace their \"...\" placeholders")
            }
        }
        context["highWaterMark"] = .text(column)
        context["queryOptions"] = .flag(queryOptions)
    }

    private static func fillDestination(_ context: inout TemplateContext, destination: PluginDestination, request: GenerateRequest) throws {
        context["displayName"] = .text(destination.displayName)
        context["type"] = .text(JSLiteralSyntax.quoted(destination.type))
        var syncMode = ""
        if let modeDefault = destination.syncModeDefault {
            let chosen = request.syncMode ?? modeDefault
            if request.syncMode != nil && !destination.syncModes.contains(chosen) {
                throw GenerateError("sync mode \(JSLiteralSyntax.quoted(chosen)) is not supported by \(destination.name):destination; use one of: \(destination.syncModes.joined(separator: ", "))")
            }
            syncMode = JSLiteralSyntax.quoted(chosen)
        }
        context["syncMode"] = .text(syncMode)
        context["syncModeHelp"] = .text(syncModeHelp(destination.syncModes, mustChoose: syncMode == "\"...\""))
        context["options"] = .text(try destination.options.map { try printer.print(.object($0)) } ?? "")
        context["mapping"] = .text(try printer.print(.object(destination.mapping)))
        context["groupMemberships"] = .text(try destination.groupMemberships.map { try printer.print(.object($0)) } ?? "")
    }

    private static func syncModeHelp(_ modes: [String], mustChoose: Bool) -> String {
        let meaning = ["sync": "create, update and delete", "additive": "create and update, never delete", "enrich": "only update records that already exist there"]
        return "Allowed here: " + modes.map { "\"\($0)\" (\(meaning[$0] ?? $0))" }.joined(separator: ", ") + "." + (mustChoose ? " Replace \"...\" with one of them." : "")
    }

    private static func fillSetting(_ context: inout TemplateContext, request: GenerateRequest) throws {
        guard let pluginName = request.pluginName, let key = request.key, let value = request.value else {
            let missing = [("--plugin-name", request.pluginName), ("--key", request.key), ("--value", request.value)]
                .filter { $0.1 == nil }.map(\.0)
            throw GenerateError("a setting needs \(missing.joined(separator: ", ")) (e.g. --plugin-name core --key cluster-name --value \"My Cluster\")")
        }
        guard let setting = RegisteredSetting.lookup(pluginName: pluginName, key: key) else {
            let known = RegisteredSetting.all.filter { $0.pluginName == pluginName }.map(\.key)
            let hint = known.isEmpty
                ? "plugins with settings: \(Array(Set(RegisteredSetting.all.map(\.pluginName))).sorted().joined(separator: ", "))"
                : "settings of \(pluginName): \(known.joined(separator: ", "))"
            throw GenerateError("setting \(JSLiteralSyntax.quoted(key)) is not registered for plugin \(JSLiteralSyntax.quoted(pluginName)); \(hint)")
        }
        let literal: JSLiteral
        switch setting.type {
        case .string:
            literal = .string(value)
        case .number:
            guard let number = Double(value), number.isFinite else {
                throw GenerateError("setting \(pluginName)/\(key) takes a number; \(JSLiteralSyntax.quoted(value)) is not one")
            }
            literal = .number(number)
        case .boolean:
            guard value == "true" || value == "false" else {
                throw GenerateError("setting \(pluginName)/\(key) takes true or false; \(JSLiteralSyntax.quoted(value)) is neither")
            }
            literal = .boolean(value == "true")
        }
        context["pluginName"] = .text(JSLiteralSyntax.quoted(pluginName))
        context["key"] = .text(JSLiteralSyntax.quoted(key))
        context["value"] = .text(try printer.print(literal))
    }

    /// Refuses options the template does not take, instead of silently ignoring them.
    private static func checkOptions(_ request: GenerateRequest, for generator: Generator) throws {
        let accepted = Set(generator.inputs.map(\.name))
        let ignored = request.givenInputs.filter { !accepted.contains($0) }
        guard ignored.isEmpty else {
            let list = ignored.map { "--\($0)" }.joined(separator: ", ")
            throw GenerateError("\(generator.name) does not take \(list) (see `generate \(generator.name) --describe`)")
        }
    }

    private static func checkDistinctPaths(_ files: [PlannedFile]) throws {
        var seen = Set<String>()
        for file in files where !seen.insert(file.relativePath).inserted {
            throw GenerateError("two generated objects would be written to the same file \(file.relativePath); rename one of them")
        }
    }

    static func unknownTemplate(_ name: String) -> GenerateError {
        let matches = GeneratorCatalog.closeMatches(to: name)
        let hint = matches.isEmpty ? "" : " Did you mean: \(matches.joined(separator: ", "))?"
        return GenerateError("template \(JSLiteralSyntax.quoted(name)) not found.\(hint) See `generate --list`.")
    }
}
