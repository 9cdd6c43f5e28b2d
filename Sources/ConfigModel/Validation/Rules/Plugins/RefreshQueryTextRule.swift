/// The SQL plugins check a refresh query's text before running it (their `validateQuery`, called from
/// `appQuery` while the app loads): no `--` comments anywhere, and the lower-cased text must begin with
/// select, insert, update or delete, with no leading space. Postgres' check (also Redshift's) first refuses a
/// blank query; Snowflake ignores its check.
struct RefreshQueryTextRule: ValidationRule {
    let description = RuleDescription(
        identifier: "refresh-query-text",
        summary: "An app's refresh query has a comment or does not start with SELECT, INSERT, UPDATE or DELETE.",
        grouparooRules: ["R-APP-11"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { host: "h", database: "d" },
                  refresh: { query: ↓"SELECT MAX(updated_at) FROM users -- newest", recurringFrequency: 60000 } }
                """),
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "mysql", options: { host: "h", database: "d" },
                  refresh: { query: ↓" SELECT 1" } }
                """),
        ],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { host: "h", database: "d" },
              refresh: { query: "select max(updated_at) from users", recurringFrequency: 60000 } },
            { id: "sf", class: "app", name: "SF", type: "snowflake", options: { account: "a", username: "u", password: "p",
              warehouse: "w", database: "d", schema: "s" }, refresh: { query: " -- anything" } }
            """)])

    /// Which `validateQuery` each app type's `appQuery` calls.
    private enum QueryCheck { case postgres, generic }
    private static let checks: [String: QueryCheck] = [
        "postgres": .postgres, "redshift": .postgres,
        "bigquery": .generic, "mysql": .generic, "clickhouse": .generic, "sqlite": .generic,
    ]
    private static let statements = ["select", "insert", "update", "delete"]

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.apps.compactMap { app -> Diagnostic? in
            // `refresh` is applied only when the query has at least 2 characters (R-APP-09).
            guard let query = app.config.refresh?.value.query, query.value.utf16.count > 1,
                  let type = app.config.type?.value, let check = Self.checks[type] else { return nil }
            let text = query.value.lowercased()
            let problem: (ours: String, theirs: String)
            if check == .postgres, text.allSatisfy(\.isWhitespace) {
                problem = ("the refresh query is blank", "please provide a query")
            } else if text.containsDoubled(UInt8(ascii: "-")), text.contains("--") {  // bytes first: Foundation's search is slow
                problem = ("the refresh query contains `--`, which \(type) refuses as a comment (even inside a string)",
                           "please remove any comments from the query")
            } else if !Self.statements.contains(where: text.hasPrefix) {
                problem = ("the refresh query must start with SELECT, INSERT, UPDATE or DELETE, with nothing before it",
                           "query should start with SELECT, INSERT, UPDATE, or DELETE")
            } else {
                return nil
            }
            return diagnostic(problem.ours, on: app.entry, at: query.span, grouparoo: problem.theirs)
        }
    }
}
