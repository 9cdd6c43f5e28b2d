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

    /// Destination mapping types a property of this type can be exported as (R-FLT-03).
    public var destinationTypeConversions: [DestinationMappingType] {
        switch self {
        case .float: return [.any, .float, .string, .number]
        case .integer: return [.any, .float, .integer, .string, .number]
        case .string:
            return [.any, .string, .url, .email, .boolean, .date, .float, .integer, .number, .phoneNumber]
        case .url: return [.any, .string, .url]
        case .email: return [.any, .string, .email]
        case .phoneNumber: return [.any, .string, .phoneNumber]
        case .boolean: return [.any, .string, .boolean, .number]
        case .date: return [.any, .float, .integer, .string, .date, .number]
        }
    }

    /// Whether a property of this type may be mapped to a destination field of `mappingType` (R-DST-07).
    public func converts(to mappingType: DestinationMappingType) -> Bool {
        destinationTypeConversions.contains(mappingType)
    }
}

/// Types a destination plugin can require for a mapped field (`destinationMappingTypes`).
public enum DestinationMappingType: String, Sendable, CaseIterable, Hashable {
    case any
    case boolean
    case date
    case email
    case float
    case integer
    case number
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

    /// The label Grouparoo shows for the mode.
    public var displayName: String {
        switch self {
        case .sync: return "Sync"
        case .additive: return "Additive"
        case .enrich: return "Enrich"
        }
    }

    /// Grouparoo's description of what the mode does.
    public var description: String {
        switch self {
        case .sync: return "Sync all records (create, update, delete)"
        case .additive: return "Sync all records, but do not delete (create, update)"
        case .enrich: return "Only update existing records (update)"
        }
    }
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

    /// Grouparoo's `PermissionTopics` array verbatim, including its duplicate `"export"` (19 entries).
    public static let declaredList: [String] = [
        "apiKey", "app", "destination", "export", "export", "file", "group", "import", "log", "model",
        "notification", "record", "property", "resque", "run", "setupStep", "source", "system", "team",
    ]
}

/// Aggregation methods for table property options (`AggregationMethod`, R-FLT-04).
public enum AggregationMethod: String, Sendable, CaseIterable, Hashable {
    case exact
    case average
    case count
    case sum
    case min
    case max
    case mostRecentValue = "most recent value"
    case leastRecentValue = "least recent value"
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
