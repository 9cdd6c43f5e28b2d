import Dispatch

/// Output work the CLI spreads over every core (Dispatch's worker threads; nothing here nests deeply).
enum ParallelWork {
    /// `(0..<count).map(transform)`, each index on whichever thread is free, results in order.
    static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, transform($0)) }
        return slots.take()
    }

    /// One slot per index, each written once by the thread that computed it.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<T>
        private let count: Int

        init(_ count: Int) {
            storage = .allocate(capacity: count)
            self.count = count
        }

        func set(_ index: Int, _ value: T) { (storage + index).initialize(to: value) }

        /// The values, once every slot is set; the slots are then empty.
        func take() -> [T] {
            [T](unsafeUninitializedCapacity: count) { values, initialized in
                values.baseAddress!.moveInitialize(from: storage, count: count)
                initialized = count
            }
        }

        deinit { storage.deallocate() }
    }
}
