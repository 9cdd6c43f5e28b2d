#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings made once, before any work starts.
enum AllocatorSettings {
    /// Room malloc adds whenever a heap grows. glibc grows a thread's heap (every core reads and checks files on a
    /// thread of its own) only by what one allocation lacks, one `mprotect` a few pages at a time: ~6,000 system calls
    /// for a 10k-file `validate`. With this pad a thread's heap is usable in full (64 MiB, glibc's most) from the
    /// start, and the main heap grows in steps of 64 MiB. Room never touched costs no memory (peak RSS unchanged);
    /// free room up to the pad stays with the process instead of going back to the system.
    /// MEASURED
    static let topPad: Int32 = 64 << 20

    static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; -2 is its `M_TOP_PAD`.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-2, topPad)
        #endif
    }
}
