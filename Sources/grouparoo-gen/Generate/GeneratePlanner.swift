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
            if id != request.id { notices.append("ID was changed to \(JSONOutput.quoted(id))") }
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
                notices.append("--parent \(JSONOutput.quoted(given)) is used as given, but ids made by generate look like \(JSONOutput.quoted(formatted))")
            }
        }

        var context: TemplateContext = ["id": .literal(.string(id)), "name": .literal(.string(id)), "modelId": .literal(.string(modelId(request, notices: &notices)))]
        var extraFiles: [PlannedFile] = []
        try fill(&context, extraFiles: &extraFiles, notices: &notices, generator: generator, request: request, id: id, parent: parent, templates: templates)

        let main = PlannedFile(
            relativePath: generator.directory + "/" + IdFormatting.fileName(forId: id),
            contents: try templates.template(generator.templateFile).render(context, printer: printer))
        let files = [main] + extraFiles
        try checkDistinctPaths(files)
        return GenerationPlan(templateName: generator.name, id: id, files: files, notices: notices)
    }

    private static func fill(
        _ context: inout TemplateContext, extraFiles: inout [PlannedFile], notices: inout [String], generator: Generator,
        request: GenerateRequest, id: String, parent: String?, templates: TemplateStore
    ) throws {
        let parentValue = TemplateValue.literal(.string(parent ?? ""))
        let scheduleId = TemplateValue.literal(.string(id.replacingOccurrences(of: "\"", with: "") + "_schedule"))
        switch generator.kind {
        case .apiKey:
            try ApiKeyOptions.fill(&context, request: request)
        case .model:
            context["type"] = .literal("profile")
        case .group, .team:
            break
        case .setting:
            try fillSetting(&context, request: request)
        case .teamMember:
            guard let email = request.email, !email.isEmpty else {
                throw GenerateError("--email is required: a team member logs in with it, e.g. --email ada@example.com")
            }
            context["teamId"] = parentValue
            context["email"] = .literal(.string(email))
            context["firstName"] = .literal(.string(id))
        case .schedule:
            context["sourceId"] = parentValue
            fillScheduleOptions(&context, notices: &notices, request: request)
        case .app(let app):
            context["displayName"] = .text(app.displayName)
            context["type"] = .literal(.string(app.type))
            context["options"] = optional(app.options)
        case .destination(let destination):
            try fillDestination(&context, destination: destination, request: request)
            context["appId"] = parentValue
        case .tableSource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .literal(.string("\(plugin.type)-import-table"))
            context["appId"] = parentValue
            context["scheduleId"] = scheduleId
            extraFiles = try TableSourcePlanner.fill(&context, notices: &notices, request: request, sourceId: id, templates: templates)
        case .tableProperty:
            context["sourceId"] = parentValue
            context.merge(TableSourcePlanner.propertyDefaults) { current, _ in current }
        case .querySource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .literal(.string("\(plugin.type)-import-query"))
            context["appId"] = parentValue
            context["scheduleId"] = scheduleId
        case .queryProperty:
            context["sourceId"] = parentValue
            // A live `{{{key}}}` would name a property that may not exist; the example shows the form.
            context["query"] = .literal("...")
            context["queryExample"] = .text("e.g. \"SELECT SUM(price) FROM purchases WHERE user_id = {{{user_id}}}\"")
        case .singleSource(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["type"] = .literal(.string(plugin.sourceType))
            context["appId"] = parentValue
            context["options"] = optional(plugin.sourceOptions)
            context["mapping"] = optional(plugin.mapping)
            context["schedule"] = .flag(plugin.offersSchedule)
            context["scheduleId"] = scheduleId
        case .singleProperty(let plugin):
            context["displayName"] = .text(plugin.displayName)
            context["sourceId"] = parentValue
            context["options"] = .literal(.object(plugin.propertyOptions))
        }
    }

    /// An object, or empty text (false as a section) when there is none.
    private static func optional(_ members: [JSObjectMember]?) -> TemplateValue {
        members.map { .literal(.object($0)) } ?? .text("")
    }

    /// `--model`, else the config dir's only model, else the model `init` creates; a model the config
    /// dir does not define (while it defines others) gets a notice.
    private static func modelId(_ request: GenerateRequest, notices: inout [String]) -> String {
        let model = request.model ?? (request.existingModelIds.count == 1 ? request.existingModelIds[0] : GeneratorCatalog.defaultModelId)
        if !request.existingModelIds.isEmpty, !request.existingModelIds.contains(model) {
            notices.append("model \(JSONOutput.quoted(model)) is not defined in the config dir (models there: "
                + request.existingModelIds.joined(separator: ", ") + ")" + (request.model == nil ? "; choose one with --model ID" : ""))
        }
        return model
    }

    /// `--high-water-mark` becomes `options.column`. Without it, when the parent source is in the
    /// config dir and its type requires schedule options, they are written as `"..."` placeholders
    /// (which `validate` flags until filled in); otherwise `options: {}` with a comment.
    private static func fillScheduleOptions(_ context: inout TemplateContext, notices: inout [String], request: GenerateRequest) {
        var column: TemplateValue = request.highWaterMark.map { .literal(.string($0)) } ?? .text("")
        var queryOptions = false
        if request.highWaterMark == nil, let type = request.parentSourceType,
           let connection = PluginCatalog.bundled.connections[type] {
            let required = Set(connection.scheduleOptions.filter(\.isRequired).map(\.key))
            let source = JSONOutput.quoted(request.parent ?? "")
            if required.contains("column") {
                column = .literal("...")
                notices.append("source \(source) is a \(type) source, whose schedule needs options.column: replace the \"...\" "
                    + "with a column that grows when a row changes (or pass --high-water-mark COLUMN)")
            } else if required.contains("query") {
                queryOptions = true
                notices.append("source \(source) is a \(type) source, whose schedule needs options.query and options.propertyId: "
                    + "replace their \"...\" placeholders")
            }
        }
        context["highWaterMark"] = column
        context["queryOptions"] = .flag(queryOptions)
    }

    private static func fillDestination(_ context: inout TemplateContext, destination: DestinationTemplate, request: GenerateRequest) throws {
        context["displayName"] = .text(destination.displayName)
        context["type"] = .literal(.string(destination.type))
        let modes = destination.syncModes
        context["syncMode"] = .text("")
        context["syncModeHelp"] = .text("")
        if !modes.isEmpty {
            guard let chosen = request.syncMode ?? destination.defaultSyncMode else {
                throw GenerateError("--sync-mode is required: \(destination.name):destination has no default sync mode; "
                    + "choose one of: \(modes.joined(separator: ", ")) (e.g. --sync-mode \(modes.last ?? "sync"))")
            }
            guard modes.contains(chosen) else {
                throw GenerateError("sync mode \(JSONOutput.quoted(chosen)) is not supported by \(destination.name):destination; use one of: \(modes.joined(separator: ", "))")
            }
            context["syncMode"] = .literal(.string(chosen))
            context["syncModeHelp"] = .text(syncModeHelp(modes))
        }
        context["options"] = optional(destination.options)
        context["mapping"] = .literal(.object(destination.mappingExample.map(commentedOut)))
        context["groupMemberships"] = optional(destination.groupExample?.map(commentedOut))
    }

    private static func commentedOut(_ member: JSObjectMember) -> JSObjectMember {
        JSObjectMember(member.key, member.value, comment: member.comment, commentedOut: true)
    }

    private static func syncModeHelp(_ modes: [String]) -> String {
        let meaning = ["sync": "create, update and delete", "additive": "create and update, never delete", "enrich": "only update records that already exist there"]
        return "Allowed here: " + modes.map { "\"\($0)\" (\(meaning[$0] ?? $0))" }.joined(separator: ", ") + "."
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
            throw GenerateError("setting \(JSONOutput.quoted(key)) is not registered for plugin \(JSONOutput.quoted(pluginName)); \(hint)")
        }
        let literal: JSLiteral
        switch setting.type {
        case .string:
            literal = .string(value)
        case .number:
            guard let number = Double(value), number.isFinite else {
                throw GenerateError("setting \(pluginName)/\(key) takes a number; \(JSONOutput.quoted(value)) is not one")
            }
            literal = .number(number)
        case .boolean:
            guard value == "true" || value == "false" else {
                throw GenerateError("setting \(pluginName)/\(key) takes true or false; \(JSONOutput.quoted(value)) is neither")
            }
            literal = .boolean(value == "true")
        }
        context["pluginName"] = .literal(.string(pluginName))
        context["key"] = .literal(.string(key))
        context["value"] = .literal(literal)
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
        return GenerateError("template \(JSONOutput.quoted(name)) not found.\(hint) See `generate --list`.")
    }
}
