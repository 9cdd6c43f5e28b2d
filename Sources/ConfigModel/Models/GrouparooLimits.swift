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
        // Byte by byte through contiguous storage (every id is checked; stepping through `utf8` costs about ten
        // times as much, and Unicode property look-ups more). Only ASCII bytes pass.
        !id.isEmpty && id.utf16.count <= maximumLength
            && (id.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isIDByte) } ?? id.utf8.allSatisfy(isIDByte))
    }

    /// An ASCII letter, digit, `-` or `_`.
    static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): return true
        default: return false
        }
    }
}
