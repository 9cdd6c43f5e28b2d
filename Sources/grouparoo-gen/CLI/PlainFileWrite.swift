import Foundation

/// Creates a file with `open(O_CREAT | O_EXCL)` and plain writes. Foundation's `Data.write` on
/// Linux calls `fsync` for every file, which makes writing 10,000 small config files take a minute;
/// our writes are renamed or linked into place afterwards, so a crash leaves the old file or none.
enum PlainFileWrite {
    static func create(_ path: String, contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
