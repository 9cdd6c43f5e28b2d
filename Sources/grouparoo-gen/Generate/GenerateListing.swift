import Foundation

/// The `--list` and `--describe` texts.
enum GenerateListing {
    /// Every template (or those whose name matches `filter`, a case-insensitive regular
    /// expression or, if it is not one, a plain substring) with its inputs and description.
    static func list(filter: String?) -> String {
        var lines = ["Available templates" + (filter.map { " matching \"\($0)\"" } ?? "") + ":", ""]
        let matching = GeneratorCatalog.all.filter { generator in
            guard let filter else { return true }
            if let regex = try? NSRegularExpression(pattern: filter, options: [.caseInsensitive]) {
                let name = generator.name
                return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            return generator.name.lowercased().contains(filter.lowercased())
        }
        for generator in matching {
            lines.append("  \(generator.name) (\(generator.inputs.map(\.name).joined(separator: ", "))) - \(generator.description)")
        }
        if matching.isEmpty { lines.append("  (none)") }
        lines.append("")
        if filter == nil {
            lines.append("Filter the list by name, e.g. `grouparoo-gen generate --list postgres`.")
        }
        lines.append("Show a template's options with `grouparoo-gen generate <template> --describe`.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A template's description, the files it writes, and its arguments and options.
    static func describe(_ generator: Generator, templates: TemplateStore) -> String {
        var lines = ["\(generator.name): \(generator.description)", ""]
        let source = templates.isOverridden(generator.templateFile) ? "from --templates" : "built in"
        lines.append("Writes: \(generator.directory)/<id>.js (template \(generator.templateFile), \(source))")
        if case .tableSource = generator.kind {
            lines.append("        properties/<column>.js for each --with / --from-csv column (template table-property.js.template)")
        }
        lines += ["", "Required arguments:"]
        lines += generator.inputs.filter { $0.name == "id" }.map(line)
        let options = generator.inputs.filter { $0.name != "id" }
        for (title, required) in [("Required options:", true), ("Optional options:", false)] {
            lines += ["", title]
            let group = options.filter { ($0.required && $0.defaultValue == nil) == required }
            lines += group.isEmpty ? ["  None"] : group.map(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func line(_ input: GeneratorInput) -> String {
        var text = "  * \(input.name)\(input.required && input.defaultValue == nil ? " (required)" : "") - \(input.description)"
        if let defaultValue = input.defaultValue { text += " (default: \"\(defaultValue)\")" }
        return text
    }
}

extension TemplateStore {
    func isOverridden(_ name: String) -> Bool { overridden.contains(name) }
}
