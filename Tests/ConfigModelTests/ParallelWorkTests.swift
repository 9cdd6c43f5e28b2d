@testable import ConfigModel
import XCTest

/// Work spread over the cores must give what the plain serial loop gives, in the same order.
final class ParallelWorkTests: XCTestCase {
    /// Results are moved into one slot per index: the same values as `map`, in order, at sizes that
    /// make one worker, several workers, and batches of different lengths.
    func testParallelMapEqualsMap() {
        for count in [0, 1, 2, 63, 64, 65, 1_000, 5_003] {
            let plain = (0..<count).map { "\($0 * 7)" + String(repeating: "x", count: $0 % 5) }
            XCTAssertEqual(LargeStack.parallelMap(count, minimumPerWorker: 1) { "\($0 * 7)" + String(repeating: "x", count: $0 % 5) },
                           plain)
            XCTAssertEqual(LargeStack.parallelMap(count, makeState: { 7 }) { "\($0 * $1)" + String(repeating: "x", count: $0 % 5) },
                           plain)
        }
    }

    /// On a large-stack thread (as `validate` runs), that thread does the work of one worker itself and takes part
    /// in the work of several, and a background job too small for a thread is done at once: the results must be the
    /// same as from a thread with a small stack, which starts a thread for each worker and job.
    func testWorkOnALargeStackThreadEqualsWorkStartedFromASmallOne() {
        func work() -> [[String]] {
            [0, 1, 63, 64, 65, 1_000, 5_003].map { count in
                let order = Array((0..<count).reversed())
                let later = LargeStack.Background(worthAThread: count > 64) { (0..<count).map { "\($0)" } }
                let ordered = produced(count, batch: 10, order: order) { "\($0 * $1)" }
                return ordered + later.result()
            }
        }
        let fromSmallStack = work()
        XCTAssertEqual(LargeStack.run(work), fromSmallStack)
        XCTAssertEqual(fromSmallStack.last, (0..<5_003).reversed().map { "\($0 * 7)" } + (0..<5_003).map { "\($0)" })
    }

    /// A small config's rules run on one worker (with no thread of their own inside `LargeStack.run`), a larger
    /// one's on several: the report must be the one the plain run from this thread gives, for either size.
    func testValidationOnALargeStackThreadEqualsThePlainRun() {
        for groups in [3, 60] {
            let once = ValidationScaleTests.manyFiles(groups)
            // Every object twice: duplicate ids to report.
            let read = ConfigReadResult(directory: once.directory, files: once.files + once.files)
            let plain = Validator().validate(read).diagnostics
            XCTAssertGreaterThanOrEqual(plain.count, groups * 8)
            XCTAssertEqual(LargeStack.run { Validator().validate(read).diagnostics }, plain)
        }
    }

    /// Plugin option targets are worked out on every core; they must be the serial loop's, in its order
    /// (apps, sources, destinations, properties, schedules).
    func testPluginOptionTargetsAreTheSerialLoopsInOrder() {
        let input = ValidationInput(read: ValidationScaleTests.manyFiles(200))
        let plugins = PluginCatalog.bundled
        let serial = input.apps.compactMap { PluginOptionTarget.app($0, plugins) }
            + input.sources.compactMap { PluginOptionTarget.source($0, plugins) }
            + input.destinations.compactMap { PluginOptionTarget.destination($0, plugins) }
            + input.properties.compactMap { PluginOptionTarget.property($0, input, plugins) }
            + input.schedules.compactMap { PluginOptionTarget.schedule($0, input, plugins) }
        func summary(_ target: PluginOptionTarget) -> String {
            "\(target.entry.position) \(target.modelName) \(target.type) \(target.label) \(target.providedOptions.map(\.key))"
                + " \(target.applicableDefinitions.map(\.key))"
        }
        XCTAssertEqual(serial.count, 1_000)
        XCTAssertEqual(input.pluginOptionTargets.map(summary), serial.map(summary))
    }

    /// Results of items handed over while they are worked on, put in a given order (moved in place, one cycle of the
    /// permutation after another): the same values as `order.map { plain[$0] }`, with fixed points, short cycles and
    /// one long cycle, for items handed over one at a time, a few (across the result chunks' ends) or all at once.
    func testMapWhileProducingInAnOrderEqualsMapThenReorder() {
        for count in [1, 2, 65, 1_000, 5_003] {
            let plain = (0..<count).map { "\($0 * 7)" + String(repeating: "x", count: $0 % 5) }
            var seed: UInt64 = UInt64(count)
            var order = Array(0..<count)
            for index in order.indices.dropLast().dropFirst(count / 3) {  // the first third stays in place
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                order.swapAt(index, index + Int(seed >> 33) % (count - index))
            }
            for batch in [1, 37, count] {
                let ordered = produced(count, batch: batch, order: order) { "\($0 * $1)" + String(repeating: "x", count: $0 % 5) }
                XCTAssertEqual(ordered, order.map { plain[$0] }, "\(count) by \(batch)")
            }
            XCTAssertEqual(ResultSlots<String>.filling(count, order: { Array((0..<count).reversed()) }) { slots in
                for index in 0..<count { slots.set(index, plain[index]) }
            }, plain.reversed())
        }
    }

    /// Workers that are ahead of the producer wait for it, blocked, and go on when it hands over more: with pauses
    /// between the batches (so that most results are set before their number is known, in chunks of their own, and
    /// moved in at the end), every item is worked on once, and nothing is produced (or started) for no items.
    func testWorkersWaitForASlowProducer() {
        let count = 2_500
        let slow = produced(count, batch: 100, order: Array((0..<count).reversed()), pause: 0.001) { item, _ in item }
        XCTAssertEqual(slow, Array((0..<count).reversed()))
        XCTAssertEqual(produced(0, batch: 1, order: []) { item, _ in item }, [])
    }

    /// `mapWhileProducing` over `0..<count`, handed over `batch` at a time (pausing `pause` seconds after each), each
    /// worker's state 7, results in `order`.
    private func produced<T>(_ count: Int, batch: Int, order: [Int], pause: Double = 0,
                             _ transform: @escaping (Int, Int) -> T) -> [T] {
        LargeStack.mapWhileProducing(
            makeState: { 7 }, finish: { _ in },
            produce: { publish in
                for start in stride(from: 0, to: count, by: batch) {
                    publish(Array(start..<min(count, start + batch)))
                    if pause > 0 { Thread.sleep(forTimeInterval: pause) }
                }
            },
            order: { batches in
                XCTAssertEqual(Array(batches.joined()), Array(0..<count))
                return order
            }, transform)
    }

    /// Files are read while the walk goes on: a tree of 300 directories (the workers switch directories all the time)
    /// with a symbolic link to a directory must read as the serial walk's files, each
    /// read on its own, in glob's order, from a thread with a small stack (every worker a thread) and a large one.
    func testDirectoryReadWhileWalkingEqualsTheSerialWalkFileByFile() throws {
        let root = try makeTemporaryDirectory(self)
        let outside = try makeTemporaryDirectory(self)
        for number in 0..<300 {
            let files = number % 50 == 0 ? 30 : 1
            for file in 0..<files {
                try write("module.exports = { id: 'd\(number)f\(file)', class: 'team', name: 'T' };",
                          to: root.appendingPathComponent("d\(number / 10)/d\(number)/f\(file).js"))
            }
        }
        try write("module.exports = { id: 'outside', class: 'team' };", to: outside.appendingPathComponent("x.js"))
        try write("module.exports = { id: 'deeper' };", to: outside.appendingPathComponent("deeper/y.js"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("d3/linked"), withDestinationURL: outside)
        let base = root.standardizedFileURL.path
        let found = ConfigFileFinder.files(in: base)
        XCTAssertTrue(found.allSatisfy { $0.listing != nil }, "every file is opened by its name in its directory")
        let serial = GlobOrder.order(found.map(\.path), rootLength: base.utf8.count).map { found[$0].path }
        XCTAssertTrue(serial.contains(base + "/d3/linked/x.js"))
        XCTAssertFalse(serial.contains(base + "/d3/linked/deeper/y.js"))
        let alone = LargeStack.run { serial.map { ConfigReader().readFile(at: $0) } }
        for read in [ConfigReader().readDirectory(at: root.path), LargeStack.run { ConfigReader().readDirectory(at: root.path) }] {
            XCTAssertEqual(read.files.map(\.path), serial)
            XCTAssertEqual(read.files.map { $0.objects.map { JSONOutput.stringify($0.value) } },
                           alone.map { $0.objects.map { JSONOutput.stringify($0.value) } })
            XCTAssertEqual(read.files.map(\.diagnostics), alone.map(\.diagnostics))
        }
    }

    /// Paths are put in glob's order by one stable sort (while the files are read): the order must be the one
    /// a plain stable sort gives with the comparison taken from `GlobOrder.order` on each pair alone, with names
    /// that tie on everything but case, and repeated names (up to 32 letters: keys compare eight bytes at a time).
    func testGlobOrderEqualsOneStableSortOfPairs() {
        var seed: UInt64 = 42
        let letters = Array("aAbB_-.1/ é")
        let paths = (0..<5_000).map { _ in
            let length = 1 + Int(seed >> 59)
            var name = ""
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                name.append(letters[Int(seed >> 33) % letters.count])
            }
            return "/root/" + name + ".js"
        }
        let rootLength = "/root".utf8.count
        let plain = paths.indices.sorted { left, right in
            GlobOrder.order([paths[right], paths[left]], rootLength: rootLength) == [1, 0]
        }
        XCTAssertEqual(GlobOrder.order(paths, rootLength: rootLength), plain)
        let ascii = paths.map { $0.replacingOccurrences(of: "é", with: "e") }
        let plainASCII = ascii.indices.sorted { left, right in
            GlobOrder.order([ascii[right], ascii[left]], rootLength: rootLength) == [1, 0]
        }
        XCTAssertEqual(GlobOrder.order(ascii, rootLength: rootLength), plainASCII)
    }

    /// A background job's body lets go of what it holds on its own thread once it ran: the value is freed, and not
    /// on the caller's thread.
    func testABackgroundJobFreesWhatItHeldOnItsOwnThread() {
        final class Watched: @unchecked Sendable {
            let freed: DispatchSemaphore
            let caller: Thread
            init(_ freed: DispatchSemaphore) { (self.freed, caller) = (freed, Thread.current) }
            deinit {
                WatchedResult.onCaller = Thread.current == caller
                freed.signal()
            }
        }
        let freed = DispatchSemaphore(value: 0)
        var watched: Watched? = Watched(freed)
        // The body waits until this thread let go, so the job holds the last reference.
        let go = DispatchSemaphore(value: 0)
        let job = LargeStack.Background { [watched] in
            go.wait()
            return withExtendedLifetime(watched) { 1 }
        }
        watched = nil
        go.signal()
        XCTAssertEqual(job.result(), 1)
        XCTAssertEqual(freed.wait(timeout: .now() + 60), .success)
        XCTAssertFalse(WatchedResult.onCaller)
    }

    /// An ASCII scalar's one-byte key is its weight's rank among the distinct weights, from 1.
    func testASCIIRanksAreTheWeightsPlacesAmongTheDistinctWeights() {
        let distinct = Set(GlobOrder.asciiWeights).sorted()
        XCTAssertEqual(GlobOrder.asciiRanks, GlobOrder.asciiWeights.map { UInt8(distinct.firstIndex(of: $0)! + 1) })
    }

    /// Glob's order comes from a merge sort of its own: it must equal the standard library's stable sort, for
    /// every count up to a few hundred and with many equal elements.
    func testGlobOrdersMergeSortEqualsTheStableSort() {
        var seed: UInt64 = 3
        for count in 0..<300 {
            let values = (0..<count).map { _ in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Int(seed >> 33) % 20
            }
            let plain = values.indices.sorted { values[$0] < values[$1] }
            XCTAssertEqual(GlobOrder.stableSorted(count) { values[$0] < values[$1] }, plain, "\(count)")
        }
    }

    /// Keys compare eight bytes at a time: the order must be the plain byte-by-byte one, for every length and
    /// wherever the first difference is (the bytes after a key are some other key's).
    func testKeysCompareByWordsAsByBytes() {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<20_000 {
            let a = (0..<next(20)).map { _ in UInt8(next(3)) }
            var b = Array(a.prefix(next(a.count + 1)))
            b += (0..<next(20)).map { _ in UInt8(next(3)) }
            let plain: Bool? = a == b ? nil : a.lexicographicallyPrecedes(b)
            let joined = a + b + [UInt8](repeating: 0xFF, count: GlobOrder.padding)
            joined.withUnsafeBufferPointer { bytes in
                let base = bytes.baseAddress!
                XCTAssertEqual(GlobOrder.precedes(base, a.count, base + a.count, b.count), plain, "\(a) \(b)")
            }
        }
    }

    /// Objects are decoded on every core, each finding its file by a binary search over where each file's
    /// objects start: the entries must be the plain walk over every file's objects, also around files without any.
    func testEntriesFollowEveryFilesObjectsInOrder() {
        let reader = ConfigReader()
        let counts = [0, 2, 0, 0, 3, 1, 0, 300, 0, 1]
        let files = counts.enumerated().map { file, count in
            let objects = (0..<count).map { "{ id: \"f\(file)o\($0)\", class: \"team\", name: \"T\(file) \($0)\" }" }
            return reader.read(contents: Array("module.exports = [\(objects.joined(separator: ", "))];".utf8), path: "/virtual/f\(file).js")
        }
        let plain = files.flatMap { file in file.objects.indices.map { "\(file.path) f\(file.path.dropFirst(10).dropLast(3))o\($0)" } }
        let entries = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: files)).entries
        XCTAssertEqual(entries.map { "\($0.file) \($0.id ?? "")" }, plain)
        XCTAssertEqual(entries.map(\.position), Array(plain.indices))
    }
}

/// Where the last `Watched` was freed (set in its deinit, read after its semaphore).
private enum WatchedResult {
    nonisolated(unsafe) static var onCaller = true
}
