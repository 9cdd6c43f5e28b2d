/// Id → the positions of every entry with that id, in config order. Nearly every id names one
/// entry, so that position is stored in the table itself and only repeated ids get a list: a list
/// per id cost about 100 bytes an object, kept for the whole run.
struct PositionsByID: Sendable {
    /// A position (≥ 0), or `-1 - i` for the positions in `repeated[i]`.
    private var slots: [String: Int] = [:]
    private var repeated: [[Int]] = []

    init(_ entries: [ConfigEntry]) {
        slots.reserveCapacity(entries.count)
        for entry in entries {
            if let id = entry.id { add(id, at: entry.position) }
        }
    }

    /// One hash for an id seen the first time; a repeated id is filed again.
    private mutating func add(_ id: String, at position: Int) {
        guard let earlier = slots.updateValue(position, forKey: id) else { return }
        if earlier >= 0 {
            repeated.append([earlier, position])
            slots[id] = -repeated.count
        } else {
            repeated[-1 - earlier].append(position)
            slots[id] = earlier
        }
    }

    /// The first position with this id that `matches` accepts.
    func first(withID id: String, where matches: (Int) -> Bool) -> Int? {
        guard let slot = slots[id] else { return nil }
        if slot >= 0 { return matches(slot) ? slot : nil }
        return repeated[-1 - slot].first(where: matches)
    }

    /// Every position with this id, in config order.
    subscript(id: String) -> [Int] {
        guard let slot = slots[id] else { return [] }
        return slot >= 0 ? [slot] : repeated[-1 - slot]
    }
}
