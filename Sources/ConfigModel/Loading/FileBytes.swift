#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file straight into bytes with `open`/`read`: the reader reads every config file once,
/// and `FileManager.contents(atPath:)` costs a `Data` plus a copy into an array each time.
public enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read or is not a regular file (as `FileManager`).
    public static func contents(of path: String) -> [UInt8]? {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // O_NONBLOCK: a FIFO named like a config file must not hang the reader (it is then refused as not regular).
        // The size is a hint: one spare byte tells whether the file grew since `fstat`, then reading goes on.
        var bytes: [UInt8] = []
        var chunk = max(Int(status.st_size), 0) + 1
        while true {
            var failed = false
            var reachedEnd = false
            // Read straight into the new array's uninitialised room (no zero-filling, no copy).
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, filled in
                filled = 0
                while filled < chunk {
                    let count = read(descriptor, buffer.baseAddress! + filled, chunk - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failed = true }
                    if count <= 0 { reachedEnd = true; break }
                    filled += count
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if reachedEnd { return bytes }
            chunk = max(chunk, 4096)
        }
    }
}
