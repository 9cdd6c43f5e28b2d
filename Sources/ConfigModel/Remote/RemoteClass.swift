/// The classes `import` reads from a Grouparoo instance, with each one's list endpoint, envelope,
/// permission topic and config form (rest-api.md §5.1, §8). One table; everything else derives from it.
public enum RemoteClass: String, Sendable, CaseIterable {
    case model, app, source, schedule, property, group, destination, apiKey, team, teamMember, setting

    public struct Facts: Sendable {
        /// `GET /api/v1/<path>`.
        public let path: String
        /// The key of the list in the response envelope (`{total, apps: […]}`).
        public let envelope: String
        /// The permission topic the key needs in `read` mode (API-PERM-03).
        public let topic: String
        /// Whether the list takes `limit`/`offset` and answers with `total`.
        public let paginated: Bool
        /// Prefix of ids Grouparoo generates (`app_<uuid>`, API-ID-02).
        public let idPrefix: String
        /// The apiData field a generated config id is made from (API-ID-01).
        public let nameField: String
        /// Folder of the written file, as Grouparoo's config writer names it (API-CFG-03).
        public let folder: String
        /// The class as written in a file (JSON files use Grouparoo's capitalised form).
        public let writtenClass: String
        /// The class whose file this one is written into (a schedule goes with its source, API-CFG-04);
        /// nil for classes with files of their own, which are the ones `--only` names.
        public var writtenWith: RemoteClass? = nil
    }

    public var facts: Facts {
        switch self {
        case .model: Facts(path: "models", envelope: "models", topic: "model", paginated: true, idPrefix: "mod",
                           nameField: "name", folder: "models", writtenClass: "Model")
        case .app: Facts(path: "apps", envelope: "apps", topic: "app", paginated: true, idPrefix: "app",
                         nameField: "name", folder: "apps", writtenClass: "App")
        case .source: Facts(path: "sources", envelope: "sources", topic: "source", paginated: true, idPrefix: "src",
                            nameField: "name", folder: "sources", writtenClass: "Source")
        case .schedule: Facts(path: "schedules", envelope: "schedules", topic: "source", paginated: true, idPrefix: "sch",
                              nameField: "name", folder: "sources", writtenClass: "Schedule", writtenWith: .source)
        case .property: Facts(path: "properties", envelope: "properties", topic: "property", paginated: true, idPrefix: "prp",
                              nameField: "key", folder: "properties", writtenClass: "Property")
        case .group: Facts(path: "groups", envelope: "groups", topic: "group", paginated: true, idPrefix: "grp",
                           nameField: "name", folder: "groups", writtenClass: "Group")
        case .destination: Facts(path: "destinations", envelope: "destinations", topic: "destination", paginated: true,
                                 idPrefix: "dst", nameField: "name", folder: "destinations", writtenClass: "Destination")
        case .apiKey: Facts(path: "apiKeys", envelope: "apiKeys", topic: "apiKey", paginated: true, idPrefix: "key",
                            nameField: "name", folder: "apiKeys", writtenClass: "ApiKey")
        case .team: Facts(path: "teams", envelope: "teams", topic: "team", paginated: false, idPrefix: "tea",
                          nameField: "name", folder: "teams", writtenClass: "Team")
        case .teamMember: Facts(path: "teamMembers", envelope: "teamMembers", topic: "team", paginated: false,
                                idPrefix: "tem", nameField: "email", folder: "teams", writtenClass: "TeamMember")
        case .setting: Facts(path: "settings", envelope: "settings", topic: "system", paginated: false, idPrefix: "set",
                             nameField: "key", folder: "settings", writtenClass: "Setting")
        }
    }

    /// The classes written to files of their own, which `--only` chooses from.
    public static let importable = allCases.filter { $0.facts.writtenWith == nil }

    /// The class by a name given on the command line (`--only app,source`), case-insensitively.
    public static func named(_ name: String) -> RemoteClass? {
        importable.first { $0.rawValue.lowercased() == name.lowercased() }
    }
}

/// Config ids of imported objects (API-ID-01..03).
public enum ConfigIdentity {
    /// `ConfigWriter.generateId` (R-GEN-01): lower-case; every UTF-16 unit other than
    /// `a-z 0-9 - _ space` becomes a space; trim; a run of two or more of `- _ space` becomes `_`,
    /// a single space `_`. Nil when nothing is left (Grouparoo throws there).
    public static func generateId(_ name: String) -> String? {
        var units: [UInt8] = name.lowercased().utf16.map { unit in
            switch unit {
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x20: return UInt8(unit)
            default: return 0x20
            }
        }
        while units.first == 0x20 { units.removeFirst() }
        while units.last == 0x20 { units.removeLast() }
        var result: [UInt8] = []
        var index = 0
        let separators: Set<UInt8> = [0x2D, 0x5F, 0x20]
        while index < units.count {
            var end = index + 1
            if separators.contains(units[index]) {
                while end < units.count && separators.contains(units[end]) { end += 1 }
            }
            result.append(end - index >= 2 || units[index] == 0x20 ? 0x5F : units[index])
            index = end
        }
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }

    /// `CommonModel.idIsDefault` (API-ID-02): the id starts with `<prefix>_` and its last
    /// `_`-separated segment is a UUID (8-4-4-4-12 hex digits).
    public static func isDefault(_ id: String, prefix: String) -> Bool {
        guard id.hasPrefix(prefix + "_"), let last = id.split(separator: "_", omittingEmptySubsequences: false).last else {
            return false
        }
        let groups = last.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// `getConfigId()`: the live id, or the id generated from `name` when the live id is a default one.
    public static func configId(liveId: String, prefix: String, name: String?) -> String {
        guard isDefault(liveId, prefix: prefix), let name, let generated = generateId(name) else { return liveId }
        return generated
    }

    /// The environment variable a secret is read from: `<CONFIG_ID>_<KEY>`, upper-cased, with
    /// everything but letters and digits turned into `_` (`data_warehouse` + `password` →
    /// `DATA_WAREHOUSE_PASSWORD`). Deterministic, so a re-import names the same variables.
    public static func secretVariable(objectId: String, key: String) -> String {
        let raw = "\(objectId)_\(key)".uppercased().unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) ? Character(scalar) : "_"
        }
        let name = String(raw)
        return name.first.map { $0.isNumber } == true ? "_" + name : name
    }
}
