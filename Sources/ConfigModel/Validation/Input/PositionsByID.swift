/// Id → the positions of every entry with that id, in config order. Nearly every id names one
/// entry, so that position is stored in the table itself and only repeated ids get a list: a list
/// per id cost about 100 bytes an object, kept for the whole run. The table holds positions only
/// (`PositionHashTable`); the ids are read from the entries. When every id is ASCII (as good as always), they are
/// hashed by their bytes (`IDHash`), else with `String.hashValue`.
struct PositionsByID: Sendable {
    private let entries: [ConfigEntry]
    private let idsAreASCII: Bool
    /// A position (≥ 0), or `-1 - i` for the positions in `repeated[i]`.
    private let table: PositionHashTable
    /// The positions of each id more than one entry has, in config order.
    let repeated: [[Int]]

    /// How an entry's id is filed, found by the worker that made the entry: hashing every id on the serial stage
    /// that builds this index was most of its cost.
    enum IDKey {
        case none
        case ascii(hash: Int)
        /// An id with a byte outside ASCII: the table then hashes every id with `String.hashValue`.
        case other
    }

    static func key(of id: String?) -> IDKey {
        guard let id else { return .none }
        return IDHash.ofASCII(id).map { .ascii(hash: $0) } ?? .other
    }

    /// `key(p)`: `key(of: entries[p].id)` (read where it was found: an array of them cost 16 bytes an object).
    init(_ entries: [ConfigEntry], key: (Int) -> IDKey) {
        var table = PositionHashTable(minimumCapacity: entries.count)
        var repeated: [[Int]] = []
        let idsAreASCII = !entries.indices.contains { if case .other = key($0) { true } else { false } }
        // One hash for an id seen the first time; a repeated id is filed again. Only a probe meeting another id's
        // tag reads an entry.
        for position in entries.indices {
            let hash: Int
            switch key(position) {
            case .none: continue
            case .ascii(let asciiHash) where idsAreASCII: hash = asciiHash
            case .ascii, .other: hash = entries[position].id!.hashValue
            }
            let earlier = table.firstOrInsert(Int32(position), hash: hash,
                                              where: { Self.id(of: $0, entries, repeated) == entries[position].id },
                                              hashOf: { Self.hash(Self.id(of: $0, entries, repeated)!, idsAreASCII) })
            guard let earlier else { continue }
            if earlier >= 0 {
                repeated.append([Int(earlier), position])
                table.replace(earlier, with: Int32(-repeated.count), hash: hash)
            } else {
                repeated[Int(-1 - earlier)].append(position)
            }
        }
        self.entries = entries
        self.idsAreASCII = idsAreASCII
        self.table = table
        self.repeated = repeated
    }

    /// The id a table value stands for.
    private static func id(of value: Int32, _ entries: [ConfigEntry], _ repeated: [[Int]]) -> String? {
        entries[value >= 0 ? Int(value) : repeated[Int(-1 - value)][0]].id
    }

    private static func hash(_ id: String, _ idsAreASCII: Bool) -> Int { idsAreASCII ? IDHash.ofASCII(id)! : id.hashValue }

    private func slot(_ id: String) -> Int32? {
        guard idsAreASCII else { return table.first(hash: id.hashValue) { Self.id(of: $0, entries, repeated) == id } }
        // Only an ASCII id can equal one of the table's.
        guard let hash = IDHash.ofASCII(id) else { return IDHash.asciiEquivalent(id).flatMap(slot) }
        return table.first(hash: hash) { Self.id(of: $0, entries, repeated) == id }
    }

    /// The first position with this id that `matches` accepts.
    func first(withID id: String, where matches: (Int) -> Bool) -> Int? {
        guard let slot = slot(id) else { return nil }
        if slot >= 0 { return matches(Int(slot)) ? Int(slot) : nil }
        return repeated[Int(-1 - slot)].first(where: matches)
    }

    /// Every position with this id, in config order.
    subscript(id: String) -> [Int] {
        guard let slot = slot(id) else { return [] }
        return slot >= 0 ? [Int(slot)] : repeated[Int(-1 - slot)]
    }
}
