#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file straight into bytes with `open`/`read`: the reader reads every config file once,
/// and `FileManager.contents(atPath:)` costs a `Data` plus a copy into an array each time.
public enum FileBytes {
    /// Bytes the first read asks for when the directory listing said the file is regular; config files are smaller.
    static let firstReadSize = 16 << 10

    /// Space for the first read of each file, reused by one thread for every file it reads (allocating it for
    /// each file left a hole in the heap per file).
    public final class ReadBuffer {
        fileprivate let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: FileBytes.firstReadSize)

        public init() {}

        deinit { bytes.deallocate() }
    }

    /// A listed file's open directory and where its name starts in its path. Opened relative to that directory, a
    /// file's path is looked up one component deep instead of from `/` (the kernel's path walk was ~2 % of the CPU
    /// time of a 10k-file run, as much as reading the bytes).
    public struct NameInDirectory: Sendable {
        let directory: Int32
        let nameStart: Int
    }

    /// Why a file's bytes could not be had.
    public enum Failure: Error, Equatable {
        /// `open` or `read` failed with this `errno`.
        case system(Int32)
        /// A directory, device, FIFO or socket in the file's place.
        case notRegularFile

        /// Says why, for a diagnostic: "Permission denied", "Too many open files", "not a regular file".
        public var reason: String {
            switch self {
            case .system(let number): String(cString: strerror(number))
            case .notRegularFile: "not a regular file"
            }
        }
    }

    /// The file's bytes, or nil when `bytes(of:…)` fails.
    public static func contents(of path: String, listedAsRegularFile: Bool = false, buffer: ReadBuffer? = nil,
                                name: NameInDirectory? = nil) -> [UInt8]? {
        try? bytes(of: path, listedAsRegularFile: listedAsRegularFile, buffer: buffer, name: name).get()
    }

    /// The file's bytes, or why it cannot be opened or read or is not a regular file (as `FileManager`).
    /// `listedAsRegularFile`: the directory listing (`readdir`'s entry type) said so. With a `buffer`, a file
    /// shorter than `firstReadSize` but not empty is then read without `fstat` (open, one read, close: system calls
    /// are most of the cost of a small file); a longer or empty one is checked like any other, so a path swapped for
    /// a device or FIFO since is still refused. `name`: where the listing found the file, to open it by its name alone.
    public static func bytes(of path: String, listedAsRegularFile: Bool = false, buffer: ReadBuffer? = nil,
                             name: NameInDirectory? = nil) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: a FIFO named like a config file must not hang the reader (it is then refused as not regular).
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        let descriptor = path.withCString { full in
            guard let name else { return open(full, flags) }
            return openat(name.directory, full + name.nameStart, flags)
        }
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        // The start of the file already read into the thread's buffer, when the first read filled it.
        var started: UnsafeMutableBufferPointer<UInt8>?
        if listedAsRegularFile, let buffer {
            switch firstRead(descriptor, into: buffer.bytes) {
            case .whole(let whole): return .success(whole)
            case .nothing: break  // checked below: a FIFO swapped in since the listing also reads as nothing
            case .filled: started = buffer.bytes
            case .failed(let number): return .failure(.system(number))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegularFile) }
        // The size is a hint: one spare byte tells whether the file grew since `fstat`, then reading goes on.
        // A read of a regular file returns fewer bytes than asked for only at its end (POSIX; a signal
        // could also cut one short, and none of ours interrupts reads), so a short read ends the file
        // without one more `read` to see 0: a system call less for every file.
        var chunk = max(Int(status.st_size) - (started?.count ?? 0), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failure: Int32?
            var reachedEnd = false
            let length = (started?.count ?? 0) + chunk
            // Read straight into the new array's uninitialised room (no zero-filling), after the bytes the first read
            // got: a large file is one array of its size, not pieces joined.
            let piece = [UInt8](unsafeUninitializedCapacity: length) { room, filled in
                filled = 0
                if let started {
                    room.baseAddress!.initialize(from: started.baseAddress!, count: started.count)
                    filled = started.count
                }
                while filled < length {
                    let count = read(descriptor, room.baseAddress! + filled, length - filled)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    if count <= 0 { reachedEnd = true; break }
                    filled += count
                    if filled < length { reachedEnd = true; break }
                }
            }
            started = nil
            if let failure { return .failure(.system(failure)) }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if reachedEnd { return .success(bytes) }
            chunk = max(chunk, 4096)
        }
    }

    private enum FirstRead {
        case whole([UInt8])
        /// The read got no bytes: an empty file, or something else in its place.
        case nothing
        /// The read filled the buffer: the file may go on.
        case filled
        /// `read` failed with this `errno`.
        case failed(Int32)
    }

    private static func firstRead(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> FirstRead {
        var count: Int
        repeat { count = read(descriptor, buffer.baseAddress!, buffer.count) } while count < 0 && errno == EINTR
        guard count >= 0 else { return .failed(errno) }
        guard count > 0 else { return .nothing }
        guard count < buffer.count else { return .filled }
        // Copied to an array of the exact size: the bytes live as long as the file's values.
        return .whole(Array(buffer[..<count]))
    }
}
