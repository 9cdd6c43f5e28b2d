#if canImport(Glibc)
import Glibc
#endif
import ConfigModel

/// glibc malloc settings made once, before any work starts, and the advice each worker thread gives its heap.
enum AllocatorSettings {
    /// What a thread's heap can hold at most in 64-bit glibc (`HEAP_MAX_SIZE`); each heap is aligned to it.
    static let heapSize = 64 << 20

    /// How the process uses memory, which decides the settings.
    enum Profile {
        /// A command that reads a config and exits: its memory is kept to the end, so it is had in large steps.
        case batch
        /// The language server, which runs for hours: room freed after a check goes back to the system.
        case server
    }

    /// Room malloc adds when it makes a heap or grows the main one, for a batch command: a whole heap. glibc makes a
    /// thread's new heap usable up to this pad at once, but grows it past that only by what one allocation lacks, an
    /// `mprotect` of a page or two each time. Measured on tree-standard, 2 cores, paired runs (medians): with a 16 MiB
    /// pad the 50k tree made 17,572 `mprotect` calls (now 11); 11 runs: large 10k −8.0 %, 50k −8.4 % wall; peak 132.7
    /// → 136.6 MiB at 50k (free room up to the pad stays with each heap). Setting a pad also stops glibc raising its
    /// mmap threshold, so large freed buffers still go back to the system.
    static let batchTopPad = Int32(heapSize)
    /// The language server's pad: enough that a check's heaps grow in few steps (10k files: `mprotect` calls 6,158 →
    /// 190 against glibc's default), little enough that what it frees goes back.
    static let serverTopPad: Int32 = 16 << 20

    static func apply(_ profile: Profile) {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; -2 is its `M_TOP_PAD`.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-2, profile == .batch ? batchTopPad : serverTopPad)
        if profile == .batch { LargeStack.workerStart = adviseHugePages }
        #endif
    }

    /// What `adviseHugePages` allocates to find the heap: this much comes from the heap's unused room, where the
    /// thread's next allocations come from, not from a freed piece of another heap of its arena (a small one may).
    static let probeSize = 100 << 10

    /// Asks Linux to back the calling thread's heap with 2 MiB pages (transparent huge pages, which kernels set to
    /// `madvise` give only where asked): each 4 KiB page a heap first touched was a page fault. A thread's heap is
    /// the `heapSize`-aligned block its allocations lie in; a pointer below the program break is the main heap's,
    /// which is left as it is. The advice is only a hint: a wrong guess costs nothing. A heap's first 2 MiB, touched
    /// before its thread could ask, keeps small pages. Measured like `batchTopPad` (21 runs; 7 at 50k), both
    /// settings against neither: page faults 7,002 → 1,640 (10k), 36,521 → 5,585 (50k); wall standard −6.9 %,
    /// large −13.9 %, 50k −15.7 %; peak +1.6, +2.9, +6.4 MiB.
    @Sendable static func adviseHugePages() {
        #if canImport(Glibc)
        guard let allocation = malloc(probeSize) else { return }
        defer { free(allocation) }
        let address = UInt(bitPattern: allocation)
        if let programBreak = sbrk(0), address < UInt(bitPattern: programBreak) { return }
        let heap = UnsafeMutableRawPointer(bitPattern: address & ~UInt(heapSize - 1))
        _ = madvise(heap, heapSize, MADV_HUGEPAGE)
        #endif
    }
}
