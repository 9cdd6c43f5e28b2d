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

    /// The text of each run (consecutive ranges of a report's items), rendered on every core and handed to
    /// `write` in order, a window of runs at a time: the whole report (megabytes at 50k files) is never held at once.
    static func renderInOrder(_ runs: [Range<Int>], _ render: @Sendable (Range<Int>) -> String, to write: (String) -> Void) {
        for window in stride(from: 0, to: runs.count, by: runsPerWindow) {
            let count = min(runsPerWindow, runs.count - window)
            for piece in map(count, { render(runs[window + $0]) }) { write(piece) }
        }
    }

    private static let runsPerWindow = 32

    /// Items (diagnostics, report elements) a run renders: enough to outweigh handing it to a core, few enough
    /// to keep both cores busy to the end of a report.
    static let itemsPerRun = 128

    /// `0..<count` cut into consecutive ranges of `size` items (the last one shorter).
    static func runs(count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
