#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings, made before any work starts.
enum AllocatorSettings {
    /// How the process uses memory, which decides the settings.
    enum Profile {
        /// A command that reads a config and exits (every command but the language server, which switches when it
        /// starts serving): its memory is kept to the end, so it is had in large steps.
        case batch
        /// The language server, which runs for hours: room freed after a check goes back to the system.
        case server
    }

    /// Room malloc adds when it makes a heap or grows the main one, for a batch command: a whole heap (64 MiB, glibc's
    /// `HEAP_MAX_SIZE` on 64-bit). glibc makes a thread's new heap usable up to this pad at once, but grows it past
    /// that only by what one allocation lacks, an `mprotect` of a page or two each time. Measured on tree-standard, 2 cores, against a 16 MiB pad (paired runs,
    /// medians of 15 at 10k, 7 above): `mprotect` calls at 50k 17,572 → 11, system time 540 → 456 ms; wall 10k
    /// +0.7 % (noise), large 10k −2.7 %, 50k −5.1 %, 100k −3.7 %; peak 132.3 → 136.7 MiB at 50k (free room up to the
    /// pad stays with each heap). Setting a pad also stops glibc raising its mmap threshold, so large freed buffers
    /// still go back to the system. Asking for transparent huge pages on each worker's heap as well cut page faults
    /// 4× and 10k runs by up to 6 % more, but made 100k runs 7 % slower on a new virtual machine (zeroing 2 MiB pages
    /// the host had not yet backed), so it is not done.
    static let batchTopPad: Int32 = 64 << 20
    /// The language server's pad: enough that a check's heaps grow in few steps (10k files: `mprotect` calls 6,158 →
    /// 190 against glibc's default), little enough that what it frees goes back.
    static let serverTopPad: Int32 = 16 << 20

    static func apply(_ profile: Profile) {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; -2 is its `M_TOP_PAD`.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-2, profile == .batch ? batchTopPad : serverTopPad)
        #endif
    }
}
