#if canImport(Glibc)
import Glibc
#endif

/// Room for the files a run holds open at once: each reading worker one file and its directory, the walk a directory,
/// libdispatch a few, the standard streams. Under a lower `ulimit -n` reads failed at random and libdispatch trapped.
enum OpenFileLimit {
    static let needed = 32

    /// Raises the soft limit to `needed` when it is lower and the hard limit allows; otherwise says why the run cannot
    /// go on (nil when it can).
    static func ensureRoom() -> String? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(needed) else { return nil }
        let soft = limit.rlim_cur
        if limit.rlim_max >= rlim_t(needed) {
            limit.rlim_cur = rlim_t(needed)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { return nil }
        }
        return "error: grouparoo-gen needs to hold \(needed) files open at once, and `ulimit -n` is \(soft)\n"
    }
}
