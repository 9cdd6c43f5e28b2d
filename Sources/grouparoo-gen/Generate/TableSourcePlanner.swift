import ConfigModel
import JSEmitter

/// The `:table:source` extras: table, mapping, high-water-mark schedule, and one property file
/// per `--with` / `--from-csv` column (Grouparoo needed a live database for this; we do not).
enum TableSourcePlanner {
    /// Values a table property file uses when it is not made from a known column.
    static let propertyDefaults: TemplateContext = [
        "type": .text(JSLiteralSyntax.quoted("string")),
        "unique": .flag(false),
        "column": .text(JSLiteralSyntax.quoted("...")),
    ]

    /// Fills the source's context and returns the property files to write next to it.
    static func fill(
        _ context: inout TemplateContext, notices: inout [String], request: GenerateRequest, sourceId: String, templates: TemplateStore
    ) throws -> [PlannedFile] {
        let printer = GeneratePlanner.printer
        context["table"] = .text(JSLiteralSyntax.quoted(request.from ?? "..."))
        if let column = request.highWaterMark, column.isEmpty {
            throw GenerateError("You must pass a column name with the --high-water-mark option.")
        }
        context["highWaterMark"] = .text(request.highWaterMark.map(JSLiteralSyntax.quoted) ?? "")

        var mappingPair: (column: String, propertyId: String)?
        if let mapping = request.mapping {
            let parts = mapping.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw GenerateError("invalid mapping format: use column=propertyId, e.g. --mapping \"id=user_id\"")
            }
            mappingPair = (parts[0], parts[1])
        }
        let mappingObject: JSLiteral = mappingPair.map { .object([JSObjectMember($0.column, .string($0.propertyId))]) }
            ?? .object([JSObjectMember("...", "user_id")])
        context["mapping"] = .text(try printer.print(mappingObject))

        let columns = try selectedColumns(request)
        guard !columns.isEmpty else { return [] }
        let propertyTemplate = try templates.template("table-property.js.template")
        return try columns.map { spec in
            // Bootstrapping: the mapped column becomes the property the mapping points at.
            var propertyId = spec.column == mappingPair?.column ? mappingPair!.propertyId : spec.column
            if !isValidId(propertyId) {
                // Grouparoo used the raw column name, which its own id check (R-ID-02) then rejects.
                let formatted = (try? IdFormatting.generateId(propertyId)) ?? "column"
                notices.append("property id for column \(JSLiteralSyntax.quoted(spec.column)) is \(JSLiteralSyntax.quoted(formatted)) (ids may only hold letters, digits, \"-\" and \"_\")")
                propertyId = formatted
            }
            let propertyContext: TemplateContext = [
                "id": .text(JSLiteralSyntax.quoted(propertyId)),
                "name": .text(JSLiteralSyntax.quoted(propertyId)),
                "sourceId": .text(JSLiteralSyntax.quoted(sourceId)),
                "type": .text(JSLiteralSyntax.quoted(ColumnGuessing.type(for: spec).rawValue)),
                "unique": .flag(ColumnGuessing.isUnique(spec.column)),
                "column": .text(JSLiteralSyntax.quoted(spec.column)),
            ]
            return PlannedFile(
                relativePath: "properties/" + IdFormatting.fileName(forId: propertyId),
                contents: try propertyTemplate.render(propertyContext))
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
                    throw GenerateError("column \(JSLiteralSyntax.quoted(wanted.column)) from --with is not in the CSV header (\(csvColumns.map(\.column).joined(separator: ", ")))")
                }
                found.type = wanted.type ?? found.type
                return found
            }
        } catch let error as ColumnGuessing.InvalidColumnsError {
            throw GenerateError(error.description)
        }
    }

    /// R-ID-02: 1 to 191 ASCII letters, digits, `-` and `_`.
    static func isValidId(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 191 && id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
        }
    }
}
