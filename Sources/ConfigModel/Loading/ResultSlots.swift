/// The places of an array's elements while several threads fill them, each index set exactly once: results
/// go straight into the array that is returned, with no per-thread lists to join (a copy of every result) and
/// no second buffer of the same size. Public for the CLI's `ParallelWork`.
public struct ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T>

    /// An array of `count` elements, which `fill` must set, every index once, before it returns.
    public static func filling(_ count: Int, _ fill: (ResultSlots<T>) -> Void) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(ResultSlots(base: buffer.baseAddress!))
            initialized = count
        }
    }

    public func set(_ index: Int, _ value: T) { (base + index).initialize(to: value) }
}
