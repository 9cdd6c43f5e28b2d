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
        Self.checkedFields.withUnretained(configClass) { fields in entry.withProperties { properties in
            // By index: iterating a list retained and released it, and both cores read these lists.
            for index in fields.required.indices where TableKeyState(fields.required[index].row, rows: rows, in: properties) != .set {
                let key = fields.required[index].key
                found.append(missing(key, on: entry, grouparoo: "\(configClass.modelName).\(key) cannot be null"))
            }
            for index in fields.parents.indices where TableKeyState(fields.parents[index].row, rows: rows, in: properties) == .absent {
                found.append(missing(fields.parents[index].key, on: entry, grouparoo: fields.parents[index].grouparoo))
            }
            for index in fields.notNull.indices where TableKeyState(fields.notNull[index].row, rows: rows, in: properties) == .null {
                let key = fields.notNull[index].key
                found.append(diagnostic("`\(key)` is null; leave it out to use the default, or set true or false",
                                        on: entry, at: entry.span(of: key),
                                        grouparoo: "\(configClass.modelName).\(key) cannot be null"))
            }
        } }
    }

    func checkBeyondEntries(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.teamMembers.forEachUnretained { member in
            for key in Self.requiredMemberOptions {
                let value = member.config.options?.value.object[key]?.value
                guard value.map(JavaScriptValues.isTruthy) != true else { continue }
                found.append(diagnostic("team member needs `options.\(key)`", on: member.entry,
                                        at: member.config.options?.span, grouparoo: "TeamMember.\(key) cannot be null"))
            }
        }
        config.apps.forEachUnretained { app in
            // `refresh?.query.length` throws a TypeError when `query` is missing or null (R-APP-09).
            guard let refresh = app.config.refresh else { return }
            let query = refresh.value.object["query"]?.value ?? .undefined
            guard query.isNullish else { return }
            found.append(diagnostic("`refresh` needs a `query`", on: app.entry, at: refresh.span,
                                    grouparoo: "Cannot read properties of \(query.isNull ? "null" : "undefined") (reading 'length')"))
        }
        found += filterProblems(config)
        return found
    }

    /// The keys each class requires, by kind of requirement (most fields are optional). A parent is kept as its
    /// key and Grouparoo's message, not as its field: copying a field (several strings) for every object cost.
    /// Each key with its row in the class's fields (`TableRows`). A class: a struct was copied out for every object,
    /// retaining each of its lists.
    private final class CheckedFields: Sendable {
        let required: [(key: String, row: Int16?)]
        let parents: [(key: String, row: Int16?, grouparoo: String)]
        let notNull: [(key: String, row: Int16?)]

        init(required: [(key: String, row: Int16?)], parents: [(key: String, row: Int16?, grouparoo: String)],
             notNull: [(key: String, row: Int16?)]) {
            self.required = required
            self.parents = parents
            self.notNull = notNull
        }
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
        var found: [Diagnostic] = []
        // Each filter is read where it is: a list of (entry, filters) pairs and a copy of each filter retained their parts,
        // and so did a copy of the `Field` holding them.
        func inspect(_ entry: ConfigEntry, _ filters: [FilterConfig]) {
            for index in filters.indices {
                // Not a list of the two keys: that was an allocation for every filter.
                let missing = { (key: String) in
                    found.append(diagnostic("a filter needs `\(key)`", on: entry, at: filters[index].raw.span,
                                            grouparoo: "Filter.\(key) cannot be null"))
                }
                if filters[index].key == nil { missing("key") }
                if filters[index].op == nil { missing("op") }
            }
        }
        config.properties.forEachUnretained { property in inspect(property.entry, property.config.filters?.value ?? []) }
        config.schedules.forEachUnretained { schedule in inspect(schedule.entry, schedule.config.filters?.value ?? []) }
        return found
    }

    private func missing(_ key: String, on entry: ConfigEntry, grouparoo: String) -> Diagnostic {
        let kind = entry.dispatchClass?.preferredSpelling ?? "object"
        let state = entry.properties.property(key) == nil ? "has no" : "has a null"
        return diagnostic("\(kind) \(state) `\(key)`, which is required", on: entry, at: entry.properties[key]?.span,
                          grouparoo: grouparoo)
    }
}
