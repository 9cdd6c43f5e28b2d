import JSEmitter

/// A database plugin with the four generic table/query templates.
struct TableQueryPlugin: Sendable {
    var plugin: String
    var displayName: String
    /// MongoDB writes aggregation pipelines instead of SQL, so it has its own query templates.
    var usesMongoQueries: Bool = false
}

/// Plugins offering `:table:source`, `:table:property`, `:query:source` and `:query:property`.
let tableQueryPlugins: [TableQueryPlugin] = [
    TableQueryPlugin(plugin: "bigquery", displayName: "BigQuery"),
    TableQueryPlugin(plugin: "clickhouse", displayName: "ClickHouse"),
    TableQueryPlugin(plugin: "mongo", displayName: "MongoDB", usesMongoQueries: true),
    TableQueryPlugin(plugin: "mysql", displayName: "MySQL"),
    TableQueryPlugin(plugin: "postgres", displayName: "Postgres"),
    TableQueryPlugin(plugin: "redshift", displayName: "Redshift"),
    TableQueryPlugin(plugin: "snowflake", displayName: "Snowflake"),
    TableQueryPlugin(plugin: "sqlite", displayName: "SQLite"),
]

/// A plugin with a single source type and its own `:source` / `:property` templates.
struct SingleSourcePlugin: Sendable {
    var plugin: String
    var displayName: String
    /// The import connection, e.g. `csv-import-table`.
    var sourceType: String
    var sourceOptions: [JSObjectMember]?
    var sourceMapping: [JSObjectMember]?
    /// Whether the source file offers a commented-out schedule.
    var offersSchedule: Bool
    /// Options of the `:property` file; nil for calculated properties, which have their own template.
    var propertyOptions: [JSObjectMember]?
}

private let csvColumnOptions = [
    JSObjectMember("column", "...", comment: "Required. The column to read, e.g. \"first_name\"."),
    JSObjectMember("aggregationMethod", "exact", comment: "How several rows combine: \"exact\", \"average\", \"count\", \"sum\", \"min\", \"max\", \"most recent value\", \"least recent value\"."),
]

let singleSourcePlugins: [SingleSourcePlugin] = [
    SingleSourcePlugin(
        plugin: "calculated-property", displayName: "Calculated Property", sourceType: "calculated-property-import",
        sourceOptions: nil, sourceMapping: nil, offersSchedule: false, propertyOptions: nil),
    SingleSourcePlugin(
        plugin: "csv", displayName: "CSV", sourceType: "csv-import-table",
        sourceOptions: [
            JSObjectMember("url", "...", comment: "Required. Address of a publicly readable CSV file, e.g. \"https://example.com/data.csv\"."),
            JSObjectMember("fileAgeHours", 1, comment: "Hours a downloaded copy is reused before the file is fetched again."),
        ],
        sourceMapping: [JSObjectMember("id", "user_id")], offersSchedule: true, propertyOptions: csvColumnOptions),
    SingleSourcePlugin(
        plugin: "google-sheets", displayName: "Google Sheets", sourceType: "google-sheet-import",
        sourceOptions: [
            JSObjectMember("sheet_url", "https://sheets.google.com/...", comment: "Required. Address of the sheet, shared with the app's service account."),
        ],
        sourceMapping: [JSObjectMember("id", "user_id")], offersSchedule: true, propertyOptions: csvColumnOptions),
    SingleSourcePlugin(
        plugin: "mailchimp", displayName: "Mailchimp", sourceType: "mailchimp-import-contacts",
        sourceOptions: [
            JSObjectMember("listId", "...", comment: "Required. The audience (list) id from Mailchimp's audience settings."),
        ],
        sourceMapping: [
            JSObjectMember("email_address", "email", comment: "Built-in fields are used by name."),
            JSObjectMember("merge_fields.FNAME", "first_name", comment: "Merge fields are prefixed with \"merge_fields.\"."),
        ],
        offersSchedule: true,
        propertyOptions: [
            JSObjectMember("field", "first_name", comment: "Required. The Mailchimp field to read: \"email_address\" or a merge field such as \"merge_fields.FNAME\"."),
        ]),
]
