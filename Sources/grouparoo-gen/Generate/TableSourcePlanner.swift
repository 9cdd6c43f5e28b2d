import ConfigModel
import JSEmitter

/// The `:table:source` extras: table, mapping, high-water-mark schedule, and one property file
/// per `--with` / `--from-csv` column (Grouparoo needed a live database for this; we do not).
enum TableSourcePlanner {
    /// Values a table property file uses when it is not made from a known column.
    static let propertyDefaults: TemplateContext = [
        "type": .literal("string"),
        "unique": .flag(false),
        "column": .literal("..."),
    ]

    /// Fills the source's context and returns the property files to write next to it.
    static func fill(
        _ context: inout TemplateContext, notices: inout [String], request: GenerateRequest, sourceId: String, templates: TemplateStore
    ) throws -> [PlannedFile] {
        context["table"] = .literal(.string(request.from ?? "..."))
        if let column = request.highWaterMark, column.isEmpty {
            throw GenerateError("You must pass a column name with the --high-water-mark option.")
        }
        context["highWaterMark"] = request.highWaterMark.map { .literal(.string($0)) } ?? .text("")

        var mappingPair: (column: String, propertyId: String)?
        if let mapping = request.mapping {
            let parts = mapping.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw GenerateError("invalid mapping format: use column=propertyId, e.g. --mapping \"id=user_id\"")
            }
            mappingPair = (parts[0], validPropertyId(parts[1], for: "--mapping \(JSONOutput.quoted(mapping))", notices: &notices))
        }
        let mappingObject: JSLiteral = mappingPair.map { .object([JSObjectMember($0.column, .string($0.propertyId))]) }
            ?? .object(PluginTemplates.placeholderMapping(examples: [JSObjectMember("id", "user_id")]))
        context["mapping"] = .literal(mappingObject)

        let columns = try selectedColumns(request)
        guard !columns.isEmpty else { return [] }
        let propertyTemplate = try templates.template("table-property.js.template")
        return try columns.map { spec in
            // Bootstrapping: the mapped column becomes the property the mapping points at.
            let propertyId = spec.column == mappingPair?.column
                ? mappingPair!.propertyId : validPropertyId(spec.column, for: "column \(JSONOutput.quoted(spec.column))", notices: &notices)
            let propertyContext: TemplateContext = [
                "id": .literal(.string(propertyId)),
                "name": .literal(.string(propertyId)),
                "sourceId": .literal(.string(sourceId)),
                "type": .literal(.string(ColumnGuessing.type(for: spec).rawValue)),
                "unique": .flag(ColumnGuessing.isUnique(spec.column)),
                "column": .literal(.string(spec.column)),
            ]
            return PlannedFile(
                relativePath: (ConfigClass.property.configFolder ?? "properties") + "/" + IdFormatting.fileName(forId: propertyId),
                contents: try propertyTemplate.render(propertyContext, printer: GeneratePlanner.printer))
        }
    }

    /// Columns from `--with`, `--from-csv`, or both (`--with` then picks from the CSV's columns).
    private static func selectedColumns(_ request: GenerateRequest) throws -> [ColumnSpec] {
        do {
            let listed = request.with.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            guard let csvText = request.csvText else {
                if listed == "*" {
                    throw GenerateError("--with \"*\" means every column of the table, which needs --from-csv FILE (no database is read); or list the columns")
                }
                return try listed.map(ColumnGuessing.parseWith) ?? []
            }
            let csvColumns = try ColumnGuessing.parseCSV(csvText)
            guard let listed, listed != "*" else { return csvColumns }
            return try ColumnGuessing.parseWith(listed).map { wanted in
                guard var found = csvColumns.first(where: { $0.column == wanted.column }) else {
                    throw GenerateError("column \(JSONOutput.quoted(wanted.column)) from --with is not in the CSV header (\(csvColumns.map(\.column).joined(separator: ", ")))")
                }
                found.type = wanted.type ?? found.type
                return found
            }
        } catch let error as ColumnGuessing.InvalidColumnsError {
            throw GenerateError(error.description)
        }
    }

    /// `id` when Grouparoo accepts it as a property id (R-ID-02); otherwise the id `generate`
    /// formats from it, with a notice: Grouparoo used the raw text, which its own id check then rejects.
    private static func validPropertyId(_ id: String, for origin: String, notices: inout [String]) -> String {
        guard !GrouparooLimits.isWellFormedID(id) else { return id }
        let formatted = (try? IdFormatting.generateId(id)) ?? "column"
        notices.append("property id for \(origin) is \(JSONOutput.quoted(formatted)) (ids may only hold letters, digits, \"-\" and \"_\")")
        return formatted
    }
}
