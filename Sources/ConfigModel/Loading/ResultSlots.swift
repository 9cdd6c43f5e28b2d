/// The places of an array's elements while several threads fill them, each index set exactly once: results
/// go straight into the array that is returned, with no per-thread lists to join (a copy of every result) and
/// no second buffer of the same size. Public for the CLI's `ParallelWork`.
public struct ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T>

    /// An array of `count` elements, which `fill` must set, every index once, before it returns. With `order` (asked
    /// for once they are set: a permutation of the indices), the element at `i` is the one set at `order()[i]`.
    public static func filling(_ count: Int, order: (() -> [Int])? = nil, _ fill: (ResultSlots<T>) -> Void) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(ResultSlots(base: buffer.baseAddress!))
            if let order { permute(buffer, by: order()) }
            initialized = count
        }
    }

    /// Puts `buffer[order[i]]` at `i` for every `i`, in place, moving each element once: one cycle of the
    /// permutation after another, no second buffer and no copy.
    static func permute(_ buffer: UnsafeMutableBufferPointer<T>, by order: [Int]) {
        precondition(order.count == buffer.count)
        let base = buffer.baseAddress!
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            let first = (base + start).move()
            var position = start
            while order[position] != start {
                (base + position).moveInitialize(from: base + order[position], count: 1)
                placed[position] = true
                position = order[position]
            }
            (base + position).initialize(to: first)
            placed[position] = true
        }
    }

    /// Where the element at `index` goes: a worker given a run of indices fills them from there.
    func place(_ index: Int) -> UnsafeMutablePointer<T> { base + index }

    /// `consuming`: the value is moved into its place, not copied (a retain of each of its references) and then released.
    public func set(_ index: Int, _ value: consuming T) { (base + index).initialize(to: value) }
}
