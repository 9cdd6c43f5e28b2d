/// Exact property key (`key || name`) → the first property entry with it (R-DEP-05), compared as `String ==` does.
/// Each key comes with its hash, found by the worker that decoded its object (`PositionsByID.key(of:)`): hashing
/// every key into a dictionary was most of the serial stage that builds this table, and its slots (24 bytes and
/// more) left the cache on large trees. The table holds indices into `keys` (`PositionHashTable`); as in
/// `PositionsByID`, ASCII keys are hashed by their bytes (`IDHash`), any other makes every key use `String.hashValue`.
struct PropertyKeyTable: Sendable {
    /// Each key filed, with the position of the first entry giving it.
    private let keys: [String]
    private let positions: [Int]
    private let keysAreASCII: Bool
    private let table: PositionHashTable

    /// No keys.
    init() { self.init([], keysAreASCII: true) { _ in ("", .none) } }

    /// `positions`: the property entries, in config order; `key(p)`: entry `p`'s key and how it is hashed (read where
    /// it was found: a list of pairs retained each key once more, and released it again). A key met again is dropped:
    /// the first position wins.
    init(_ positions: [Int], keysAreASCII: Bool, key: (Int) -> (text: String, hash: PositionsByID.IDKey)) {
        var table = PositionHashTable(minimumCapacity: positions.count)
        var keys: [String] = []
        var firsts: [Int] = []
        keys.reserveCapacity(positions.count)
        firsts.reserveCapacity(positions.count)
        for position in positions {
            let (text, idKey) = key(position)
            let hash: Int
            switch idKey {
            case .ascii(let asciiHash) where keysAreASCII: hash = asciiHash
            default: hash = text.hashValue
            }
            let earlier = table.firstOrInsert(Int32(keys.count), hash: hash, where: { keys[Int($0)] == text },
                                              hashOf: { Self.hash(keys[Int($0)], keysAreASCII) })
            guard earlier == nil else { continue }
            keys.append(text)
            firsts.append(position)
        }
        self.keys = keys
        self.positions = firsts
        self.keysAreASCII = keysAreASCII
        self.table = table
    }

    private static func hash(_ key: String, _ keysAreASCII: Bool) -> Int { keysAreASCII ? IDHash.ofASCII(key)! : key.hashValue }

    /// The position of the first property entry whose key is `key`.
    subscript(key: String) -> Int? {
        guard keysAreASCII else { return position(key, hash: key.hashValue) }
        // Only an ASCII key can equal one of the table's.
        guard let hash = IDHash.ofASCII(key) else { return IDHash.asciiEquivalent(key).flatMap { self[$0] } }
        return position(key, hash: hash)
    }

    private func position(_ key: String, hash: Int) -> Int? {
        table.first(hash: hash) { keys[Int($0)] == key }.map { positions[Int($0)] }
    }
}
