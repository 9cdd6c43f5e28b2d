/// A class's few allowed keys, looked up among the keys of the same UTF-8 length only: for a dozen or two
/// short keys that costs less than hashing every key of every object into a `Set`, or scanning them all.
struct KeyList: Sendable {
    /// The keys ordered by UTF-8 length: those of length `n` are `keys[starts[n]..<starts[n + 1]]`.
    private let keys: [String]
    private let starts: [Int]
    private let isAllASCII: Bool

    init(_ keys: [String]) {
        let sorted = keys.sorted { $0.utf8.count < $1.utf8.count }
        var starts = [Int](repeating: 0, count: (sorted.last?.utf8.count ?? 0) + 2)
        for key in sorted { starts[key.utf8.count + 1] += 1 }
        for length in starts.indices.dropFirst() { starts[length] += starts[length - 1] }
        self.keys = sorted
        self.starts = starts
        isAllASCII = keys.allSatisfy(\.isAllASCII)
    }

    func contains(_ key: String) -> Bool {
        let length = key.utf8.count
        if length + 1 < starts.count {
            for index in starts[length]..<starts[length + 1] where keys[index] == key { return true }
        }
        // Equal ASCII strings have equal lengths, but `==` compares characters, and other text may equal a key of
        // another length (`\u{212A}` is `K`): outside ASCII a miss is confirmed by a plain scan.
        return (!isAllASCII || !key.isAllASCII) && keys.contains(key)
    }
}
