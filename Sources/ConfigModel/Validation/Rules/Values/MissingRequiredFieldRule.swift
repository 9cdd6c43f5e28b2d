/// NOT NULL columns and parent ids each class needs (R-SEQ-01, R-PARENT-01). A parent id that is
/// present but `null` is reported by `unknown-reference`, as Grouparoo reports it. Records are checked
/// only in `config` mode, the only one that loads them (R-PIPE-14).
struct MissingRequiredFieldRule: EntryRule {
    let description = RuleDescription(
        identifier: "missing-required-field",
        summary: "A required key is missing or null (e.g. a property's type, a source's modelId, a team's name).",
        grouparooRules: ["R-SEQ-01", "R-SEQ-04", "R-PARENT-01", "R-MOD-03", "R-APP-03", "R-APP-09", "R-SRC-02",
                         "R-PROP-04", "R-PROP-05", "R-SCH-08", "R-GRP-02", "R-DST-02", "R-KEY-02", "R-TEAM-02",
                         "R-TM-03", "R-REC-03", "R-PROP-11"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: ↓\"p\", class: \"property\", key: \"p\", sourceId: \"s\" }"),
            RuleExample(objects: "{ id: ↓↓\"demo\", class: \"teamMember\", teamId: \"t\", email: \"a@b.co\" }"),
            RuleExample(objects: "{ id: ↓\"s\", class: \"source\", name: \"S\", type: \"sqlite-import-table\", modelId: \"m\" }"),
            RuleExample(objects: "{ id: \"s\", class: \"schedule\", sourceId: \"src\", recurring: ↓null }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "model", name: "People", type: "profile" },
                { id: "t", class: "team", name: "Admins" },
                { id: "demo", class: "teamMember", teamId: "t", email: "a@b.co", options: { firstName: "A", lastName: "B" } }
                """),
        ])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        guard let configClass = entry.dispatchClass, configClass.canonical != .record || config.runMode.loadsRecords
        else { return }
        let fields = Self.checkedFields[configClass]
        let properties = entry.properties  // derived from the entry's value: read it once
        for (key, row) in fields.required where TableKeyState(row, rows: rows, in: properties) != .set {
            found.append(missing(key, on: entry, grouparoo: "\(configClass.modelName).\(key) cannot be null"))
        }
        for parent in fields.parents where TableKeyState(parent.row, rows: rows, in: properties) == .absent {
            found.append(missing(parent.key, on: entry, grouparoo: parent.grouparoo))
        }
        for (key, row) in fields.notNull where TableKeyState(row, rows: rows, in: properties) == .null {
            found.append(diagnostic("`\(key)` is null; leave it out to use the default, or set true or false",
                                    on: entry, at: entry.span(of: key),
                                    grouparoo: "\(configClass.modelName).\(key) cannot be null"))
        }
    }

    func checkBeyondEntries(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for member in config.teamMembers {
            for key in Self.requiredMemberOptions {
                let value = member.config.options?.value.object[key]?.value
                guard value.map(JavaScriptValues.isTruthy) != true else { continue }
                found.append(diagnostic("team member needs `options.\(key)`", on: member.entry,
                                        at: member.config.options?.span, grouparoo: "TeamMember.\(key) cannot be null"))
            }
        }
        for app in config.apps {
            // `refresh?.query.length` throws a TypeError when `query` is missing or null (R-APP-09).
            guard let refresh = app.config.refresh else { continue }
            let query = refresh.value.object["query"]?.value ?? .undefined
            guard query.isNullish else { continue }
            found.append(diagnostic("`refresh` needs a `query`", on: app.entry, at: refresh.span,
                                    grouparoo: "Cannot read properties of \(query.isNull ? "null" : "undefined") (reading 'length')"))
        }
        found += filterProblems(config)
        return found
    }

    /// The keys each class requires, by kind of requirement (most fields are optional). A parent is kept as its
    /// key and Grouparoo's message, not as its field: copying a field (several strings) for every object cost.
    /// Each key with its row in the class's fields (`TableRows`).
    private struct CheckedFields: Sendable {
        let required: [(key: String, row: Int16?)]
        let parents: [(key: String, row: Int16?, grouparoo: String)]
        let notNull: [(key: String, row: Int16?)]
    }

    private static let checkedFields = PerClass { configClass in
        let fields = configClass.bodyFields
        let row = { (key: String) in TableRows.row(of: key, in: configClass) }
        let parents = fields.compactMap { field -> (key: String, row: Int16?, grouparoo: String)? in
            switch field.requirement {
            case .parentLookup:
                return (field.key, row(field.key), "missing parent id to find a \(field.references?.modelName ?? field.key)")
            case .parentColumn: return (field.key, row(field.key), "\(configClass.modelName).\(field.key) cannot be null")
            default: return nil
            }
        }
        return CheckedFields(required: fields.filter { $0.requirement == .required }.map { ($0.key, row($0.key)) },
                             parents: parents,
                             notNull: fields.filter { $0.requirement == .notNull }.map { ($0.key, row($0.key)) })
    }

    private static let requiredMemberOptions = TeamMemberOptions.fieldTable.fields.filter { $0.requirement == .required }.map(\.key)

    private func filterProblems(_ config: ValidationInput) -> [Diagnostic] {
        // Only objects with filters are listed (most have none).
        let lists = config.properties.compactMap { property in property.config.filters.map { (property.entry, $0) } }
            + config.schedules.compactMap { schedule in schedule.config.filters.map { (schedule.entry, $0) } }
        var found: [Diagnostic] = []
        for (entry, filters) in lists {
            for filter in filters.value {
                // Not a list of the two keys: that was an allocation for every filter.
                let missing = { (key: String) in
                    found.append(diagnostic("a filter needs `\(key)`", on: entry, at: filter.raw.span,
                                            grouparoo: "Filter.\(key) cannot be null"))
                }
                if filter.key == nil { missing("key") }
                if filter.op == nil { missing("op") }
            }
        }
        return found
    }

    private func missing(_ key: String, on entry: ConfigEntry, grouparoo: String) -> Diagnostic {
        let kind = entry.dispatchClass?.preferredSpelling ?? "object"
        let state = entry.properties.property(key) == nil ? "has no" : "has a null"
        return diagnostic("\(kind) \(state) `\(key)`, which is required", on: entry, at: entry.properties[key]?.span,
                          grouparoo: grouparoo)
    }
}
