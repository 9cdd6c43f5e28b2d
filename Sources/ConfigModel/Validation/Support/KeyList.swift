/// A class's few allowed keys, looked up by a scan that compares lengths first: for a dozen or two short
/// keys that costs less than hashing every key of every object into a `Set`.
struct KeyList: Sendable {
    private let keys: [(length: Int, key: String)]
    private let isAllASCII: Bool

    init(_ keys: [String]) {
        self.keys = keys.map { ($0.utf8.count, $0) }
        isAllASCII = keys.allSatisfy(\.isAllASCII)
    }

    func contains(_ key: String) -> Bool {
        let length = key.utf8.count
        // Equal ASCII strings have equal lengths, but `==` compares characters, and other text may equal a key of
        // another length (`\u{212A}` is `K`): outside ASCII a miss is confirmed by a plain scan.
        return keys.contains { $0.length == length && $0.key == key }
            || ((!isAllASCII || !key.isAllASCII) && keys.contains { $0.key == key })
    }
}
