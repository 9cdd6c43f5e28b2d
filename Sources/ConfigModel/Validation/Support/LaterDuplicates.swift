/// The uniqueness scan Grouparoo's tables imply: the first object with a value keeps it; every later
/// one with the same value is a duplicate of that first. Objects sharing the first's id are one object
/// written twice, which `duplicate-id` reports, so they are skipped.
enum LaterDuplicates {
    /// Each later duplicate with the entry of the object that holds the value first. `value` is the
    /// compared form (already case-folded where Grouparoo ignores case); `nil` takes no part.
    static func find<Item>(_ items: [Item], entry: (Item) -> ConfigEntry, value: (Item) -> String?) -> [(item: Item, first: ConfigEntry)] {
        var firstByValue: [String: ConfigEntry] = [:]
        firstByValue.reserveCapacity(items.count)
        var duplicates: [(item: Item, first: ConfigEntry)] = []
        for item in items {
            guard let value = value(item) else { continue }
            let entry = entry(item)
            // One hash for a value not seen yet (nearly every one): the entry goes in, and in the rare case the
            // value was there, the first entry is put back.
            guard let first = firstByValue.updateValue(entry, forKey: value) else { continue }
            firstByValue[value] = first
            if first.id != entry.id { duplicates.append((item, first)) }
        }
        return duplicates
    }
}
