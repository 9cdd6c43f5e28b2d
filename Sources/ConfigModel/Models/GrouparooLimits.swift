/// Grouparoo's limits on ids, names and keys, declared once for the rules and the generator.
public enum GrouparooLimits {
    /// Longest id, name or key: Grouparoo's varchar(191) columns (R-ID-02).
    public static let maximumLength = 191
    /// Shortest api key and team name (R-KEY-02, R-TEAM-02).
    public static let minimumAccessNameLength = 3
    /// Lengths a varchar(191) column accepts, and those of api key and team names.
    public static let columnLength = 0...maximumLength
    public static let accessNameLength = minimumAccessNameLength...maximumLength

    /// An id Grouparoo accepts when it creates the row: 1 to `maximumLength` ASCII letters, digits, `-` and `_` (R-ID-02).
    public static func isWellFormedID(_ id: String) -> Bool {
        !id.isEmpty && id.utf16.count <= maximumLength && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }
}
