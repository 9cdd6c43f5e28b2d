/// The uniqueness scan Grouparoo's tables imply: the first object with a value keeps it; every later
/// one with the same value is a duplicate of that first. Objects sharing the first's id are one object
/// written twice, which `duplicate-id` reports, so they are skipped.
enum LaterDuplicates {
    /// Each later duplicate with the entry of the object that holds the value first. `value` is the
    /// compared form (already case-folded where Grouparoo ignores case); `nil` takes no part. Values are compared
    /// with `==` and filed by position in a table hashed like the id table (`IDHash` when every value is ASCII, as
    /// good as always): a dictionary from the value hashed each one with SipHash, several times the cost.
    static func find<Item>(_ items: [Item], entry: (Item) -> ConfigEntry, value: (Item) -> String?) -> [(item: Item, first: ConfigEntry)] {
        let values = items.map(value)
        var hashes = values.map { $0.flatMap(IDHash.ofASCII) }
        // Text outside ASCII may equal ASCII text (`\u{212A}` is `K`): then every value is hashed as `String` hashes.
        if zip(values, hashes).contains(where: { $0 != nil && $1 == nil }) { hashes = values.map { $0?.hashValue } }
        var firstByValue = PositionHashTable(minimumCapacity: items.count)
        var duplicates: [(item: Item, first: ConfigEntry)] = []
        for index in items.indices {
            guard let value = values[index], let hash = hashes[index] else { continue }
            guard let first = firstByValue.firstOrInsert(Int32(index), hash: hash, where: { values[Int($0)] == value },
                                                         hashOf: { hashes[Int($0)]! })
            else { continue }
            let (entry, firstEntry) = (entry(items[index]), entry(items[Int(first)]))
            if firstEntry.id != entry.id { duplicates.append((items[index], firstEntry)) }
        }
        return duplicates
    }
}
