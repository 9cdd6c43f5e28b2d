/// The keys a field table binds, found by length first (most keys differ in length, which costs less to
/// see than their bytes) and then by content: a key matches as `JSObject` finds a property by key.
struct FieldKeys: Sendable {
    private let keys: [String]
    private let lengths: [Int]

    init(_ keys: [String]) {
        // An object has each key once, so a key bound twice would decode only one of its rows.
        precondition(Set(keys).count == keys.count, "a field table binds a key twice")
        self.keys = keys
        lengths = keys.map(\.utf8.count)
    }

    /// The position of `key` among the keys.
    func row(of key: String) -> Int? {
        let length = key.utf8.count
        for row in lengths.indices where lengths[row] == length && keys[row] == key { return row }
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
