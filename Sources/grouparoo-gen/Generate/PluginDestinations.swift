import JSEmitter

/// One `<name>:destination` template's data. Values equal what Grouparoo's own template wrote;
/// comments are ours.
struct PluginDestination: Sendable {
    /// Template name without `:destination`, e.g. `hubspot:contacts`.
    var name: String
    var displayName: String
    /// The export connection, e.g. `hubspot-export-contacts`.
    var type: String
    /// Supported sync modes; empty = the file has no `syncMode` (the connection takes none).
    var syncModes: [String]
    /// Grouparoo's default for the `--sync-mode` input: the first mode when a default exists or
    /// only one mode is supported, otherwise "..." (the user must choose).
    var syncModeDefault: String?
    var options: [JSObjectMember]?
    var mapping: [JSObjectMember]
    /// nil = the file has no `destinationGroupMemberships`.
    var groupMemberships: [JSObjectMember]?

    /// The plugin part of the name (`hubspot` for `hubspot:contacts`).
    var plugin: String { String(name.split(separator: ":")[0]) }
}

private let allModes = ["sync", "additive", "enrich"]
private let standardMapping = [
    JSObjectMember("email", "email"), JSObjectMember("firstname", "firstName"), JSObjectMember("lastname", "lastName"),
]
private let underscoreMapping = [
    JSObjectMember("email", "email"), JSObjectMember("first_name", "firstName"), JSObjectMember("last_name", "lastName"),
]
private let highValueExclaimed = [JSObjectMember("High Value Customers!", "highValueCustomers")]
private let highValue = [JSObjectMember("High Value Customers", "highValueCustomers")]

private func option(_ key: String, _ value: JSLiteral, _ note: String) -> JSObjectMember {
    JSObjectMember(key, value, comment: note)
}

private let sqlExportOptions = [
    option("table", "users_export", "Required. Table that receives one row per record."),
    option("primaryKey", "id", "Required. Primary key column of that table."),
    option("groupsTable", "groups_export", "Required. Table that receives one row per record and group."),
    option("groupForeignKey", "user_id", "Required. Column of the groups table that refers to the records table."),
    option("groupColumnName", "group_name", "Required. Column of the groups table holding the group name."),
]

private func destination(
    _ name: String, _ displayName: String, _ type: String, modes: [String] = allModes, defaultMode: String? = "sync",
    options: [JSObjectMember]? = nil, mapping: [JSObjectMember] = standardMapping,
    groups: [JSObjectMember]? = highValueExclaimed
) -> PluginDestination {
    let modeDefault: String? = modes.isEmpty ? nil : (defaultMode != nil || modes.count == 1 ? modes[0] : "...")
    return PluginDestination(
        name: name, displayName: displayName, type: type, syncModes: modes, syncModeDefault: modeDefault,
        options: options, mapping: mapping, groupMemberships: groups)
}

/// Every `<name>:destination` template, in Grouparoo's order.
let pluginDestinations: [PluginDestination] = [
    destination("braze", "Braze", "braze-export-users", mapping: [
        JSObjectMember("external_id", "id"), JSObjectMember("email", "email"),
        JSObjectMember("first_name", "firstName"), JSObjectMember("last_name", "lastName"),
    ]),
    destination("clickhouse", "ClickHouse", "clickhouse-export-records", modes: [], options: sqlExportOptions),
    destination("closeio", "Close", "closeio-export-leads", mapping: [JSObjectMember("Name", "name")], groups: highValue),
    destination("customerio", "Customer.io", "customerio-export-customers", mapping: [
        JSObjectMember("customer_id", "id"), JSObjectMember("email", "email"), JSObjectMember("created_at", "createDate"),
    ], groups: highValue),
    destination("eloqua", "Eloqua", "eloqua-export-contacts",
                mapping: [JSObjectMember("Email", "email"), JSObjectMember("Name", "name")], groups: highValue),
    destination("facebook", "Facebook", "facebook-export-audiences-custom", modes: ["sync", "additive"], defaultMode: nil,
                options: [option("primaryKey", "userId", "Required. How Facebook matches people: \"EXTERN_ID\", \"EMAIL\" or \"MADID\".")],
                mapping: [], groups: nil),
    destination("hubspot:contacts", "HubSpot", "hubspot-export-contacts"),
    destination("hubspot:objects", "HubSpot", "hubspot-export-objects", options: [
        option("schemaId", "2-3039", "Required. The HubSpot object (schema id) that holds one record each."),
        option("primaryKey", "email", "Required. The object's field that identifies a record."),
    ], mapping: underscoreMapping),
    destination("intercom", "Intercom", "intercom-export-contacts", defaultMode: nil, options: [
        option("creationMode", "User", "Optional. New contacts become \"User\", \"Lead\" or \"Lifecycle\" (users once they have an id)."),
        option("removalMode", "Archive", "Optional. Contacts leaving the destination are \"Archive\"d or \"Delete\"d."),
    ]),
    destination("iterable", "Iterable", "iterable-export-users"),
    destination("klaviyo", "Klaviyo", "klaviyo-export-profiles", mapping: [JSObjectMember("email", "$email")], groups: highValue),
    destination("logger", "Logger", "logger-export-records", modes: [], mapping: [
        JSObjectMember("primary id", "user_id", comment: "Required: what identifies a record in the log."),
        JSObjectMember("secondary id", "email", comment: "Optional second identifier."),
    ]),
    destination("mailchimp:email", "Mailchimp", "mailchimp-export-contacts",
                options: [option("listId", "...", "Required. The audience (list) id from Mailchimp's audience settings.")],
                mapping: [
                    JSObjectMember("email_address", "email"), JSObjectMember("FNAME", "firstName"), JSObjectMember("LNAME", "lastName"),
                ]),
    destination("mailchimp:id", "Mailchimp", "mailchimp-export-contacts-by-id", modes: ["enrich"], defaultMode: nil,
                options: [option("listId", "...", "Required. The audience (list) id from Mailchimp's audience settings.")],
                mapping: [JSObjectMember("email", "email"), JSObjectMember("FNAME", "firstName"), JSObjectMember("LNAME", "lastName")]),
    destination("mailjet", "Mailjet", "mailjet-export-contacts"),
    destination("marketo", "Marketo", "marketo-export-leads"),
    destination("mixpanel", "Mixpanel", "mixpanel-export-profiles", options: [], mapping: [
        JSObjectMember("$distinct_id", "$distinctId"), JSObjectMember("$email", "email"),
        JSObjectMember("$first_name", "firstName"), JSObjectMember("$last_name", "lastName"),
    ]),
    destination("mysql", "MySQL", "mysql-export-records", modes: [], options: sqlExportOptions),
    destination("onesignal", "OneSignal", "onesignal-export-users", modes: ["enrich"], mapping: underscoreMapping, groups: highValue),
    destination("pardot", "Pardot", "pardot-export-prospects", mapping: underscoreMapping, groups: highValue),
    destination("pipedrive", "Pipedrive", "pipedrive-export-persons",
                mapping: [JSObjectMember("Email", "email"), JSObjectMember("Name", "name")], groups: highValue),
    destination("postgres", "Postgres", "postgres-export-records", options: sqlExportOptions),
    destination("redshift", "Redshift", "redshift-export-records", options: sqlExportOptions),
    destination("sailthru", "Sailthru", "sailthru-export-users"),
    destination("salesforce:objects", "Salesforce", "salesforce-export-objects", defaultMode: nil, options: [
        option("recordObject", "Contact", "Required. Salesforce object holding one record each."),
        option("recordMatchField", "Email", "Required. Field of that object that identifies a record."),
        option("groupObject", "Account", "Optional. Object that stands for a Grouparoo group."),
        option("groupNameField", "Name", "Optional. Field of the group object holding the group name."),
        option("membershipObject", "AccountContactRole", "Optional. Object linking records to groups."),
        option("membershipRecordField", "AccountId", "Optional. Field of the membership object pointing at the record."),
        option("membershipGroupField", "ContactId", "Optional. Field of the membership object pointing at the group."),
        option("recordReferenceField", "AccountId", "Optional. Reference field on the record object to fill in."),
        option("recordReferenceObject", "Account", "Optional. Object created for that reference."),
        option("recordReferenceMatchField", .undefined, "Optional. Field used to match the referenced object."),
    ]),
    destination("salesforce:contacts", "Salesforce", "salesforce-export-contacts", defaultMode: nil, options: [
        option("primaryKey", "Email", "Required. Contact field that identifies a record."),
        option("accountKey", "Name", "Optional. Account field used to attach the contact to an account."),
    ], groups: nil),
    destination("salesforce:accounts", "Salesforce", "salesforce-export-accounts", defaultMode: nil,
                options: [option("primaryKey", "Email", "Required. Account field that identifies a record.")], groups: nil),
    destination("sendgrid", "SendGrid", "sendgrid-export-marketing-contacts", mapping: underscoreMapping),
    destination("sqlite", "SQLite", "sqlite-export-records", options: sqlExportOptions),
    destination("vero", "Vero", "vero-export-customers", modes: ["sync", "additive"], mapping: [JSObjectMember("id", "id")], groups: highValue),
    destination("zendesk", "Zendesk", "zendesk-export-users",
                mapping: [JSObjectMember("external_id", "userId"), JSObjectMember("name", "firstName")]),
]
