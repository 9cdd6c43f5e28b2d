/// A class's few allowed keys, looked up among the keys of the same UTF-8 length only: for a dozen or two
/// short keys that costs less than hashing every key of every object into a `Set`, or scanning them all.
struct KeyList: Sendable {
    /// The keys ordered by UTF-8 length: those of length `n` are `keys[starts[n]..<starts[n + 1]]`.
    private let keys: [String]
    private let starts: [Int]
    /// Each ordered key's place in the list given (the first place of a key given twice).
    private let places: [Int]
    private let isAllASCII: Bool

    init(_ keys: [String]) {
        // A key given again (by its bytes) is left out, so a look-up finds its first place.
        let firstPlaces = keys.indices.filter { place in
            !keys[..<place].contains { $0.utf8.elementsEqual(keys[place].utf8) }
        }
        let sorted = firstPlaces.map { (key: keys[$0], place: $0) }
            .sorted { ($0.key.utf8.count, $0.place) < ($1.key.utf8.count, $1.place) }
        var starts = [Int](repeating: 0, count: (sorted.last?.key.utf8.count ?? 0) + 2)
        for (key, _) in sorted { starts[key.utf8.count + 1] += 1 }
        for length in starts.indices.dropFirst() { starts[length] += starts[length - 1] }
        self.keys = sorted.map(\.key)
        self.starts = starts
        places = sorted.map(\.place)
        isAllASCII = keys.allSatisfy(\.isAllASCII)
    }

    func contains(_ key: String) -> Bool {
        if place(ofSameLength: key) != nil { return true }
        // Equal ASCII strings have equal lengths, but `==` compares characters, and other text may equal a key of
        // another length (`\u{212A}` is `K`): outside ASCII a miss is confirmed by a plain scan.
        return (!isAllASCII || !key.isAllASCII) && keys.contains(key)
    }

    /// The place in the list given of the key that `key` equals with the same UTF-8 length. In a list of ASCII keys
    /// that is the key with the same bytes, as JavaScript compares keys: other text `==` an ASCII key is longer.
    func place(ofSameLength key: String) -> Int? {
        let length = key.utf8.count
        guard length + 1 < starts.count else { return nil }
        for index in starts[length]..<starts[length + 1] where keys[index] == key { return places[index] }
        return nil
    }
}
