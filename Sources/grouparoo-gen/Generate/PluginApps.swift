import JSEmitter

/// One plugin's app template data: the `options` object its app file starts with.
/// Values equal those Grouparoo's own `<plugin>:app` template wrote ("..." = fill me in);
/// the comments are ours and say what each option is and whether it is required.
struct PluginApp: Sendable {
    /// Plugin name as used in template names (`postgres` in `postgres:app`) and as the app type.
    var plugin: String
    /// Human name for comments and `--describe`.
    var displayName: String
    /// nil when the app takes no options (the file then has no `options` key).
    var options: [JSObjectMember]?
}

private func required(_ key: String, _ value: JSLiteral, _ note: String) -> JSObjectMember {
    JSObjectMember(key, value, comment: "Required. " + note)
}

private func optional(_ key: String, _ value: JSLiteral, _ note: String) -> JSObjectMember {
    JSObjectMember(key, value, comment: "Optional. " + note)
}

private let serviceAccountEmail = required("client_email", "xxx@xxx.iam.gserviceaccount.com", "The Google service account's email address.")
private let serviceAccountKey = required("private_key", "-----BEGIN PRIVATE KEY-----\n...", "The service account's private key (PEM text, line breaks as \\n).")

private func sqlOptions(host: String, port: Double, schema: Bool, ssl: Bool, engine: String) -> [JSObjectMember] {
    var members = [
        optional("host", .string(host), "Host name of the \(engine) server."),
        optional("port", .number(port), "TCP port of the \(engine) server."),
        required("database", "...", "Database name, e.g. \"data_warehouse\"."),
    ]
    if schema { members.append(optional("schema", "public", "Schema holding the tables.")) }
    members += [
        optional("user", "...", "User to connect as; remove the line to connect without one."),
        optional("password", "...", "The user's password; remove the line when there is none."),
    ]
    if ssl {
        members.append(optional("ssl", false, "true = only connect over SSL. Custom certificates go in ssl_cert, ssl_key and ssl_ca."))
    }
    return members
}

/// Every plugin with an `<plugin>:app` template, in Grouparoo's order.
let pluginApps: [PluginApp] = [
    PluginApp(plugin: "bigquery", displayName: "BigQuery", options: [
        required("project_id", "...", "Google Cloud project id, e.g. \"data_warehouse\"."),
        required("dataset", "...", "Dataset that sources read from by default."),
        serviceAccountEmail, serviceAccountKey,
    ]),
    PluginApp(plugin: "braze", displayName: "Braze", options: [
        required("apiKey", "...", "REST API key with Users and Campaigns permissions (Braze Developer Console)."),
        required("restEndpoint", "...", "REST endpoint of your Braze instance, e.g. \"https://rest.iad-01.braze.com\"."),
    ]),
    PluginApp(plugin: "calculated-property", displayName: "Calculated Property", options: nil),
    PluginApp(plugin: "clickhouse", displayName: "ClickHouse", options: [
        optional("host", "localhost", "Host name of the ClickHouse HTTP interface."),
        optional("port", 8123, "Port of the ClickHouse HTTP interface."),
        required("database", "...", "Database name."),
        optional("user", "...", "User to connect as (ClickHouse's default user is \"default\")."),
        optional("password", "...", "The user's password."),
    ]),
    PluginApp(plugin: "closeio", displayName: "Close", options: [
        required("apiKey", "...", "Close API key."),
    ]),
    PluginApp(plugin: "csv", displayName: "CSV", options: nil),
    PluginApp(plugin: "customerio", displayName: "Customer.io", options: [
        required("siteId", "...", "Site id of the Tracking API."),
        required("trackingApiKey", "...", "Tracking API key."),
        required("appApiKey", "...", "App API key."),
    ]),
    PluginApp(plugin: "eloqua", displayName: "Eloqua", options: [
        required("siteName", "myCompanySiteName", "Your Eloqua company (site) name."),
        required("userName", "user.name", "Eloqua user name."),
        required("password", "...", "Eloqua password."),
    ]),
    PluginApp(plugin: "facebook", displayName: "Facebook", options: [
        required("adAccountId", "...", "Numeric ad account id, as shown in Ads Manager's URL."),
        required("accessToken", "...", "Access token with the ads_management permission."),
    ]),
    PluginApp(plugin: "google-sheets", displayName: "Google Sheets", options: [serviceAccountEmail, serviceAccountKey]),
    PluginApp(plugin: "hubspot", displayName: "HubSpot", options: [
        required("hapikey", "...", "HubSpot API key (Settings > Integrations > API Key)."),
    ]),
    PluginApp(plugin: "intercom", displayName: "Intercom", options: [
        required("token", "...", "Access token of a private app in Intercom's Developer Hub."),
    ]),
    PluginApp(plugin: "iterable", displayName: "Iterable", options: [
        required("apiKey", "...", "Iterable API key."),
    ]),
    PluginApp(plugin: "klaviyo", displayName: "Klaviyo", options: [
        required("privateToken", "...", "Private API key."),
        required("publicToken", "...", "Public API key (site id)."),
    ]),
    PluginApp(plugin: "logger", displayName: "Logger", options: [
        required("filename", "logger.log", "File to write, relative to the project root."),
        optional("stdout", "true", "\"true\" = also print to Grouparoo's console; \"false\" = only the file."),
    ]),
    PluginApp(plugin: "mailchimp", displayName: "Mailchimp", options: [
        required("apiKey", "...", "Mailchimp API key."),
    ]),
    PluginApp(plugin: "mailjet", displayName: "Mailjet", options: [
        required("apiKey", "...", "Mailjet API key."),
        required("apiSecret", "...", "Mailjet secret key."),
    ]),
    PluginApp(plugin: "marketo", displayName: "Marketo", options: [
        required("endpoint", "https://xxx.mktorest.com/rest", "REST endpoint (Admin > Web Services)."),
        required("identity", "https://xxx.mktorest.com/identity", "Identity endpoint (Admin > Web Services)."),
        required("clientId", "...", "Client id of the API user's LaunchPoint service."),
        required("clientSecret", "...", "Client secret of that service."),
    ]),
    PluginApp(plugin: "mixpanel", displayName: "Mixpanel", options: [
        required("token", "...", "Project token."),
        required("username", "...", "Service account user name."),
        required("secret", "...", "Service account secret."),
        required("projectId", "...", "Project id."),
    ]),
    PluginApp(plugin: "mongo", displayName: "MongoDB", options: [
        required("uri", "mongodb://localhost:27017", "Connection string, as your MongoDB host gives it."),
        required("database", "mydb", "Database name."),
    ]),
    PluginApp(plugin: "mysql", displayName: "MySQL",
              options: sqlOptions(host: "localhost", port: 3306, schema: false, ssl: false, engine: "MySQL")),
    PluginApp(plugin: "onesignal", displayName: "OneSignal", options: [
        required("appId", "...", "OneSignal app id (Settings > Keys & IDs)."),
        required("apiKey", "...", "REST API key (Settings > Keys & IDs)."),
    ]),
    PluginApp(plugin: "pardot", displayName: "Pardot", options: [
        required("businessUnitId", "...", "Pardot business unit id (Salesforce Setup > Pardot Account Setup)."),
        required("username", "...", "Salesforce login email."),
        required("password", "...", "Salesforce password."),
        optional("securityToken", "...", "Salesforce security token, if your login needs one."),
        optional("salesforceDomain", "https://login.salesforce.com", "\"https://login.salesforce.com\" or, for a sandbox, \"https://test.salesforce.com\"."),
        optional("pardotDomain", "https://pi.pardot.com", "\"https://pi.pardot.com\" or, for a demo account, \"https://pi.demo.pardot.com\"."),
    ]),
    PluginApp(plugin: "pipedrive", displayName: "Pipedrive", options: [
        required("apiToken", "...", "Pipedrive API token."),
    ]),
    PluginApp(plugin: "postgres", displayName: "Postgres",
              options: sqlOptions(host: "localhost", port: 5432, schema: true, ssl: true, engine: "Postgres")),
    PluginApp(plugin: "redshift", displayName: "Redshift",
              options: sqlOptions(host: "redshift.company.us-west-1.redshift.amazonaws.com", port: 5432, schema: true, ssl: false, engine: "Redshift")),
    PluginApp(plugin: "sailthru", displayName: "Sailthru", options: [
        required("apiKey", "...", "Sailthru API key."),
        required("apiSecret", "...", "Sailthru API secret."),
    ]),
    PluginApp(plugin: "salesforce", displayName: "Salesforce", options: [
        required("username", "...@example.com", "Salesforce login email."),
        required("password", "...", "Salesforce password."),
        optional("securityToken", "...", "Salesforce security token, if your login needs one."),
        optional("salesforceDomain", "https://login.salesforce.com", "\"https://login.salesforce.com\" or, for a sandbox, \"https://test.salesforce.com\"."),
    ]),
    PluginApp(plugin: "sendgrid", displayName: "SendGrid", options: [
        required("apiKey", "...", "SendGrid API key."),
    ]),
    PluginApp(plugin: "snowflake", displayName: "Snowflake", options: [
        required("account", "xxx.us-east-1 or xxx.us-east-2.aws", "Account identifier: the subdomain you open Snowflake at."),
        required("username", "...", "User to connect as."),
        required("password", "...", "That user's password."),
        required("warehouse", "...", "Warehouse to run queries on, e.g. \"COMPUTE_WH\"."),
        required("database", "...", "Database name."),
        optional("schema", "PUBLIC", "Schema holding the tables."),
    ]),
    PluginApp(plugin: "sqlite", displayName: "SQLite", options: [
        optional("file", "...", "Path of the database file, absolute or relative to the project root."),
    ]),
    PluginApp(plugin: "vero", displayName: "Vero", options: [
        required("authToken", "...", "Vero auth token."),
    ]),
    PluginApp(plugin: "zendesk", displayName: "Zendesk", options: [
        required("subdomain", "...", "The \"company\" in company.zendesk.com."),
        required("username", "...", "Email of an admin user."),
        required("token", "...", "API token of that admin user."),
    ]),
]
