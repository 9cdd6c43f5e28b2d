import ConfigModel

/// What belongs in each config sub-folder `init` creates, and the `generate` commands that
/// make it; rendered into that folder's README.md by `init-folder-readme.md.template`.
struct InitFolderGuide: Sendable {
    struct Example: Sendable {
        var explanation: String
        var command: String
    }

    /// The class whose folder this is (`ConfigClass.configFolder` names it).
    var configClass: ConfigClass
    var purpose: String
    var examples: [Example]
    var notes: String = ""

    var folder: String { configClass.configFolder ?? configClass.rawValue }

    /// The folders of a new config repository, in the order Grouparoo's objects depend on each other.
    static let all: [InitFolderGuide] = [
        InitFolderGuide(
            configClass: .model,
            purpose: """
                Models are the kinds of record Grouparoo keeps: people (`profile`), companies (`account`),
                events, or anything `custom`. Sources, groups and destinations each belong to one model
                through their `modelId`. `grouparoo-gen init` started you with `mod_profiles`.
                """,
            examples: [
                Example(explanation: "Another model", command: "grouparoo-gen generate model mod_customers"),
            ],
            notes: "The generated model has `type: \"profile\"`; change it to `account`, `event` or `custom` as needed."),
        InitFolderGuide(
            configClass: .app,
            purpose: """
                Apps are Grouparoo's connections to other systems: a database or warehouse to import
                records from, a marketing or CRM tool to export them to. Each file declares an `app`
                with the plugin `type` and its connection `options`. Read passwords and tokens from
                `process.env` rather than writing them into the file.
                """,
            examples: [
                Example(explanation: "A Postgres connection", command: "grouparoo-gen generate postgres:app data_warehouse"),
                Example(explanation: "Every app template", command: "grouparoo-gen generate --list :app"),
            ]),
        InitFolderGuide(
            configClass: .source,
            purpose: """
                Sources say what to import from an app (`appId`) into a model (`modelId`): one table,
                the results of queries, a file. A source's `mapping` matches one of its columns to a
                unique property, which is how an imported row finds its record. The `schedule` that
                re-imports changed rows usually sits in the same file as its source.
                """,
            examples: [
                Example(explanation: "A table source with a schedule and a property per column",
                        command: "grouparoo-gen generate postgres:table:source users_table --parent data_warehouse --from users "
                            + "--mapping id=user_id --with \"id:integer,email\" --high-water-mark updated_at"),
                Example(explanation: "Every source template", command: "grouparoo-gen generate --list :source"),
            ]),
        InitFolderGuide(
            configClass: .property,
            purpose: """
                Properties are the values a record carries: an email address, a first name, a lifetime
                value. Each reads from one source (`sourceId`). A property that a source's `mapping`
                points at must be `unique`.
                """,
            examples: [
                Example(explanation: "One more column of a table source",
                        command: "grouparoo-gen generate postgres:table:property first_name --parent users_table"),
            ],
            notes: "`generate …:table:source --with \"col1,col2\"` writes one property per column at once."),
        InitFolderGuide(
            configClass: .group,
            purpose: """
                Groups collect the records that match a list of rules, e.g. everyone with an email
                address who bought something last month. Destinations can export a group's members.
                """,
            examples: [
                Example(explanation: "A group to fill with rules", command: "grouparoo-gen generate group high_value"),
            ]),
        InitFolderGuide(
            configClass: .destination,
            purpose: """
                Destinations are where Grouparoo sends records: a mailing list, a CRM, an ad platform.
                A destination belongs to an app (`appId`), says which properties go to which fields
                (`mapping`) and which groups it exports.
                """,
            examples: [
                Example(explanation: "The Mailchimp app it sends through", command: "grouparoo-gen generate mailchimp:app mailchimp"),
                Example(explanation: "A Mailchimp audience", command: "grouparoo-gen generate mailchimp:email:destination newsletter --parent mailchimp"),
                Example(explanation: "Every destination template", command: "grouparoo-gen generate --list :destination"),
            ]),
        InitFolderGuide(
            configClass: .apiKey,
            purpose: """
                API keys let other programs call Grouparoo's HTTP API. Keep the secret itself out of
                git: have the file read it from an environment variable and list that variable in
                `.env.example`.
                """,
            examples: [
                Example(explanation: "A read-only key whose secret comes from WEBSITE_API_KEY",
                        command: "grouparoo-gen generate apiKey website --api-key-env WEBSITE_API_KEY --read-all"),
            ]),
        InitFolderGuide(
            configClass: .team,
            purpose: """
                Teams hold the people who sign in to Grouparoo's web interface and decide what they may
                read and change.
                """,
            examples: [
                Example(explanation: "A team", command: "grouparoo-gen generate team analysts"),
                Example(explanation: "One of its members", command: "grouparoo-gen generate team:member alice --parent analysts --email alice@example.com"),
            ],
            notes: "Team members are written to `config/teamMembers/`."),
    ]
}
