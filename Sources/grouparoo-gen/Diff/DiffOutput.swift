import ConfigModel
import JSEmitter

/// Renders a diff as text for people or JSON for tools (docs/diff-json.md). Secret fields never
/// show their values.
enum DiffOutput {
    static func text(_ changes: [ConfigDiff.ObjectChange], before: DiffSide, after: DiffSide, paths: ReportPaths, live: Bool) -> String {
        guard !changes.isEmpty else {
            return "No differences between \(ControlCharacters.escaped(before.label)) and \(ControlCharacters.escaped(after.label)).\n"
        }
        var out = ""
        for change in changes {
            let file = change.file.map { " (\(ControlCharacters.escaped(paths.display($0))))" } ?? ""
            out += "\(change.kind.rawValue) \(ControlCharacters.escaped(change.key))\(file)"
            if change.isDeletedByApply {
                out += ": locked by code config, so `grouparoo apply` deletes it"
            } else if change.kind == .deleted, live {
                out += ": not managed by code config; `grouparoo apply` leaves it"
            }
            out += "\n"
            for field in change.fields {
                out += "    \(ControlCharacters.escaped(field.path)): "
                if field.isSecret {
                    out += "changed (secret, values not shown)\n"
                } else {
                    out += "\(shown(field.before)) → \(shown(field.after))\n"
                }
            }
        }
        let counts = count(changes)
        out += "\(DiagnosticPrinter.counted(changes.count, "difference")): \(counts.created) to create, \(counts.changed) to change, "
            + "\(counts.deleted) to delete\n"
        return out
    }

    static func json(_ changes: [ConfigDiff.ObjectChange], before: DiffSide, after: DiffSide, paths: ReportPaths) -> String {
        let counts = count(changes)
        let items = changes.map { change -> ConfigValue in
            var members: [ConfigMember] = [
                ConfigMember("kind", .string(name(change.kind))), ConfigMember("class", .string(change.objectClass)),
                ConfigMember("id", .string(change.id)),
            ]
            if let file = change.file { members.append(ConfigMember("file", .string(paths.display(file)))) }
            if let locked = change.locked { members.append(ConfigMember("locked", .string(locked))) }
            members.append(ConfigMember("deletedByApply", .boolean(change.isDeletedByApply)))
            members.append(ConfigMember("fields", .array(change.fields.map { field in
                var entry = [ConfigMember("path", .string(field.path)), ConfigMember("secret", .boolean(field.isSecret))]
                if !field.isSecret {
                    entry.append(ConfigMember("before", field.before ?? .null))
                    entry.append(ConfigMember("after", field.after ?? .null))
                    entry.append(ConfigMember("change", .string(field.before == nil ? "added" : field.after == nil ? "removed" : "changed")))
                } else {
                    entry.append(ConfigMember("change", .string(field.before == nil ? "added" : field.after == nil ? "removed" : "changed")))
                }
                return .object(entry)
            })))
            return .object(members)
        }
        let document = ConfigValue.object([
            ConfigMember("version", .number(1)),
            ConfigMember("before", .string(before.label)), ConfigMember("after", .string(after.label)),
            ConfigMember("summary", .object([ConfigMember("created", .number(Double(counts.created))),
                                             ConfigMember("changed", .number(Double(counts.changed))),
                                             ConfigMember("deleted", .number(Double(counts.deleted)))])),
            ConfigMember("changes", .array(items)),
        ])
        return ImportJSON.render(document) + "\n"
    }

    private static func name(_ kind: ConfigDiff.Kind) -> String {
        switch kind {
        case .created: "created"
        case .deleted: "deleted"
        case .changed: "changed"
        }
    }

    private static func count(_ changes: [ConfigDiff.ObjectChange]) -> (created: Int, changed: Int, deleted: Int) {
        (changes.filter { $0.kind == .created }.count, changes.filter { $0.kind == .changed }.count,
         changes.filter { $0.kind == .deleted }.count)
    }

    /// A value as one line of JSON; "(absent)" when the side lacks it.
    private static func shown(_ value: ConfigValue?) -> String {
        guard let value else { return "(absent)" }
        let text = ImportJSON.compact(value)
        return ControlCharacters.escaped(text.count > 200 ? String(text.prefix(200)) + "…" : text)
    }
}
