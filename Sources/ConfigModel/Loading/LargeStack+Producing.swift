import Foundation

extension LargeStack {
    /// `items.map(transform)` over items this thread produces while the workers already work on them: `produce` hands
    /// each batch to `publish` as soon as it has it (the directory walk: a directory's files), so the other cores read
    /// files while this one walks. Workers are started as items come, as many as `parallelMap` starts for their number
    /// (so, beside a large-stack caller, none for fewer than `minimumPerWorker`); one that is ahead of `produce` waits,
    /// blocked. Once everything is produced, this thread works out `order` from the batches (a permutation of the
    /// indices of all their items, in which the results are returned) and then, when its stack is large, works with them.
    static func mapWhileProducing<Item, State, T>(
        minimumPerWorker: Int = 64, makeState: @escaping () -> State, finish: @escaping (State) -> Void,
        produce: (_ publish: ([Item]) -> Void) -> Void, order: (_ batches: [[Item]]) -> [Int],
        _ transform: @escaping (Item, State) -> T
    ) -> [T] {
        let queue = ProducedItems<Item, T>(minimumPerWorker: minimumPerWorker)
        let work = UncheckedSendable {
            let state = makeState()
            defer { finish(state) }
            while let (batch, range, places) = queue.take() {
                for index in range { (places + index - range.lowerBound).initialize(to: transform(batch[index], state)) }
            }
        }
        let done = DispatchSemaphore(value: 0)
        let callerWorks = currentThreadHasLargeStack
        var threads = 0
        produce { items in
            let workers = queue.publish(items)
            while threads + (callerWorks ? 1 : 0) < workers {
                startThread {
                    work.value()
                    done.signal()
                }
                threads += 1
            }
        }
        let (batches, count) = queue.complete()
        var ordered: [Int] = []
        return ResultSlots.filling(count, order: { ordered }) { slots in
            queue.placeTheRest(in: slots)
            ordered = order(batches)
            if callerWorks { work.value() }
            for _ in 0..<threads { done.wait() }
            queue.moveEarlierResults(into: slots)
        }
    }
}

/// What `mapWhileProducing` shares between the producing thread and the workers: the batches published so far (each
/// kept as it came, not copied item by item), which items are taken, and where their results go.
private final class ProducedItems<Item, T>: @unchecked Sendable {
    private let minimumPerWorker: Int
    // All guarded by `condition`; a batch is never changed once published, and each worker writes its results outside
    // the lock, into the places it was given.
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var count = 0
    /// The next item to take: its batch, its place there and its index among all items.
    private var next = (batch: 0, offset: 0, index: 0)
    private var workers = 1
    private var isComplete = false
    /// The results' own array, once the count is known; the items taken from `placedFrom` on go straight into it.
    private var places: ResultSlots<T>?
    private var placedFrom = 0
    /// The results of the items taken before, `chunkLength` at a time: a chunk never moves, so workers fill theirs
    /// while more are added.
    private var chunks: [UnsafeMutablePointer<T>] = []
    private static var chunkLength: Int { 1_024 }

    init(minimumPerWorker: Int) {
        self.minimumPerWorker = minimumPerWorker
    }

    /// Adds `batch` for the workers and wakes those waiting; returns how many workers the items now make.
    func publish(_ batch: [Item]) -> Int {
        condition.lock()
        defer { condition.unlock() }
        guard !batch.isEmpty else { return workers }
        batches.append(batch)
        count += batch.count
        workers = LargeStack.workerCount(count, minimumPerWorker: minimumPerWorker)
        condition.broadcast()
        return workers
    }

    /// Says nothing more comes (the waiting workers then finish) and returns every batch and their number of items.
    func complete() -> (batches: [[Item]], count: Int) {
        condition.lock()
        defer { condition.unlock() }
        isComplete = true
        condition.broadcast()
        return (batches, count)
    }

    /// The results of the items not taken yet go straight into their places in `slots`.
    func placeTheRest(in slots: ResultSlots<T>) {
        condition.lock()
        defer { condition.unlock() }
        places = slots
        placedFrom = next.index
    }

    /// The next few items (a range of one batch) and where the first one's result goes (the others' follow); nil once
    /// everything is produced and taken. Waits while the producer is behind.
    func take() -> (batch: [Item], range: Range<Int>, places: UnsafeMutablePointer<T>)? {
        condition.lock()
        defer { condition.unlock() }
        while next.index == count && !isComplete { condition.wait() }
        guard next.index < count else { return nil }
        let batch = batches[next.batch]
        var length = min(LargeStack.batchLength(count, workers: workers), batch.count - next.offset)
        let first: UnsafeMutablePointer<T>
        if let places {
            first = places.place(next.index)
        } else {
            let (chunk, place) = next.index.quotientAndRemainder(dividingBy: Self.chunkLength)
            if chunk == chunks.count { chunks.append(.allocate(capacity: Self.chunkLength)) }
            length = min(length, Self.chunkLength - place)
            first = chunks[chunk] + place
        }
        let range = next.offset..<next.offset + length
        next = range.upperBound == batch.count ? (next.batch + 1, 0, next.index + length)
            : (next.batch, range.upperBound, next.index + length)
        return (batch, range, first)
    }

    /// Moves the results of the items taken before `placeTheRest` into `slots` (once all are set) and frees their chunks.
    func moveEarlierResults(into slots: ResultSlots<T>) {
        for index in 0..<placedFrom {
            slots.set(index, (chunks[index / Self.chunkLength] + index % Self.chunkLength).move())
        }
        for chunk in chunks { chunk.deallocate() }
        chunks = []
    }
}
