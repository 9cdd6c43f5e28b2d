#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConfigModel

/// Reads again the files a run of diagnostics shows lines of, with as few system calls as the reader took.
/// Diagnostics come sorted by path, so a run meets a directory's files one after another: the directory is
/// opened once and each file by its name there (a one-component look-up, not the whole path). One directory
/// is open at a time, closed when the next one is needed or when the reader goes.
final class ShownFileReader {
    private let buffer = FileBytes.ReadBuffer()
    /// The last directory opened and its path's bytes (a descriptor of -1 when it could not be opened: its files are
    /// opened by their full paths, without trying the directory again for each).
    private var directory: (descriptor: Int32, path: [UInt8])?

    deinit { closeDirectory() }

    /// The file's current bytes, or nil when it cannot be read as a regular file now (as `FileBytes`).
    func contents(of path: String) -> [UInt8]? {
        // A diagnostic's span points into text that was read, and only regular files are: a file shorter than the
        // first read is taken whole without `fstat`, as the reader takes a listed file (a file edited since is
        // read as it is now; one swapped for a directory or device is refused, as a read fails or fills the buffer).
        let name = nameInDirectory(of: path)
        let bytes = FileBytes.contents(of: path, listedAsRegularFile: true, buffer: buffer, name: name)
        // Nothing read is also what a FIFO or /dev/null in the file's place gives: `fstat` tells an empty file apart.
        return bytes?.isEmpty == true ? FileBytes.contents(of: path, name: name) : bytes
    }

    /// Where the file's name starts in the open directory of its path, opening that directory first when it is
    /// not the open one; nil (the full path is opened) when the path has no directory or it cannot be opened.
    private func nameInDirectory(of path: String) -> FileBytes.NameInDirectory? {
        var path = path
        // On the path's bytes: the String views' generic walks cost more than the look-up they save.
        guard let slash = path.withUTF8({ $0.lastIndex(of: UInt8(ascii: "/")) }), slash > 0 else { return nil }
        // Compared as bytes: `String ==` takes canonically equivalent spellings, which name other directories, as equal.
        let isOpen = path.withUTF8 { bytes in
            directory.map { $0.path.count == slash && memcmp($0.path, bytes.baseAddress!, slash) == 0 } ?? false
        }
        if !isOpen {
            closeDirectory()
            let directoryPath = path.withUTF8 { Array($0[..<slash]) }
            // The bytes end before a "/" of a valid string: decoding them changes nothing.
            let descriptor = String(decoding: directoryPath, as: UTF8.self).withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            directory = (descriptor, directoryPath)
        }
        guard let descriptor = directory?.descriptor, descriptor >= 0 else { return nil }
        return FileBytes.NameInDirectory(directory: descriptor, nameStart: slash + 1)
    }

    private func closeDirectory() {
        if let descriptor = directory?.descriptor, descriptor >= 0 { close(descriptor) }
        directory = nil
    }
}
