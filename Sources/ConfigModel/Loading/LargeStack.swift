import Foundation

/// Runs work on a thread with a large stack, so deeply nested (but within limits)
/// input never overflows the small stacks of secondary threads.
public enum LargeStack {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// Bytes of stack every worker gets: deep nesting within the reader's limits fits in it.
    static let stackSize = 256 << 20

    /// Runs `body` on a large-stack thread, or right here when this thread's stack is already that large
    /// (a caller that reads many single files, such as the fuzzer, starts one such thread for all of them).
    /// A command that runs all its stages inside one `run` starts no thread for the work of one worker, and takes
    /// part in the work of several.
    public static func run<T>(_ body: @escaping () -> T) -> T {
        if currentThreadHasLargeStack { return body() }
        return runParallel(1) { _ in body() }[0]
    }

    static var currentThreadHasLargeStack: Bool {
        Thread.current.stackSize >= stackSize
    }

    /// Asked once: Foundation reads the cgroup's CPU quota files at every call.
    private static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// `(0..<count).map(transform)`, spread over the machine's cores. Workers take the next few indices
    /// as they finish the last ones, so a few slow items (a very large file, a costly rule) do not leave
    /// one core idle while the other works through its fixed share.
    /// `makeState` runs once per worker, for per-worker caches such as the `require` cache.
    static func parallelMap<State, T>(
        _ count: Int, minimumPerWorker: Int = 64, makeState: @escaping () -> State, finish: @escaping (State) -> Void = { _ in },
        _ transform: @escaping (Int, State) -> T
    ) -> [T] {
        let workers = workerCount(count, minimumPerWorker: minimumPerWorker)
        let queue = IndexQueue(count: count, batch: batchLength(count, workers: workers))
        return ResultSlots.filling(count) { slots in
            _ = runParallel(workers) { _ in
                let state = makeState()
                defer { finish(state) }
                while let range = queue.next() {
                    for index in range { slots.set(index, transform(index, state)) }
                }
            }
        }
    }

    /// How many workers share `count` items: one per `minimumPerWorker` more, up to the cores (and 8).
    static func workerCount(_ count: Int, minimumPerWorker: Int) -> Int {
        max(1, min(processorCount, 8, count / max(1, minimumPerWorker) + 1))
    }

    /// How many items a worker takes at a time: few enough that the last ones are shared out evenly.
    static func batchLength(_ count: Int, workers: Int) -> Int {
        max(1, min(16, count / (workers * 32)))
    }

    static func parallelMap<T>(_ count: Int, minimumPerWorker: Int = 64, _ transform: @escaping (Int) -> T) -> [T] {
        parallelMap(count, minimumPerWorker: minimumPerWorker, makeState: { () }) { index, _ in transform(index) }
    }

    /// Runs `body(0)…body(count - 1)` on `count` large-stack threads and returns their results in order. When this
    /// thread's stack is large, it is the first of them.
    static func runParallel<T>(_ count: Int, _ body: @escaping (Int) -> T) -> [T] {
        let boxes = (0..<count).map { _ in Box<T>() }
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedSendable(body)
        let started = currentThreadHasLargeStack ? 1 : 0
        for index in started..<count {
            let box = boxes[index]
            startThread {
                box.value = work.value(index)
                done.signal()
            }
        }
        if started == 1 { boxes[0].value = body(0) }
        for _ in started..<count { done.wait() }
        return boxes.map { $0.value! }
    }

    /// Starts `body` on a new thread with a large stack.
    static func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = stackSize
        thread.start()
    }

    /// Work started on a large-stack thread of its own while the caller goes on; `result()` waits for it. Work too
    /// small to be worth a thread (`worthAThread: false`) is done at once when this thread's stack is large.
    final class Background<T>: @unchecked Sendable {
        // Written once by the worker before `done` is signalled, read only after waiting for it.
        private var value: T?
        private let done = DispatchSemaphore(value: 0)

        init(worthAThread: Bool = true, _ body: @escaping () -> T) {
            guard worthAThread || !currentThreadHasLargeStack else {
                value = body()
                done.signal()
                return
            }
            let work = Box<() -> T>()
            work.value = body
            startThread { [self] in
                value = work.value!()
                // What the body holds is let go here, on this core: the thread object may be freed on another.
                work.value = nil
                done.signal()
            }
        }

        func result() -> T {
            done.wait()
            defer { done.signal() }
            return value!
        }
    }

    /// Hands out consecutive ranges of `0..<count` to whichever worker asks next.
    private final class IndexQueue: @unchecked Sendable {
        private let count: Int
        private let batch: Int
        // Guarded by `lock`.
        private var nextIndex = 0
        private let lock = NSLock()

        init(count: Int, batch: Int) {
            self.count = count
            self.batch = batch
        }

        func next() -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count else { return nil }
            let range = nextIndex..<min(count, nextIndex + batch)
            nextIndex = range.upperBound
            return range
        }
    }

    struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
