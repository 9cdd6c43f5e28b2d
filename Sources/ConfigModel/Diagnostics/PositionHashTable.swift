/// A hash table holding only 4-byte values (positions or ids in a list its owner keeps), found by a key each value
/// stands for: the owner gives the key's hash and says whether a value matches. A dictionary from the key
/// stores the key beside each value, 24 bytes a slot or more, kept for the whole run.
struct PositionHashTable: Sendable {
    private static let empty: Int32 = .min
    /// Open addressing with linear probing; the count of slots is a power of two, at most half of them used.
    private var slots: [Int32]
    private(set) var count = 0

    init(minimumCapacity: Int) {
        var size = 8
        while size < 2 * minimumCapacity { size *= 2 }
        slots = [Int32](repeating: Self.empty, count: size)
    }

    /// The stored value that `matches` accepts, among those stored with this hash.
    func first(hash: Int, where matches: (Int32) -> Bool) -> Int32? {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != Self.empty {
            if matches(slots[slot]) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The stored value `matches` accepts; when there is none, stores `value` and returns nil. `hashOf` gives a
    /// stored value's hash again when the table grows.
    mutating func firstOrInsert(_ value: Int32, hash: Int, where matches: (Int32) -> Bool, hashOf: (Int32) -> Int) -> Int32? {
        precondition(value != Self.empty)
        if let found = first(hash: hash, where: matches) { return found }
        if 2 * (count + 1) > slots.count { grow(hashOf: hashOf) }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != Self.empty { slot = (slot + 1) & mask }
        slots[slot] = value
        count += 1
        return nil
    }

    /// Stores `new` in place of `old`, a value stored with this hash.
    mutating func replace(_ old: Int32, with new: Int32, hash: Int) {
        precondition(new != Self.empty)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != old { slot = (slot + 1) & mask }
        slots[slot] = new
    }

    private mutating func grow(hashOf: (Int32) -> Int) {
        let old = slots
        slots = [Int32](repeating: Self.empty, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != Self.empty {
            var slot = hashOf(value) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }
}
