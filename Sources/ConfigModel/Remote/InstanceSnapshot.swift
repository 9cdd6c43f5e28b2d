/// What was read from an instance: each class's apiData list, as served (rest-api.md §7).
public struct InstanceSnapshot: Sendable, Equatable {
    public var lists: [RemoteClass: [ConfigValue]]

    public init(lists: [RemoteClass: [ConfigValue]] = [:]) {
        self.lists = lists
    }

    public subscript(remoteClass: RemoteClass) -> [ConfigValue] {
        get { lists[remoteClass] ?? [] }
        set { lists[remoteClass] = newValue }
    }
}

/// The lock values written by code config (§6.2): objects carrying them belong to config files.
public enum LockValue {
    public static let codeConfig = "config:code"
    public static let configWriter = "config:writer"

    public static func isCodeConfig(_ locked: String?) -> Bool {
        locked == codeConfig || locked == configWriter
    }
}

/// The value Grouparoo shows instead of a secret app option (API-OPT-02).
public enum ObfuscatedOption {
    public static let marker = "__ObfuscatedOption"
    /// Plugin option types whose values Grouparoo obfuscates.
    public static let secretTypes: Set<String> = ["password", "oauth-token"]
}
