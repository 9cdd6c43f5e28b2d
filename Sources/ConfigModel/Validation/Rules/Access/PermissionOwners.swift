/// Api keys and teams both carry `options.permissionAll*` and a `permissions` list (§5).
struct PermissionOwner {
    let entry: ConfigEntry
    let options: Field<PermissionOptions>?
    let permissions: Field<[PermissionConfig]>?

    static func all(in config: ValidationInput) -> [PermissionOwner] {
        config.apiKeys.map { PermissionOwner(entry: $0.entry, options: $0.config.options, permissions: $0.config.permissions) }
            + config.teams.map { PermissionOwner(entry: $0.entry, options: $0.config.options, permissions: $0.config.permissions) }
    }
}
