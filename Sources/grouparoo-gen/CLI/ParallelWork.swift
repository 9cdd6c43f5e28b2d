import ConfigModel
import Dispatch

/// Output work the CLI spreads over every core (Dispatch's worker threads; nothing here nests deeply).
enum ParallelWork {
    /// `(0..<count).map(transform)`, each index on whichever thread is free, results in order.
    static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        return ResultSlots.filling(count) { slots in
            DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform($0)) }
        }
    }
}
