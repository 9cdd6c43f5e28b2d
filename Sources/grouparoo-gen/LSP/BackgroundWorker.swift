import Foundation

/// One long-lived thread at a lower scheduling priority that runs jobs in order: the full rules pass
/// runs here, so on a busy machine the quick check of the buffer being typed in still gets the CPU.
/// (On Linux the nice value is per thread and inherited by the threads it starts, so the pass's
/// parallel workers run at the lower priority too.)
final class BackgroundWorker: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    // Guarded by `lock`.
    private var jobs: [@Sendable () -> Void] = []

    init(niceness: Int32 = 10) {
        let thread = Thread { [self] in
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            while true {
                ready.wait()
                lock.lock()
                let job = jobs.removeFirst()
                lock.unlock()
                job()
            }
        }
        thread.stackSize = 256 << 20
        thread.start()
    }

    func async(_ job: @escaping @Sendable () -> Void) {
        lock.lock()
        jobs.append(job)
        lock.unlock()
        ready.signal()
    }
}
