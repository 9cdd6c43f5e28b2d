import Foundation

/// Values kept once for the whole process (a language server session included) and named by a 32-bit index:
/// the rare values a packed layout cannot hold (`WideSpanEnds`, `WideKeySpans`). Only unusual input gets
/// here, so the table stays small and one lock is enough.
final class InternTable<Value: Hashable & Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var values: [Value] = []
    private var indexes: [Value: UInt32] = [:]
    private let lock = NSLock()

    /// How many values the table holds (tests check what reaches it).
    var count: Int { lock.withLock { values.count } }

    /// The index of `value`, added the first time it is seen. 2^32 distinct values would need more memory
    /// than any config tree gets.
    func index(for value: Value) -> UInt32 {
        lock.withLock {
            if let index = indexes[value] { return index }
            let index = UInt32(values.count)
            values.append(value)
            indexes[value] = index
            return index
        }
    }

    func value(at index: UInt32) -> Value {
        lock.withLock { values[Int(index)] }
    }
}
