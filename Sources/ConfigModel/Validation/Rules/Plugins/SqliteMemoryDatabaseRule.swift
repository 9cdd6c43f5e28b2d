/// The SQLite plugin refuses to connect to an in-memory database (`file: ":memory:"`); Grouparoo connects
/// when it tests the app while loading it (and to run a refresh query), so the app never loads.
struct SqliteMemoryDatabaseRule: ValidationRule {
    let description = RuleDescription(
        identifier: "sqlite-memory-database",
        summary: "A sqlite app uses the in-memory database `:memory:`, which the SQLite plugin refuses.",
        grouparooRules: ["R-APP-07"], severity: .error,
        triggeringExamples: [RuleExample(objects: """
            { id: "db", class: "app", name: "DB", type: "sqlite", options: { file: ↓":memory:" } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "db", class: "app", name: "DB", type: "sqlite", options: { file: "db/grouparoo.sqlite" } }
            """)])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.apps.compactMap { app -> Diagnostic? in
            guard app.config.type?.value == "sqlite", let file = app.config.options?.value["file"],
                  case .string(":memory:") = file.value else { return nil }
            let id = app.entry.id ?? "undefined"
            return diagnostic("the SQLite plugin does not support an in-memory database; give `file` the path of a "
                              + "database file", on: app.entry, at: file.span,
                              grouparoo: "error testing app \(app.config.effectiveName) (\(id)) - The SQLite plugin does "
                                  + "not support in-memory database.")
        }
    }
}
