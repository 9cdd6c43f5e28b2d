/// Property `type` values (`PropertyTypes`, R-PROP-04), in Grouparoo's order.
public enum PropertyType: String, Sendable, CaseIterable, Hashable {
    case boolean
    case date
    case email
    case float
    case integer
    case phoneNumber
    case string
    case url
}

/// Model `type` values (`ModelTypes`, R-MOD-04), in Grouparoo's order.
public enum ModelType: String, Sendable, CaseIterable, Hashable {
    case profile
    case account
    case event
    case custom
}

/// Destination `syncMode` values (`SYNC_MODES`, R-DST-05).
public enum SyncMode: String, Sendable, CaseIterable, Hashable {
    case sync
    case additive
    case enrich
}

/// Destination `collection` values (`DESTINATION_COLLECTIONS`, R-DST-09).
/// A missing or `null` collection means `untracked` (raw value `"none"`).
public enum DestinationCollection: String, Sendable, CaseIterable, Hashable {
    // Not named `none`, which would be ambiguous with `Optional.none`.
    case untracked = "none"
    case group
    case model
}

/// Permission topics an api key or team can be granted (R-PERM-01), 18 distinct values.
public enum PermissionTopic: String, Sendable, CaseIterable, Hashable {
    case apiKey
    case app
    case destination
    case export
    case file
    case group
    case `import`
    case log
    case model
    case notification
    case record
    case property
    case resque
    case run
    case setupStep
    case source
    case system
    case team
}

/// Units listed for relative group rules and filters (R-RULE-08). Not enforced by the loader.
public enum RelativeMatchUnit: String, Sendable, CaseIterable, Hashable {
    case days
    case weeks
    case months
    case quarters
    case years
}

/// `relativeMatchDirection` values (`RelativeMatchDirectionType`, R-OPS-05).
public enum RelativeMatchDirection: String, Sendable, CaseIterable, Hashable {
    case add
    case subtract
}

/// Property keys no property may use (R-PROP-06): `_meta` plus the top-level group rule keys.
public let reservedPropertyKeys: [String] = ["_meta"] + TopLevelGroupRule.all.map(\.key)

/// A group rule that targets a record column instead of a property (R-TLGR-01).
public struct TopLevelGroupRule: Sendable, Hashable {
    /// The value a rule's `propertyId` uses to select it.
    public let key: String
    /// The record column it reads.
    public let column: String
    /// The property type whose ops it accepts.
    public let type: PropertyType

    /// `grouparooId` and `grouparooCreatedAt`, in Grouparoo's order.
    public static let all: [TopLevelGroupRule] = [
        TopLevelGroupRule(key: "grouparooId", column: "id", type: .string),
        TopLevelGroupRule(key: "grouparooCreatedAt", column: "createdAt", type: .date),
    ]

    /// The top-level rule with this key, if any (case-sensitive).
    public static func named(_ key: String) -> TopLevelGroupRule? {
        all.first { $0.key == key }
    }
}
