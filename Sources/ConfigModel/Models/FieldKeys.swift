/// The keys a field table binds, found by length first (most keys differ in length, which costs less to
/// see than their bytes) and then by content: a key matches as `JSObject` finds a property by key.
struct FieldKeys: Sendable {
    private let keys: [String]
    /// The first row whose key has each length in bytes (-1: none), and after each row the next row of its length:
    /// a key whose length no row has costs one look, not a comparison with every row's length.
    private let firstRowByLength: [Int16]
    private let nextRowOfLength: [Int16]

    init(_ keys: [String]) {
        // An object has each key once, so a key bound twice would decode only one of its rows.
        precondition(Set(keys).count == keys.count, "a field table binds a key twice")
        self.keys = keys
        let lengths = keys.map(\.utf8.count)
        var first = [Int16](repeating: -1, count: (lengths.max() ?? 0) + 1)
        var next = [Int16](repeating: -1, count: keys.count)
        for row in keys.indices.reversed() {
            next[row] = first[lengths[row]]
            first[lengths[row]] = Int16(row)
        }
        firstRowByLength = first
        nextRowOfLength = next
    }

    /// The position of `key` among the keys (the first row, in order, whose key has its length and equals it).
    func row(of key: String) -> Int? {
        let length = key.utf8.count
        guard length < firstRowByLength.count else { return nil }
        var row = Int(firstRowByLength[length])
        while row >= 0 {
            if keys[row] == key { return row }
            row = Int(nextRowOfLength[row])
        }
        return nil
    }
}

/// Classifies strings as an enum's cases, as `EnumValue.init` does, found the way `FieldKeys` finds a key:
/// the synthesized `init(rawValue:)` compares the string with every case's text in turn.
struct EnumCases<Known>: Sendable
where Known: CaseIterable & RawRepresentable & Sendable & Hashable, Known.RawValue == String {
    private let cases: [Known]
    private let rawValues: FieldKeys

    init() {
        cases = Array(Known.allCases)
        rawValues = FieldKeys(cases.map(\.rawValue))
    }

    func value(_ raw: String) -> EnumValue<Known> {
        if let row = rawValues.row(of: raw) { return .known(cases[row]) }
        // Equal ASCII strings have equal lengths, but other text may equal a case of another length (`\u{212A}`
        // is `K`): that is left to the plain comparison.
        return raw.utf8.allSatisfy { $0 < 0x80 } ? .unrecognized(raw) : EnumValue(raw)
    }
}
