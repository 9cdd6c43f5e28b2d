/// Length limits of string columns: api key and team names need 3..191 characters; other names,
/// property keys and ids at most 191.
struct InvalidLengthRule: EntryRule {
    let description = RuleDescription(
        identifier: "invalid-length", summary: "A name or key is too short or too long.",
        grouparooRules: ["R-SEQ-02", "R-KEY-02", "R-TEAM-02", "R-APP-03", "R-SRC-02", "R-PROP-03", "R-SCH-04",
                         "R-GRP-02", "R-DST-02"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"t\", class: \"team\", name: ↓\"QA\" }"),
            RuleExample(objects: "{ id: \"k\", class: \"apiKey\", name: ↓\"\", options: { permissionAllRead: true, permissionAllWrite: true } }"),
        ],
        nonTriggeringExamples: [RuleExample(objects: "{ id: \"t\", class: \"team\", name: \"QA team\" }")])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard let configClass = entry.dispatchClass else { return }
        Self.limitedFields.withUnretained(configClass) { fields in entry.withProperties { properties in
            // By index, each field read in place: a copy retained its key.
            for index in fields.elements.indices {
                // `key || name`: an alias stands in for a missing key (R-PROP-03).
                guard let value = entry.decodedString(property: rows.firstProperty(at: fields.elements[index].row), of: properties)
                    ?? entry.decodedString(property: rows.firstProperty(at: fields.elements[index].aliasRow), of: properties)
                else { continue }
                let (limit, length) = (fields.elements[index].limit, value.value.utf16.count)
                guard !limit.contains(length) else { continue }
                let key = fields.elements[index].key
                let bound = length > limit.upperBound ? "at most \(limit.upperBound)" : "at least \(limit.lowerBound)"
                found.append(diagnostic("`\(key)` is \(length) character\(length == 1 ? "" : "s") long; it must be \(bound)",
                                        on: entry, at: value.span, grouparoo: "Validation len on \(key) failed"))
            }
        } }
    }

    /// A field with a length limit, and the row (`TableRows`) of its key and of the key whose value stands in when
    /// it is missing.
    private struct LimitedField: Sendable {
        let key: String
        let limit: ClosedRange<Int>
        let row: Int16?
        let aliasRow: Int16?
    }

    private static let limitedFields = PerClass { configClass in
        let fields = configClass.bodyFields
        return ClassList(fields.compactMap { field -> LimitedField? in
            guard let limit = field.length else { return nil }
            let alias = fields.first { $0.status == .alias(of: field.key) }?.key
            return LimitedField(key: field.key, limit: limit, row: TableRows.row(of: field.key, in: configClass),
                                aliasRow: alias.flatMap { TableRows.row(of: $0, in: configClass) })
        })
    }
}
