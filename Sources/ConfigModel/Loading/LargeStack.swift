import Foundation

/// Runs work on a thread with a large stack, so deeply nested (but within limits)
/// input never overflows the small stacks of secondary threads.
enum LargeStack {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// Bytes of stack every worker gets: deep nesting within the reader's limits fits in it.
    static let stackSize = 256 << 20

    /// Runs `body` on a large-stack thread, or right here when this thread's stack is already that large
    /// (a caller that reads many single files, such as the fuzzer, starts one such thread for all of them).
    static func run<T>(_ body: @escaping () -> T) -> T {
        if currentThreadHasLargeStack { return body() }
        return runParallel(1) { _ in body() }[0]
    }

    private static var currentThreadHasLargeStack: Bool {
        Thread.current.stackSize >= stackSize
    }

    /// `(0..<count).map(transform)`, spread over the machine's cores (each worker takes every n-th index).
    /// `makeState` runs once per worker, for per-worker caches such as the `require` cache.
    static func parallelMap<State, T>(
        _ count: Int, minimumPerWorker: Int = 64, makeState: @escaping () -> State, finish: @escaping (State) -> Void = { _ in },
        _ transform: @escaping (Int, State) -> T
    ) -> [T] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count / max(1, minimumPerWorker) + 1))
        let parts = runParallel(workers) { worker in
            let state = makeState()
            defer { finish(state) }
            return stride(from: worker, to: count, by: workers).map { transform($0, state) }
        }
        return (0..<count).map { parts[$0 % workers][$0 / workers] }
    }

    static func parallelMap<T>(_ count: Int, minimumPerWorker: Int = 64, _ transform: @escaping (Int) -> T) -> [T] {
        parallelMap(count, minimumPerWorker: minimumPerWorker, makeState: { () }) { index, _ in transform(index) }
    }

    /// Runs `body(0)…body(count - 1)` on `count` large-stack threads and returns their results in order.
    static func runParallel<T>(_ count: Int, _ body: @escaping (Int) -> T) -> [T] {
        let boxes = (0..<count).map { _ in Box<T>() }
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedSendable(body)
        for index in 0..<count {
            let box = boxes[index]
            let thread = Thread {
                box.value = work.value(index)
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<count { done.wait() }
        return boxes.map { $0.value! }
    }

    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
