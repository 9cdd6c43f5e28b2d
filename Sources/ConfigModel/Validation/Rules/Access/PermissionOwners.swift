/// Api keys and teams both carry `options.permissionAll*` and a `permissions` list (§5).
enum PermissionOwners {
    /// Calls `body` with each api key's, then each team's entry, options and permissions, read in place: a list of
    /// them copied out retained every part of each (on objects the other core's rules read too), and released it again.
    /// Inlined: called through, each object's call of `body` copied the calling rule out (its description's parts).
    @inline(__always)
    static func forEach(in config: ValidationInput,
                        _ body: (ConfigEntry, Field<PermissionOptions>?, Field<[PermissionConfig]>?) -> Void) {
        config.apiKeys.forEachUnretained { body($0.entry, $0.config.options, $0.config.permissions) }
        config.teams.forEachUnretained { body($0.entry, $0.config.options, $0.config.permissions) }
    }
}
