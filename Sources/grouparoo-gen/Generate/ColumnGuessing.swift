import ConfigModel
import Foundation

/// A column to create a property for, from `--with` or `--from-csv`.
struct ColumnSpec: Sendable, Equatable {
    var column: String
    /// The property type; nil until guessed.
    var type: PropertyType?
    /// Sample values (from a CSV file) used to guess the type.
    var samples: [String] = []
}

/// Grouparoo's guesses for properties made from table columns (`TableSpeculation`).
enum ColumnGuessing {
    struct InvalidColumnsError: Error, CustomStringConvertible {
        var description: String
    }

    /// `isUniqueColumn`: the lower-cased name contains "email", "userid", "user_id", "phone" or
    /// "mobile", or is exactly "id", "guid" or "uuid".
    static func isUnique(_ column: String) -> Bool {
        let name = column.lowercased()
        if ["id", "guid", "uuid"].contains(name) { return true }
        return ["email", "userid", "user_id", "phone", "mobile"].contains { name.contains($0) }
    }

    /// `columnType`: start from the sample-derived type (numbers → float, true/false → boolean,
    /// dates → date, else string); string columns named like emails or phones become
    /// `email`/`phoneNumber`; float columns named `id`, `guid`, `uuid` or ending `_id`, `_guid`,
    /// `_uuid` become `integer`. An explicitly given type is kept as it is.
    static func type(for spec: ColumnSpec) -> PropertyType {
        if let type = spec.type { return type }
        let name = spec.column.lowercased()
        var type = sampleType(spec.samples)
        if type == .string {
            if name.contains("email") { return .email }
            if name.contains("phone") || name.contains("mobile") { return .phoneNumber }
        }
        if type == .float {
            if ["id", "guid", "uuid"].contains(name) || ["_id", "_guid", "_uuid"].contains(where: name.hasSuffix) {
                type = .integer
            }
        }
        return type
    }

    /// The type of the first non-empty sample, as a database driver would have reported it.
    private static func sampleType(_ samples: [String]) -> PropertyType {
        guard let value = samples.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?
            .trimmingCharacters(in: .whitespaces)
        else { return .string }
        if Double(value) != nil, value.rangeOfCharacter(from: .letters) == nil { return .float }
        if ["true", "false"].contains(value.lowercased()) { return .boolean }
        if value.range(of: #"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"#, options: .regularExpression) != nil {
            return .date
        }
        return .string
    }

    /// Parses `--with "id,email:email,first_name"`: comma-separated names, each optionally
    /// `name:type` with a Grouparoo property type.
    static func parseWith(_ list: String) throws -> [ColumnSpec] {
        var specs: [ColumnSpec] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: true) {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            var column = item
            var type: PropertyType?
            if let colon = item.lastIndex(of: ":") {
                let typeName = String(item[item.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                guard let parsed = PropertyType.allCases.first(where: { $0.rawValue.lowercased() == typeName.lowercased() }) else {
                    let choices = PropertyType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw InvalidColumnsError(description: "unknown property type \"\(typeName)\" for column \"\(item[..<colon])\" in --with; use one of: \(choices)")
                }
                column = String(item[..<colon]).trimmingCharacters(in: .whitespaces)
                type = parsed
            }
            guard !column.isEmpty else { throw InvalidColumnsError(description: "--with has an entry without a column name: \"\(item)\"") }
            specs.append(ColumnSpec(column: column, type: type))
        }
        return try unique(specs)
    }

    /// Columns from a CSV file's header row, with up to `sampleRows` following rows as samples.
    static func parseCSV(_ text: String, sampleRows: Int = 20) throws -> [ColumnSpec] {
        let rows = CSVRows.parse(text, limit: sampleRows + 1)
        guard let header = rows.first, header.contains(where: { !$0.isEmpty }) else {
            throw InvalidColumnsError(description: "the CSV file has no header row")
        }
        var specs: [ColumnSpec] = []
        for (index, name) in header.enumerated() {
            let column = name.trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty else { throw InvalidColumnsError(description: "column \(index + 1) of the CSV header has no name") }
            let samples = rows.dropFirst().compactMap { index < $0.count ? $0[index] : nil }
            specs.append(ColumnSpec(column: column, type: nil, samples: samples))
        }
        return try unique(specs)
    }

    private static func unique(_ specs: [ColumnSpec]) throws -> [ColumnSpec] {
        var seen = Set<String>()
        for spec in specs where !seen.insert(spec.column).inserted {
            throw InvalidColumnsError(description: "column \"\(spec.column)\" is listed twice")
        }
        return specs
    }
}

/// A small RFC 4180 reader: quoted fields with `""` escapes, commas and line breaks inside quotes.
enum CSVRows {
    static func parse(_ text: String, limit: Int) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }  // byte order mark
        while let scalar = pending, rows.count < limit {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if rows.count < limit && (!field.isEmpty || !row.isEmpty) {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
