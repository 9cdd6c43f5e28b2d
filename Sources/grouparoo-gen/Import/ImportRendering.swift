import ConfigModel
import JSEmitter

/// How imported files are written: commented JavaScript through the template, or JSON in the
/// layout of Grouparoo's config writer (API-CFG-03..05), which its Config UI can edit.
enum ImportFormat: String, CaseIterable {
    case js, json
}

/// Turns converted objects into planned files. Secrets become `process.env.NAME` in JavaScript;
/// JSON cannot read the environment, so there a secret option holds the placeholder NAME, which
/// Grouparoo replaces with `$GROUPAROO_OPTION__<CLASS>__NAME` (API-OPT-03), and an api key's
/// value is left out (the loader keeps or generates it, R-KEY-03).
struct ImportRendering {
    let format: ImportFormat
    /// Parsed once: an import renders thousands of files.
    let template: Template

    init(format: ImportFormat, templates: TemplateStore) throws {
        self.format = format
        template = try templates.template("import-file.js.template")
    }

    func file(_ file: ImportConversion.File) throws -> PlannedFile {
        let folder = file.remoteClass.facts.folder
        switch format {
        case .js:
            let objects = JSLiteral.array(file.objects.map { literal($0.value, commented: true) })
            let hasSecrets = file.objects.contains { Self.containsSecret($0.value) }
            let names = file.objects.map { "\($0.objectClass) \(JSLiteralSyntax.quoted($0.id))" }
            let contents = try template.render([
                "description": .text(JSLiteralSyntax.lineCommentText(names.joined(separator: " with its ")).capitalizedFirst),
                "secrets": .flag(hasSecrets),
                "objects": .literal(objects),
            ], printer: GeneratePlanner.printer)
            return PlannedFile(relativePath: folder + "/" + IdFormatting.fileName(forId: file.id), contents: contents)
        case .json:
            let values = file.objects.map { jsonValue($0) }
            let text = ImportJSON.render(values.count == 1 ? values[0] : .array(values)) + "\n"
            let name = String(IdFormatting.fileName(forId: file.id).dropLast(3)) + ".json"
            return PlannedFile(relativePath: folder + "/" + name, contents: text)
        }
    }

    /// `NAME=` lines for `.env.example`: the variable each secret is read from.
    func environmentVariable(for secret: ImportConversion.Secret) -> String? {
        switch format {
        case .js: return secret.variable
        case .json:
            let topics: Set<String> = ["app", "source", "destination", "schedule", "property"]
            guard topics.contains(secret.objectClass) else { return nil }
            return "GROUPAROO_OPTION__\(secret.objectClass.uppercased())__\(secret.variable)"
        }
    }

    private func jsonValue(_ object: PlainConfigObject) -> ConfigValue {
        let writtenClass = RemoteClass.allCases.first { $0.rawValue.lowercased() == object.objectClass }?.facts.writtenClass
            ?? object.objectClass
        func replace(_ value: ConfigValue) -> ConfigValue? {
            switch value {
            case .environmentVariable(let name): return ["app", "source", "destination", "schedule", "property"]
                .contains(object.objectClass) ? .string(name) : nil
            case .object(let members):
                return .object(members.compactMap { member in replace(member.value).map { ConfigMember(member.key, $0) } })
            case .array(let elements): return .array(elements.compactMap(replace))
            default: return value
            }
        }
        var members = replace(object.value)?.members ?? []
        if let index = members.firstIndex(where: { $0.key == "class" }) { members[index].value = .string(writtenClass) }
        return .object(members)
    }

    private func literal(_ value: ConfigValue, commented: Bool) -> JSLiteral {
        switch value {
        case .string(let text): return .string(text)
        case .number(let number): return .number(number)
        case .boolean(let flag): return .boolean(flag)
        case .null: return .null
        case .environmentVariable(let name): return .environmentVariable(name)
        case .array(let elements): return .array(elements.map { literal($0, commented: false) })
        case .object(let members):
            return .object(members.map { member in
                let comment: String? = switch member.value {
                case .environmentVariable(let name): "a secret Grouparoo does not return: set \(name)"
                default: commented ? ImportComments.comment(for: member.key) : nil
                }
                return JSObjectMember(member.key, literal(member.value, commented: false), comment: comment)
            })
        }
    }

    static func containsSecret(_ value: ConfigValue) -> Bool {
        switch value {
        case .environmentVariable: return true
        case .object(let members): return members.contains { containsSecret($0.value) }
        case .array(let elements): return elements.contains(where: containsSecret)
        default: return false
        }
    }

    /// The names of the `process.env` references in `value`.
    static func secretVariables(in value: ConfigValue, into names: inout Set<String>) {
        switch value {
        case .environmentVariable(let name): names.insert(name)
        case .object(let members): for member in members { secretVariables(in: member.value, into: &names) }
        case .array(let elements): for element in elements { secretVariables(in: element, into: &names) }
        default: break
        }
    }
}

/// The comments imported objects carry, like hand-written config: what the reference keys mean.
enum ImportComments {
    static let byKey: [String: String] = [
        "id": "The config id; other objects refer to this object by it.",
        "modelId": "The model whose records this belongs to.",
        "appId": "The app this connects through.",
        "sourceId": "The source this reads from.",
        "groupId": "The group whose members are exported (collection \"group\").",
        "teamId": "The team this member belongs to.",
        "mapping": "{ \"<remote key>\": \"<property id>\" }",
        "destinationGroupMemberships": "{ \"<remote group name>\": \"<group id>\" }",
        "recurringFrequency": "Milliseconds between runs.",
    ]

    static func comment(for key: String) -> String? { byKey[key] }
}

/// JSON in the layout of Grouparoo's writer: `JSON.stringify(…, null, 2)` as prettier formats it.
enum ImportJSON {
    /// One line, as `JSON.stringify(value)` writes it.
    static func compact(_ value: ConfigValue) -> String {
        switch value {
        case .array(let elements): return "[" + elements.map(compact).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JSONOutput.quoted($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        default: return render(value)
        }
    }

    static func render(_ value: ConfigValue, indent: String = "") -> String {
        switch value {
        case .string(let text): return JSONOutput.quoted(text)
        case .number(let number): return (try? JSLiteralSyntax.number(number)) ?? "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .null, .environmentVariable: return "null"
        case .array(let elements):
            guard !elements.isEmpty else { return "[]" }
            let inner = indent + "  "
            return "[\n" + elements.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + JSONOutput.quoted($0.key) + ": " + render($0.value, indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
