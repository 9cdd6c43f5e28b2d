/// The SQL dialect Grouparoo runs on; it decides which string group-rule ops exist (R-OPS-03).
public enum SQLDialect: String, Sendable, CaseIterable, Hashable {
    case sqlite
    case postgres
}

/// Group rule `op` values (`PropertyOpsDictionary`, §6.2), including the convenience forms.
public enum GroupRuleOp: String, Sendable, CaseIterable, Hashable {
    case exists
    case notExists
    case eq
    case ne
    case gt
    case lt
    case gte
    case lte
    case like
    case notLike
    case iLike
    case notILike
    case startsWith
    case endsWith
    case substring
    case relativeGt = "relative_gt"
    case relativeLt = "relative_lt"

    /// What a convenience op becomes: the stored op, the forced `match` (exists/notExists) and the
    /// forced `relativeMatchDirection` (relative ops). `nil` for ordinary ops.
    public var convenienceConversion: (op: GroupRuleOp, match: String?, direction: RelativeMatchDirection?)? {
        switch self {
        case .exists: return (.ne, "null", nil)
        case .notExists: return (.eq, "null", nil)
        case .relativeGt: return (.gt, nil, .subtract)
        case .relativeLt: return (.lt, nil, .add)
        default: return nil
        }
    }

    /// The op `setRules` validates: the converted op for convenience forms, itself otherwise.
    public var convertedOp: GroupRuleOp { convenienceConversion?.op ?? self }

    /// Ops in `PropertyOpsDictionary[type]` for a dialect, in Grouparoo's order (R-OPS-01..04).
    public static func dictionaryOps(for type: PropertyType, dialect: SQLDialect) -> [GroupRuleOp] {
        switch type {
        case .boolean:
            return [.exists, .notExists, .eq, .ne]
        case .integer, .float:
            return [.exists, .notExists, .eq, .ne, .gt, .lt, .gte, .lte]
        case .email, .phoneNumber, .string, .url:
            let common: [GroupRuleOp] = [.exists, .notExists, .eq, .ne, .like, .notLike]
            let insensitive: [GroupRuleOp] = dialect == .postgres ? [.iLike, .notILike] : []
            return common + insensitive + [.startsWith, .endsWith, .substring]
        case .date:
            return [.exists, .notExists, .eq, .ne, .gt, .lt, .gte, .lte, .relativeGt, .relativeLt]
        }
    }

    /// Whether a config may use this op on a property of `type`: its converted op must be in the
    /// dictionary (R-RULE-05, R-OPS-05). So `relative_gt` works on numbers and dates only.
    public func isAccepted(for type: PropertyType, dialect: SQLDialect) -> Bool {
        GroupRuleOp.dictionaryOps(for: type, dialect: dialect).contains(convertedOp)
    }
}

/// Property and schedule filter `op` values (the plugin `FilterOperation` enum, R-FLT-01).
public enum FilterOp: String, Sendable, CaseIterable, Hashable {
    case eq
    case ne
    case gt
    case gte
    case lt
    case lte
    case substring
    case notSubstring
    case `in`
    case exists
    case notExists

    /// `FilterHelper.deprecatedFilters`, in Grouparoo's order (R-PROP-11, R-SCH-10).
    public static let deprecatedReplacements: [(deprecated: String, replacement: FilterOp)] = [
        ("equals", .eq),
        ("does not equal", .ne),
        ("greater than", .gt),
        ("greater than or equal to", .gte),
        ("less than", .lt),
        ("less than or equal to", .lte),
        ("contains", .substring),
        ("does not contain", .notSubstring),
    ]

    /// The op that replaced a deprecated spelling (exact, case-sensitive match), or `nil`.
    public static func replacement(forDeprecated op: String) -> FilterOp? {
        deprecatedReplacements.first { $0.deprecated == op }?.replacement
    }
}
