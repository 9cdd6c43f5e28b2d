/// A Grouparoo config object class. Raw values are the lower-cased spellings
/// Grouparoo's dispatcher compares against (R-PIPE-06).
public enum ConfigClass: String, Sendable, CaseIterable, Hashable {
    case setting
    case model
    case app
    case source
    case property
    case schedule
    case group
    case destination
    case apiKey = "apikey"
    case team
    case teamMember = "teammember"
    case record
    /// Deprecated spelling of `record` (R-CLASS-02): loaded as a record, with a warning.
    case profile

    /// Matches a `class` value the way Grouparoo's dispatcher does: lower-cased but NOT trimmed,
    /// so `" APP "` is not a class while `"APP"` is (R-PIPE-06, R-CLASS-01).
    public init?(raw: String) {
        // Every object's class is resolved this way (twice: decoding and indexing), so ASCII text, where
        // `lowercased()` only maps `A`…`Z`, is compared byte by byte without building the lower-cased String.
        let found: ConfigClass?
        switch raw.utf8.withContiguousStorageIfAvailable(Self.matchASCII) {
        case let ascii??: found = ascii
        default: found = Self.byRawValue[raw.lowercased()]
        }
        guard let found else { return nil }
        self = found
    }

    /// The synthesized `init(rawValue:)` compares the string against each case in turn, which costs more than
    /// hashing it once.
    private static let byRawValue = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    private static let rawValueBytes = allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The class whose raw value `bytes` spell, ASCII letters compared case-insensitively: `.some(nil)` when
    /// no class matches; `nil` (ask `byRawValue`) when a byte is not ASCII.
    static func matchASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ConfigClass?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lowered = { (byte: UInt8) in byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
        for (spelling, configClass) in rawValueBytes where spelling.count == bytes.count {
            if spelling.indices.allSatisfy({ spelling[$0] == lowered(bytes[$0]) }) { return .some(configClass) }
        }
        return .some(nil)
    }

    /// Grouparoo's `cleanClass`: trimmed (JavaScript whitespace) and lower-cased; `nil` when there is
    /// no class. Used for duplicate-id detection and dependency node ids (R-PIPE-02, R-DEP-01).
    public static func cleanClass(_ raw: String?) -> String? {
        guard let raw else { return nil }
        // Nearly every class is written clean already; seeing that from its bytes costs less than trimming by scalars.
        if raw.utf8.withContiguousStorageIfAvailable(isCleanASCII) == true { return raw }
        // Or written with capitals (`apiKey`): ASCII with nothing to trim is lowered byte by byte.
        if case let lowered?? = raw.utf8.withContiguousStorageIfAvailable(loweredUntrimmedASCII) { return lowered }
        return JavaScriptText.trim(raw).lowercased()
    }

    /// `bytes` with `A`…`Z` lowered, when they are ASCII with no JavaScript white space at either end (so trimming
    /// leaves them as they are, and lower-casing maps only those letters); nil otherwise.
    private static func loweredUntrimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, let last = bytes.last, !isTrimmedASCII(first), !isTrimmedASCII(last),
              bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return ByteScan.loweredASCII(bytes)
    }

    /// The ASCII bytes `String.prototype.trim` removes: space, `\t` `\n` `\v` `\f` `\r`.
    private static func isTrimmedASCII(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) }

    /// ASCII without upper-case letters and without JavaScript white space or line breaks at either end:
    /// what trimming and lower-casing leave as it is.
    static func isCleanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, !isTrimmedASCII(first), !isTrimmedASCII(last) else { return false }
        return ByteScan.isLowerCaseASCII(bytes)
    }

    /// True for the deprecated `profile` class.
    public var isDeprecated: Bool { self == .profile }

    /// The class a deprecated spelling is loaded as (`profile` → `record`); itself otherwise.
    public var canonical: ConfigClass { self == .profile ? .record : self }

    /// The Sequelize model name Grouparoo prints in key and validation messages (R-KEYS-01).
    public var modelName: String {
        switch self {
        case .setting: return "Setting"
        case .model: return "GrouparooModel"
        case .app: return "App"
        case .source: return "Source"
        case .property: return "Property"
        case .schedule: return "Schedule"
        case .group: return "Group"
        case .destination: return "Destination"
        case .apiKey: return "ApiKey"
        case .team: return "Team"
        case .teamMember: return "TeamMember"
        case .record, .profile: return "GrouparooRecord"
        }
    }

    /// The spelling `grouparoo generate` templates write for `class:` (camel case, §10.3).
    public var preferredSpelling: String {
        switch self {
        case .apiKey: return "apiKey"
        case .teamMember: return "teamMember"
        default: return rawValue
        }
    }

    /// Every top-level key accepted without a "not a valid property" error: the model's
    /// `rawAttributes` and the loader's extra keys, from the field table (§3); `class` is accepted too.
    public var allowedKeys: [String] { fields.map(\.key).filter { $0 != "class" } }

    /// Folder under the config dir that `generate` writes this class to (§10.3-10.4); the one place
    /// output folders are declared. Records have no template.
    public var configFolder: String? {
        switch self {
        case .setting: return "settings"
        case .model: return "models"
        case .app: return "apps"
        case .source: return "sources"
        case .schedule: return "schedules"
        case .property: return "properties"
        case .group: return "groups"
        case .destination: return "destinations"
        case .apiKey: return "apiKeys"
        case .team: return "teams"
        case .teamMember: return "teamMembers"
        case .record, .profile: return nil
        }
    }
}

/// JavaScript string semantics the class helpers need to match Grouparoo exactly.
enum JavaScriptText {
    /// `String.prototype.trim`: strips ECMAScript WhiteSpace and LineTerminator code points,
    /// which differ from Foundation's whitespace set (U+FEFF is trimmed, U+0085 is not).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        JSLexer.isWhitespace(scalar) || SourceText.isLineTerminator(scalar)
    }
}
