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

    init(_ entries: [ConfigEntry]) {
        var table = PositionHashTable(minimumCapacity: entries.count)
        var repeated: [[Int]] = []
        var hashes = [Int](repeating: 0, count: entries.count)
        var idsAreASCII = true
        for (index, entry) in entries.enumerated() {
            guard let id = entry.id else { continue }
            guard let hash = IDHash.ofASCII(id) else {
                idsAreASCII = false
                break
            }
            hashes[index] = hash
        }
        // One hash for an id seen the first time; a repeated id is filed again.
        for (index, entry) in entries.enumerated() {
            guard let id = entry.id else { continue }
            let hash = idsAreASCII ? hashes[index] : id.hashValue
            let earlier = table.firstOrInsert(Int32(entry.position), hash: hash,
                                              where: { Self.id(of: $0, entries, repeated) == id },
                                              hashOf: { Self.hash(Self.id(of: $0, entries, repeated)!, idsAreASCII) })
            guard let earlier else { continue }
            if earlier >= 0 {
                repeated.append([Int(earlier), entry.position])
                table.replace(earlier, with: Int32(-repeated.count), hash: hash)
            } else {
                repeated[Int(-1 - earlier)].append(entry.position)
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
