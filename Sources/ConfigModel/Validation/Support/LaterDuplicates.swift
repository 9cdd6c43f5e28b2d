/// The uniqueness scan Grouparoo's tables imply: the first object with a value keeps it; every later
/// one with the same value is a duplicate of that first. Objects sharing the first's id are one object
/// written twice, which `duplicate-id` reports, so they are skipped.
enum LaterDuplicates {
    /// Each later duplicate with the entry of the object that holds the value first. `value` is the
    /// compared form (already case-folded where Grouparoo ignores case); `nil` takes no part.
    static func find<Item>(_ items: [Item], entry: (Item) -> ConfigEntry, value: (Item) -> String?) -> [(item: Item, first: ConfigEntry)] {
        var duplicates: [(item: Item, first: ConfigEntry)] = []
        forEachRepeat(of: items.map(value)) { index, first in
            let (entry, firstEntry) = (entry(items[index]), entry(items[first]))
            if firstEntry.id != entry.id { duplicates.append((items[index], firstEntry)) }
        }
        return duplicates
    }

    /// Calls `body` in order with the index of each value that repeats an earlier one (`==`) and the index of the
    /// first of them; nil takes no part. Many values are filed by index in a table hashed like the id table (`IDHash`
    /// when every value is ASCII, as good as always): a dictionary from the value hashed each one with SipHash,
    /// several times the cost.
    static func forEachRepeat(of values: [String?], _ body: (_ index: Int, _ first: Int) -> Void) {
        // A few (a mapping's keys) are compared pairwise: making a table cost more than the comparisons.
        guard values.count > 8 else {
            for index in values.indices {
                guard let value = values[index], let first = values[..<index].firstIndex(where: { $0 == value }) else { continue }
                body(index, first)
            }
            return
        }
        var hashes = values.map { $0.flatMap(IDHash.ofASCII) }
        // Text outside ASCII may equal ASCII text (`\u{212A}` is `K`): then every value is hashed as `String` hashes.
        if zip(values, hashes).contains(where: { $0 != nil && $1 == nil }) { hashes = values.map { $0?.hashValue } }
        var firstByValue = PositionHashTable(minimumCapacity: values.count)
        for index in values.indices {
            guard let value = values[index], let hash = hashes[index],
                  let first = firstByValue.firstOrInsert(Int32(index), hash: hash, where: { values[Int($0)] == value },
                                                         hashOf: { hashes[Int($0)]! })
            else { continue }
            body(index, Int(first))
        }
    }
}
