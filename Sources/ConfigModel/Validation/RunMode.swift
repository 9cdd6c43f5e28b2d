/// The Grouparoo command whose checks a validation run reproduces. Grouparoo loads `record` objects only
/// when `GROUPAROO_RUN_MODE` is `cli:config` (`loadRecord` returns at once otherwise, R-PIPE-14), so checks
/// on records apply only in `config` mode; the dependency sort sees records in every mode.
public enum RunMode: String, CaseIterable, Sendable {
    /// `grouparoo validate` and `grouparoo apply` (`cli:validate`, `cli:apply`): records are skipped.
    case validate
    /// `grouparoo config` (`cli:config`), which also loads the sample records.
    case config

    /// The mode `grouparoo validate` and `apply` run in.
    public static let `default` = RunMode.validate

    /// Whether Grouparoo's record loader runs (R-PIPE-14, R-REC-01).
    public var loadsRecords: Bool { self == .config }
}
