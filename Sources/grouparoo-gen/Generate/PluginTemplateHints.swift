import ConfigModel
import JSEmitter

/// What a plugin template adds to the plugin table `validate` uses (`PluginCatalog.bundled`): a display
/// name, placeholder values and help text. Types, option keys, required flags, allowed values and sync
/// modes are read from the table, so the two can never disagree. An option is written when the table
/// requires it (unconditionally) or when it has a hint here.
struct OptionHint: Sendable {
    /// The value written; `"..."` marks one the user must fill in (a `template-placeholder` warning).
    var placeholder: JSLiteral
    var help: String
}

/// How a database plugin's query templates write queries.
enum QueryLanguage: Sendable {
    case sql
    /// MongoDB writes aggregation pipelines, so it has its own query templates.
    case mongoPipeline
}

/// One `<plugin>:app` template.
struct AppTemplate: Sendable {
    /// The app type in the plugin table, also the template name's first part.
    var type: String
    var displayName: String
    var hints: [String: OptionHint] = [:]
    var queryLanguage: QueryLanguage = .sql

    /// The `options` object the file starts with; nil when the app takes none (no `options` key).
    var options: [JSObjectMember]? {
        let members = PluginTemplates.members(PluginCatalog.bundled.apps[type]?.options ?? [], hints: hints)
        return members.isEmpty ? nil : members
    }
}

/// One `<name>:destination` template.
struct DestinationTemplate: Sendable {
    /// Template name without `:destination`, e.g. `hubspot:contacts`.
    var name: String
    var displayName: String
    /// The export connection in the plugin table, e.g. `hubspot-export-contacts`.
    var type: String
    var hints: [String: OptionHint] = [:]
    /// Example mapping entries, written commented out: the properties they name may not exist.
    var mappingExample: [JSObjectMember]
    /// Example group memberships, written commented out; nil = the file has no `destinationGroupMemberships`.
    var groupExample: [JSObjectMember]?

    var connection: PluginConnection? { PluginCatalog.bundled.connections[type] }
    var syncModes: [String] { connection?.syncModes ?? [] }
    /// The connection's default, or its only mode; nil when the user must choose (`--sync-mode` is required).
    var defaultSyncMode: String? { connection?.defaultSyncMode ?? (syncModes.count == 1 ? syncModes[0] : nil) }
    var needsSyncModeChoice: Bool { !syncModes.isEmpty && defaultSyncMode == nil }

    var options: [JSObjectMember]? {
        let members = PluginTemplates.members(connection?.options ?? [], hints: hints)
        return members.isEmpty ? nil : members
    }
}

/// A plugin with one source type and its own `:source` / `:property` templates.
struct SingleSourceTemplate: Sendable {
    /// App type, also the template name's first part.
    var plugin: String
    var displayName: String
    /// The import connection in the plugin table, e.g. `csv-import-table`.
    var sourceType: String
    var sourceHints: [String: OptionHint] = [:]
    /// Example mapping entries, written commented out under a `"..."` placeholder entry.
    var mappingExample: [JSObjectMember] = []
    var propertyHints: [String: OptionHint] = [:]
    /// Calculated properties have their own template (a function instead of options).
    var propertyTemplate = "property.js.template"

    var connection: PluginConnection? { PluginCatalog.bundled.connections[sourceType] }
    var sourceOptions: [JSObjectMember]? {
        let members = PluginTemplates.members(connection?.options ?? [], hints: sourceHints)
        return members.isEmpty ? nil : members
    }
    /// nil when the connection needs no mapping.
    var mapping: [JSObjectMember]? {
        guard connection?.features.contains(.requiresMapping) == true else { return nil }
        return PluginTemplates.placeholderMapping(examples: mappingExample)
    }
    var offersSchedule: Bool { connection?.features.contains(.schedules) == true }
    var propertyOptions: [JSObjectMember] { PluginTemplates.members(connection?.propertyOptions ?? [], hints: propertyHints) }
}

enum PluginTemplates {
    /// The table's options as object members: required ones (not conditional) and hinted ones, in the table's order.
    static func members(_ options: [PluginOption], hints: [String: OptionHint]) -> [JSObjectMember] {
        options.compactMap { option in
            let hint = hints[option.key]
            guard hint != nil || (option.isRequired && option.onlyWhenKey == nil) else { return nil }
            var help = hint?.help ?? ""
            if help.isEmpty, !option.allowedValues.isEmpty {
                help = "One of: " + option.allowedValues.map { "\"\($0)\"" }.joined(separator: ", ") + "."
            }
            let comment = (option.isRequired ? "Required." : "Optional.") + (help.isEmpty ? "" : " " + help)
            return JSObjectMember(option.key, hint?.placeholder ?? "...", comment: comment)
        }
    }

    /// A source mapping to fill in: one `"...": "..."` entry, then the examples commented out.
    static func placeholderMapping(examples: [JSObjectMember]) -> [JSObjectMember] {
        [JSObjectMember("...", "...", comment: "\"<field in the data>\": \"<id of a unique property>\"")]
            + examples.map { JSObjectMember($0.key, $0.value, comment: $0.comment, commentedOut: true) }
    }

    /// Every plugin with an `<plugin>:app` template.
    static let apps: [AppTemplate] = [
        AppTemplate(type: "bigquery", displayName: "BigQuery", hints: hints(
            ("project_id", "...", "Google Cloud project id, e.g. \"data_warehouse\"."),
            ("dataset", "...", "Dataset that sources read from by default."),
            serviceAccountEmail, serviceAccountKey)),
        AppTemplate(type: "braze", displayName: "Braze", hints: hints(
            ("apiKey", "...", "REST API key with Users and Campaigns permissions (Braze Developer Console)."),
            ("restEndpoint", "...", "REST endpoint of your Braze instance, e.g. \"https://rest.iad-01.braze.com\"."))),
        AppTemplate(type: "calculated-property", displayName: "Calculated Property"),
        AppTemplate(type: "clickhouse", displayName: "ClickHouse", hints: hints(
            ("host", "localhost", "Host name of the ClickHouse HTTP interface."),
            ("port", 8123, "Port of the ClickHouse HTTP interface."),
            ("database", "...", "Database name."),
            ("user", "...", "User to connect as (ClickHouse's default user is \"default\")."),
            ("password", "...", "The user's password."))),
        AppTemplate(type: "closeio", displayName: "Close", hints: hints(("apiKey", "...", "Close API key."))),
        AppTemplate(type: "csv", displayName: "CSV"),
        AppTemplate(type: "customerio", displayName: "Customer.io", hints: hints(
            ("siteId", "...", "Site id of the Tracking API."), ("trackingApiKey", "...", "Tracking API key."),
            ("appApiKey", "...", "App API key."))),
        AppTemplate(type: "eloqua", displayName: "Eloqua", hints: hints(
            ("siteName", "myCompanySiteName", "Your Eloqua company (site) name."), ("userName", "user.name", "Eloqua user name."),
            ("password", "...", "Eloqua password."))),
        AppTemplate(type: "facebook", displayName: "Facebook", hints: hints(
            ("adAccountId", "...", "Numeric ad account id, as shown in Ads Manager's URL."),
            ("accessToken", "...", "Access token with the ads_management permission."))),
        AppTemplate(type: "google-sheets", displayName: "Google Sheets", hints: hints(serviceAccountEmail, serviceAccountKey)),
        AppTemplate(type: "hubspot", displayName: "HubSpot", hints: hints(("hapikey", "...", "HubSpot API key (Settings > Integrations > API Key)."))),
        AppTemplate(type: "intercom", displayName: "Intercom", hints: hints(("token", "...", "Access token of a private app in Intercom's Developer Hub."))),
        AppTemplate(type: "iterable", displayName: "Iterable", hints: hints(("apiKey", "...", "Iterable API key."))),
        AppTemplate(type: "klaviyo", displayName: "Klaviyo", hints: hints(
            ("privateToken", "...", "Private API key."), ("publicToken", "...", "Public API key (site id)."))),
        AppTemplate(type: "logger", displayName: "Logger", hints: hints(
            ("filename", "logger.log", "File to write, relative to the project root."),
            ("stdout", "true", "\"true\" = also print to Grouparoo's console; \"false\" = only the file."))),
        AppTemplate(type: "mailchimp", displayName: "Mailchimp", hints: hints(("apiKey", "...", "Mailchimp API key."))),
        AppTemplate(type: "mailjet", displayName: "Mailjet", hints: hints(
            ("apiKey", "...", "Mailjet API key."), ("apiSecret", "...", "Mailjet secret key."))),
        AppTemplate(type: "marketo", displayName: "Marketo", hints: hints(
            ("endpoint", "https://xxx.mktorest.com/rest", "REST endpoint (Admin > Web Services)."),
            ("identity", "https://xxx.mktorest.com/identity", "Identity endpoint (Admin > Web Services)."),
            ("clientId", "...", "Client id of the API user's LaunchPoint service."), ("clientSecret", "...", "Client secret of that service."))),
        AppTemplate(type: "mixpanel", displayName: "Mixpanel", hints: hints(
            ("token", "...", "Project token."), ("username", "...", "Service account user name."),
            ("secret", "...", "Service account secret."), ("projectId", "...", "Project id."))),
        AppTemplate(type: "mongo", displayName: "MongoDB", hints: hints(
            ("uri", "mongodb://localhost:27017", "Connection string, as your MongoDB host gives it."), ("database", "mydb", "Database name.")),
            queryLanguage: .mongoPipeline),
        AppTemplate(type: "mysql", displayName: "MySQL", hints: sqlHints(host: "localhost", port: 3306, engine: "MySQL")),
        AppTemplate(type: "onesignal", displayName: "OneSignal", hints: hints(
            ("appId", "...", "OneSignal app id (Settings > Keys & IDs)."), ("apiKey", "...", "REST API key (Settings > Keys & IDs)."))),
        AppTemplate(type: "pardot", displayName: "Pardot", hints: hints(
            ("businessUnitId", "...", "Pardot business unit id (Salesforce Setup > Pardot Account Setup)."),
            ("username", "...", "Salesforce login email."), ("password", "...", "Salesforce password."), securityToken, salesforceDomain,
            ("pardotDomain", "https://pi.pardot.com", "\"https://pi.pardot.com\" or, for a demo account, \"https://pi.demo.pardot.com\"."))),
        AppTemplate(type: "pipedrive", displayName: "Pipedrive", hints: hints(("apiToken", "...", "Pipedrive API token."))),
        AppTemplate(type: "postgres", displayName: "Postgres", hints: sqlHints(host: "localhost", port: 5432, engine: "Postgres", schema: true, ssl: true)),
        AppTemplate(type: "redshift", displayName: "Redshift",
                    hints: sqlHints(host: "redshift.company.us-west-1.redshift.amazonaws.com", port: 5432, engine: "Redshift", schema: true)),
        AppTemplate(type: "sailthru", displayName: "Sailthru", hints: hints(
            ("apiKey", "...", "Sailthru API key."), ("apiSecret", "...", "Sailthru API secret."))),
        AppTemplate(type: "salesforce", displayName: "Salesforce", hints: hints(
            ("username", "...@example.com", "Salesforce login email."), ("password", "...", "Salesforce password."),
            securityToken, salesforceDomain)),
        AppTemplate(type: "sendgrid", displayName: "SendGrid", hints: hints(("apiKey", "...", "SendGrid API key."))),
        AppTemplate(type: "snowflake", displayName: "Snowflake", hints: hints(
            ("account", "xxx.us-east-1 or xxx.us-east-2.aws", "Account identifier: the subdomain you open Snowflake at."),
            ("username", "...", "User to connect as."), ("password", "...", "That user's password."),
            ("warehouse", "...", "Warehouse to run queries on, e.g. \"COMPUTE_WH\"."), ("database", "...", "Database name."),
            ("schema", "PUBLIC", "Schema holding the tables."))),
        AppTemplate(type: "sqlite", displayName: "SQLite", hints: hints(
            ("file", "...", "Path of the database file, absolute or relative to the project root."))),
        AppTemplate(type: "vero", displayName: "Vero", hints: hints(("authToken", "...", "Vero auth token."))),
        AppTemplate(type: "zendesk", displayName: "Zendesk", hints: hints(
            ("subdomain", "...", "The \"company\" in company.zendesk.com."), ("username", "...", "Email of an admin user."),
            ("token", "...", "API token of that admin user."))),
    ]

    /// Apps whose plugin offers both a `-import-table` and a `-import-query` connection get the
    /// four generic table/query templates.
    static var tableQueryApps: [AppTemplate] {
        apps.filter { app in
            ["table", "query"].allSatisfy { PluginCatalog.bundled.connections["\(app.type)-import-\($0)"] != nil }
        }
    }

    static let singleSources: [SingleSourceTemplate] = [
        SingleSourceTemplate(plugin: "calculated-property", displayName: "Calculated Property", sourceType: "calculated-property-import",
                             propertyTemplate: "calculated-property.js.template"),
        SingleSourceTemplate(
            plugin: "csv", displayName: "CSV", sourceType: "csv-import-table",
            sourceHints: hints(("url", "...", "Address of a publicly readable CSV file, e.g. \"https://example.com/data.csv\"."),
                               ("fileAgeHours", 1, "Hours a downloaded copy is reused before the file is fetched again: 1, 6, 12 or 24.")),
            mappingExample: [JSObjectMember("id", "user_id")], propertyHints: columnHints),
        SingleSourceTemplate(
            plugin: "google-sheets", displayName: "Google Sheets", sourceType: "google-sheet-import",
            sourceHints: hints(("sheet_url", "https://sheets.google.com/...", "Address of the sheet, shared with the app's service account.")),
            mappingExample: [JSObjectMember("id", "user_id")], propertyHints: columnHints),
        SingleSourceTemplate(
            plugin: "mailchimp", displayName: "Mailchimp", sourceType: "mailchimp-import-contacts",
            sourceHints: hints(("listId", "...", "The audience (list) id from Mailchimp's audience settings.")),
            mappingExample: [
                JSObjectMember("email_address", "email", comment: "Built-in fields are used by name."),
                JSObjectMember("merge_fields.FNAME", "first_name", comment: "Merge fields are prefixed with \"merge_fields.\"."),
            ],
            propertyHints: hints(("field", "first_name", "The Mailchimp field to read: \"email_address\" or a merge field such as \"merge_fields.FNAME\"."))),
    ]

    /// Every `<name>:destination` template.
    static let destinations: [DestinationTemplate] = [
        destination("braze", "Braze", "braze-export-users", mapping: [
            JSObjectMember("external_id", "id"), JSObjectMember("email", "email"),
            JSObjectMember("first_name", "firstName"), JSObjectMember("last_name", "lastName"),
        ]),
        destination("clickhouse", "ClickHouse", "clickhouse-export-records", hints: sqlExportHints),
        destination("closeio", "Close", "closeio-export-leads", mapping: [JSObjectMember("Name", "name")], groups: highValue),
        destination("customerio", "Customer.io", "customerio-export-customers", mapping: [
            JSObjectMember("customer_id", "id"), JSObjectMember("email", "email"), JSObjectMember("created_at", "createDate"),
        ], groups: highValue),
        destination("eloqua", "Eloqua", "eloqua-export-contacts",
                    mapping: [JSObjectMember("Email", "email"), JSObjectMember("Name", "name")], groups: highValue),
        destination("facebook", "Facebook", "facebook-export-audiences-custom",
                    hints: hints(("primaryKey", "EMAIL", "How Facebook matches people: \"EXTERN_ID\", \"EMAIL\" or \"MADID\".")),
                    mapping: [], groups: nil),
        destination("hubspot:contacts", "HubSpot", "hubspot-export-contacts"),
        destination("hubspot:objects", "HubSpot", "hubspot-export-objects", hints: hints(
            ("schemaId", "2-3039", "The HubSpot object (schema id) that holds one record each."),
            ("primaryKey", "email", "The object's field that identifies a record.")), mapping: underscoreMapping),
        destination("intercom", "Intercom", "intercom-export-contacts", hints: hints(
            ("creationMode", "User", "New contacts become \"User\", \"Lead\" or \"Lifecycle\" (users once they have an id)."),
            ("removalMode", "Archive", "Contacts leaving the destination are \"Archive\"d or \"Delete\"d."))),
        destination("iterable", "Iterable", "iterable-export-users"),
        destination("klaviyo", "Klaviyo", "klaviyo-export-profiles", mapping: [JSObjectMember("email", "$email")], groups: highValue),
        destination("logger", "Logger", "logger-export-records", mapping: [
            JSObjectMember("primary id", "user_id", comment: "Required: what identifies a record in the log."),
            JSObjectMember("secondary id", "email", comment: "Optional second identifier."),
        ]),
        destination("mailchimp:email", "Mailchimp", "mailchimp-export-contacts", hints: mailchimpList, mapping: [
            JSObjectMember("email_address", "email"), JSObjectMember("FNAME", "firstName"), JSObjectMember("LNAME", "lastName"),
        ]),
        destination("mailchimp:id", "Mailchimp", "mailchimp-export-contacts-by-id", hints: mailchimpList, mapping: [
            JSObjectMember("email", "email"), JSObjectMember("FNAME", "firstName"), JSObjectMember("LNAME", "lastName"),
        ]),
        destination("mailjet", "Mailjet", "mailjet-export-contacts"),
        destination("marketo", "Marketo", "marketo-export-leads"),
        destination("mixpanel", "Mixpanel", "mixpanel-export-profiles", mapping: [
            JSObjectMember("$distinct_id", "$distinctId"), JSObjectMember("$email", "email"),
            JSObjectMember("$first_name", "firstName"), JSObjectMember("$last_name", "lastName"),
        ]),
        destination("mysql", "MySQL", "mysql-export-records", hints: sqlExportHints),
        destination("onesignal", "OneSignal", "onesignal-export-users", mapping: underscoreMapping, groups: highValue),
        destination("pardot", "Pardot", "pardot-export-prospects", mapping: underscoreMapping, groups: highValue),
        destination("pipedrive", "Pipedrive", "pipedrive-export-persons",
                    mapping: [JSObjectMember("Email", "email"), JSObjectMember("Name", "name")], groups: highValue),
        destination("postgres", "Postgres", "postgres-export-records", hints: sqlExportHints),
        destination("redshift", "Redshift", "redshift-export-records", hints: sqlExportHints),
        destination("sailthru", "Sailthru", "sailthru-export-users"),
        destination("salesforce:objects", "Salesforce", "salesforce-export-objects", hints: hints(
            ("recordObject", "Contact", "Salesforce object holding one record each."),
            ("recordMatchField", "Email", "Field of that object that identifies a record."),
            ("groupObject", "Account", "Object that stands for a Grouparoo group."),
            ("groupNameField", "Name", "Field of the group object holding the group name."),
            ("membershipObject", "AccountContactRole", "Object linking records to groups."),
            ("membershipRecordField", "AccountId", "Field of the membership object pointing at the record."),
            ("membershipGroupField", "ContactId", "Field of the membership object pointing at the group."),
            ("recordReferenceField", "AccountId", "Reference field on the record object to fill in."),
            ("recordReferenceObject", "Account", "Object created for that reference."),
            ("recordReferenceMatchField", .undefined, "Field used to match the referenced object."))),
        destination("salesforce:contacts", "Salesforce", "salesforce-export-contacts", hints: hints(
            ("primaryKey", "Email", "Contact field that identifies a record."),
            ("accountKey", "Name", "Account field used to attach the contact to an account.")), groups: nil),
        destination("salesforce:accounts", "Salesforce", "salesforce-export-accounts",
                    hints: hints(("primaryKey", "Email", "Account field that identifies a record.")), groups: nil),
        destination("sendgrid", "SendGrid", "sendgrid-export-marketing-contacts", mapping: underscoreMapping),
        destination("sqlite", "SQLite", "sqlite-export-records", hints: sqlExportHints),
        destination("vero", "Vero", "vero-export-customers", mapping: [JSObjectMember("id", "id")], groups: highValue),
        destination("zendesk", "Zendesk", "zendesk-export-users",
                    mapping: [JSObjectMember("external_id", "userId"), JSObjectMember("name", "firstName")]),
    ]

    // MARK: Shared hints

    private static func hints(_ entries: (String, JSLiteral, String)...) -> [String: OptionHint] {
        Dictionary(entries.map { ($0.0, OptionHint(placeholder: $0.1, help: $0.2)) }, uniquingKeysWith: { first, _ in first })
    }

    private static let serviceAccountEmail: (String, JSLiteral, String) =
        ("client_email", "xxx@xxx.iam.gserviceaccount.com", "The Google service account's email address.")
    private static let serviceAccountKey: (String, JSLiteral, String) =
        ("private_key", "-----BEGIN PRIVATE KEY-----\n...", "The service account's private key (PEM text, line breaks as \\n).")
    private static let securityToken: (String, JSLiteral, String) = ("securityToken", "...", "Salesforce security token, if your login needs one.")
    private static let salesforceDomain: (String, JSLiteral, String) = ("salesforceDomain", "https://login.salesforce.com",
        "\"https://login.salesforce.com\" or, for a sandbox, \"https://test.salesforce.com\".")

    private static func sqlHints(host: String, port: Double, engine: String, schema: Bool = false, ssl: Bool = false) -> [String: OptionHint] {
        var result = hints(
            ("host", .string(host), "Host name of the \(engine) server."), ("port", .number(port), "TCP port of the \(engine) server."),
            ("database", "...", "Database name, e.g. \"data_warehouse\"."),
            ("user", "...", "User to connect as; remove the line to connect without one."),
            ("password", "...", "The user's password; remove the line when there is none."))
        if schema { result["schema"] = OptionHint(placeholder: "public", help: "Schema holding the tables.") }
        if ssl {
            result["ssl"] = OptionHint(placeholder: false, help: "true = only connect over SSL. Custom certificates go in ssl_cert, ssl_key and ssl_ca.")
        }
        return result
    }

    private static let columnHints = hints(
        ("column", "...", "The column to read, e.g. \"first_name\"."),
        ("aggregationMethod", "exact", "How several rows combine; this source only supports \"exact\"."))
    private static let mailchimpList = hints(("listId", "...", "The audience (list) id from Mailchimp's audience settings."))
    private static let sqlExportHints = hints(
        ("table", "users_export", "Table that receives one row per record."),
        ("primaryKey", "id", "Primary key column of that table."),
        ("groupsTable", "groups_export", "Table that receives one row per record and group."),
        ("groupForeignKey", "user_id", "Column of the groups table that refers to the records table."),
        ("groupColumnName", "group_name", "Column of the groups table holding the group name."))

    private static let standardMapping = [
        JSObjectMember("email", "email"), JSObjectMember("firstname", "firstName"), JSObjectMember("lastname", "lastName"),
    ]
    private static let underscoreMapping = [
        JSObjectMember("email", "email"), JSObjectMember("first_name", "firstName"), JSObjectMember("last_name", "lastName"),
    ]
    private static let highValueExclaimed = [JSObjectMember("High Value Customers!", "highValueCustomers")]
    private static let highValue = [JSObjectMember("High Value Customers", "highValueCustomers")]

    private static func destination(
        _ name: String, _ displayName: String, _ type: String, hints: [String: OptionHint] = [:],
        mapping: [JSObjectMember] = standardMapping, groups: [JSObjectMember]? = highValueExclaimed
    ) -> DestinationTemplate {
        DestinationTemplate(name: name, displayName: displayName, type: type, hints: hints, mappingExample: mapping, groupExample: groups)
    }
}
