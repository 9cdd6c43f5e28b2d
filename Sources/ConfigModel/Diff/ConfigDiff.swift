/// Compares two sets of config objects, matched by (class, id), field by field (nested keys and
/// array positions), in the order Grouparoo applies them.
public enum ConfigDiff {
    public enum Kind: String, Sendable {
        case created = "+"
        case deleted = "-"
        case changed = "~"
    }

    public struct FieldChange: Sendable, Equatable {
        /// `options.password`, `rules[0].match`.
        public var path: String
        /// Nil when the field is absent on that side.
        public var before: ConfigValue?
        public var after: ConfigValue?
        /// Secret-bearing fields are reported as changed, never with their values.
        public var isSecret: Bool
    }

    public struct ObjectChange: Sendable, Equatable {
        public var kind: Kind
        public var objectClass: String
        public var id: String
        public var fields: [FieldChange]
        /// The `locked` value of the object on the "before" side (live instances only).
        public var locked: String?
        /// The file the object is in, on the side that has it ("after" for created and changed).
        public var file: String?

        public var key: String { "\(objectClass):\(id)" }
        /// A deleted object locked by code config: the next `grouparoo apply` deletes it (R-PIPE-05).
        public var isDeletedByApply: Bool { kind == .deleted && LockValue.isCodeConfig(locked) }
    }

    /// `before` → `after`. `order` lists node ids (`class:id`) in apply order; changes are sorted
    /// by it, objects it does not name last (by class and id). When a key repeats on one side, its
    /// first object counts.
    public static func compare(_ before: [PlainConfigObject], _ after: [PlainConfigObject], order: [String] = []) -> [ObjectChange] {
        let beforeKeys = before.map(\.key), afterKeys = after.map(\.key)
        let beforeIndex = firstIndexByKey(beforeKeys), afterIndex = firstIndexByKey(afterKeys)
        let beforeNormalizer = ConfigNormalizer(before), afterNormalizer = ConfigNormalizer(after)
        let matched = beforeKeys.indices.filter { beforeIndex[beforeKeys[$0]] == $0 }
        // The field-level comparison is the costly part: spread over the cores.
        let compared = LargeStack.parallelMap(matched.count, minimumPerWorker: 512) { position -> ObjectChange? in
            let old = before[matched[position]]
            guard let newIndex = afterIndex[beforeKeys[matched[position]]] else {
                return ObjectChange(kind: .deleted, objectClass: old.objectClass, id: old.id, fields: [], locked: old.locked, file: old.file)
            }
            let new = after[newIndex]
            // Normalising depends on the object alone, except for group rules naming a property by key,
            // which each side resolves through its own properties.
            if old.value == new.value && old.objectClass != "group" { return nil }
            var fields: [FieldChange] = []
            FieldDiff.compare(beforeNormalizer.normalized(old), afterNormalizer.normalized(new), path: "", into: &fields)
            guard !fields.isEmpty else { return nil }
            return ObjectChange(kind: .changed, objectClass: old.objectClass, id: old.id, fields: fields,
                                locked: old.locked, file: new.file ?? old.file)
        }
        let created = afterKeys.indices.filter { afterIndex[afterKeys[$0]] == $0 && beforeIndex[afterKeys[$0]] == nil }.map { index in
            ObjectChange(kind: .created, objectClass: after[index].objectClass, id: after[index].id, fields: [], locked: nil, file: after[index].file)
        }
        return sorted(compared.compactMap { $0 } + created, by: order)
    }

    private static func firstIndexByKey(_ keys: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
        return index
    }

    /// By each change's first place in `order`, then by key; the few changes are looked up, not the whole order.
    private static func sorted(_ changes: [ObjectChange], by order: [String]) -> [ObjectChange] {
        var rank = Dictionary(changes.map { ($0.key, Int.max) }, uniquingKeysWith: { first, _ in first })
        for (index, key) in order.enumerated() where rank[key] == Int.max { rank[key] = index }
        return changes.enumerated().sorted { left, right in
            let (a, b) = (rank[left.element.key]!, rank[right.element.key]!)
            if a != b { return a < b }
            if left.element.key != right.element.key { return left.element.key < right.element.key }
            return left.offset < right.offset
        }.map(\.element)
    }
}

/// The field-level part of a diff: objects by key (order ignored), arrays by position.
enum FieldDiff {
    static func compare(_ before: ConfigValue?, _ after: ConfigValue?, path: String, into changes: inout [ConfigDiff.FieldChange]) {
        // A secret read from the environment is unknown on that side: not a difference (§12).
        if case .environmentVariable? = before { return }
        if case .environmentVariable? = after { return }
        switch (before, after) {
        case (.object(let old)?, .object(let new)?):
            let newByKey = Dictionary(new.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            let oldKeys = Set(old.map(\.key))
            for member in old {
                compare(member.value, newByKey[member.key], path: join(path, member.key), into: &changes)
            }
            for member in new where !oldKeys.contains(member.key) {
                compare(nil, member.value, path: join(path, member.key), into: &changes)
            }
        case (.array(let old)?, .array(let new)?):
            for index in 0..<max(old.count, new.count) {
                compare(index < old.count ? old[index] : nil, index < new.count ? new[index] : nil,
                        path: "\(path)[\(index)]", into: &changes)
            }
        default:
            guard before != after else { return }
            changes.append(ConfigDiff.FieldChange(path: path, before: before, after: after, isSecret: isSecretPath(path) || holdsSecret(before) || holdsSecret(after)))
        }
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// `apiKey`, and any key that names a password, token or key (`options.password`).
    static func isSecretPath(_ path: String) -> Bool {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        return HardcodedSecretRule.isSecretKey(last.split(separator: "[").first.map(String.init) ?? last)
    }

    /// An object or array with a secret-named key inside (a whole `options` added or removed at once).
    static func holdsSecret(_ value: ConfigValue?) -> Bool {
        switch value {
        case .object(let members)?: return members.contains { HardcodedSecretRule.isSecretKey($0.key) || holdsSecret($0.value) }
        case .array(let elements)?: return elements.contains { holdsSecret($0) }
        default: return false
        }
    }
}
