#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings made once, before any work starts.
enum AllocatorSettings {
    /// Room malloc adds when it makes or grows a heap. glibc grows a thread's heap (files are read and checked on a
    /// thread per core) only by what one allocation lacks, one `mprotect` a few pages at a time; a new heap made with
    /// this pad is usable to 16 MiB at once. Measured on tree-standard (calls: strace; kernel time: perf, median of 7
    /// interleaved runs; faults and peak: median of 5 (10k) and 3 (50k) runs, 2 cores): 10k files: mprotect calls
    /// 6,158 → 190, their kernel time 15.7 → 0.2 ms, page faults 9,462 → 9,091, peak RSS 48.5 → 49.0 MB; 50k
    /// files: mprotect calls 30,303 → 19,231, peak RSS 181.0 → 179.4 MB (setting the pad also stops glibc raising
    /// its mmap threshold, so large freed buffers go back to the system). A 64 MiB pad saves nearly every call but
    /// raised the 50k peak by 8 MB: free room up to the pad stays with each heap.
    static let topPad: Int32 = 16 << 20

    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; -2 is its `M_TOP_PAD`.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-2, topPad)
        #endif
    }
}
