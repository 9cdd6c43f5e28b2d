/// A hash table holding only 4-byte values (positions or ids in a list its owner keeps), found by a key each value
/// stands for: the owner gives the key's hash and says whether a value matches. A dictionary from the key
/// stores the key beside each value, 24 bytes a slot or more, kept for the whole run.
struct PositionHashTable: Sendable {
    /// A slot holds a value in its low 32 bits and 31 more bits of its key's hash (the tag) above them, so a probe
    /// that meets another key's value is told apart without asking the owner: asking reads the owner's key, which on
    /// 100k entries is a cache miss each time. An empty slot is negative; a used one never is.
    private static let empty: Int64 = -1
    /// Open addressing with linear probing; the count of slots is a power of two, at most half of them used.
    private var slots: [Int64]
    private(set) var count = 0

    init(minimumCapacity: Int) {
        var size = 8
        while size < 2 * minimumCapacity { size *= 2 }
        slots = [Int64](repeating: Self.empty, count: size)
    }

    /// Bits of the hash the slot index does not use (tables stay far below 2^32 slots).
    private static func tag(_ hash: Int) -> Int64 { Int64(hash >> 32) & 0x7FFF_FFFF }

    private static func slotValue(_ value: Int32, tag: Int64) -> Int64 { tag << 32 | Int64(UInt32(bitPattern: value)) }

    private static func value(in slot: Int64) -> Int32 { Int32(truncatingIfNeeded: slot) }

    /// The stored value that `matches` accepts, among those stored with this hash.
    func first(hash: Int, where matches: (Int32) -> Bool) -> Int32? {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        while slots[slot] != Self.empty {
            let stored = slots[slot]
            if stored >> 32 == tag, matches(Self.value(in: stored)) { return Self.value(in: stored) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The stored value `matches` accepts; when there is none, stores `value` and returns nil. `hashOf` gives a
    /// stored value's hash again when the table grows.
    mutating func firstOrInsert(_ value: Int32, hash: Int, where matches: (Int32) -> Bool, hashOf: (Int32) -> Int) -> Int32? {
        if let found = first(hash: hash, where: matches) { return found }
        if 2 * (count + 1) > slots.count { grow(hashOf: hashOf) }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != Self.empty { slot = (slot + 1) & mask }
        slots[slot] = Self.slotValue(value, tag: Self.tag(hash))
        count += 1
        return nil
    }

    /// Stores `new` in place of `old`, a value stored with this hash.
    mutating func replace(_ old: Int32, with new: Int32, hash: Int) {
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        while slots[slot] != Self.slotValue(old, tag: tag) { slot = (slot + 1) & mask }
        slots[slot] = Self.slotValue(new, tag: tag)
    }

    private mutating func grow(hashOf: (Int32) -> Int) {
        let old = slots
        slots = [Int64](repeating: Self.empty, count: old.count * 2)
        let mask = slots.count - 1
        for stored in old where stored != Self.empty {
            var slot = hashOf(Self.value(in: stored)) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = stored
        }
    }
}
