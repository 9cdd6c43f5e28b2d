/// The value type a registered setting declares (R-SET-04).
public enum SettingType: String, Sendable, CaseIterable, Hashable {
    case string
    case number
    case boolean
}

/// A setting Grouparoo registers at boot; a `setting` config object may only update one of these (R-SET-02/03).
public struct RegisteredSetting: Sendable, Hashable {
    public let pluginName: String
    public let key: String
    public let type: SettingType
    /// The registered default, as the string Grouparoo stores.
    public let defaultValue: String

    public init(pluginName: String, key: String, type: SettingType, defaultValue: String) {
        self.pluginName = pluginName
        self.key = key
        self.type = type
        self.defaultValue = defaultValue
    }

    /// Core, interface and telemetry settings, in registration order (R-SET-03). No plugin adds any.
    public static let all: [RegisteredSetting] = [
        RegisteredSetting(pluginName: "core", key: "cluster-name", type: .string, defaultValue: "My Grouparoo Cluster"),
        RegisteredSetting(pluginName: "core", key: "groups-calculation-delay-minutes", type: .number, defaultValue: "1440"),
        RegisteredSetting(pluginName: "core", key: "runs-recurring-internal-run-frequency-hours", type: .number,
                          defaultValue: "0"),
        RegisteredSetting(pluginName: "core", key: "imports-retry-delay-seconds", type: .number, defaultValue: "1800"),
        RegisteredSetting(pluginName: "core", key: "runs-previous-can-include-errors", type: .boolean,
                          defaultValue: "false"),
        RegisteredSetting(pluginName: "core", key: "exports-retry-delay-seconds", type: .number, defaultValue: "1800"),
        RegisteredSetting(pluginName: "core", key: "exports-max-retries-count", type: .number, defaultValue: "5"),
        RegisteredSetting(pluginName: "core", key: "export-processors-retry-delay-seconds", type: .number,
                          defaultValue: "1800"),
        RegisteredSetting(pluginName: "core", key: "export-processors-max-retries-count", type: .number,
                          defaultValue: "10"),
        RegisteredSetting(pluginName: "core", key: "records-default-country-code", type: .string, defaultValue: "US"),
        RegisteredSetting(pluginName: "core", key: "confirm-records-days", type: .number, defaultValue: "7"),
        RegisteredSetting(pluginName: "core", key: "sweeper-delete-old-runs-days", type: .number, defaultValue: "31"),
        RegisteredSetting(pluginName: "core", key: "sweeper-delete-old-imports-days", type: .number, defaultValue: "31"),
        RegisteredSetting(pluginName: "core", key: "sweeper-delete-old-logs-days", type: .number, defaultValue: "7"),
        RegisteredSetting(pluginName: "interface", key: "status-calculation-frequency-seconds", type: .number,
                          defaultValue: "10"),
        // The real default is generated per install (`tcs_` + a UUID); this placeholder shows its shape.
        RegisteredSetting(pluginName: "telemetry", key: "customer-id", type: .string, defaultValue: "tcs_<uuid>"),
    ]

    /// The registered setting for a plugin name and key (both case-sensitive), or `nil`.
    public static func lookup(pluginName: String, key: String) -> RegisteredSetting? {
        all.first { $0.pluginName == pluginName && $0.key == key }
    }
}
