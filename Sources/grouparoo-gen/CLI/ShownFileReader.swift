import ConfigModel

/// Reads again the files a run of diagnostics shows lines of as the reader reads a listed file: a small one takes
/// open, one read into the run's buffer, close.
struct ShownFileReader {
    private let buffer = FileBytes.ReadBuffer()

    /// The file's current bytes, or nil when it cannot be read as a regular file now (as `FileBytes`).
    func contents(of path: String) -> [UInt8]? {
        // A diagnostic's span points into text that was read, and only regular files are: a file shorter than the
        // first read is taken whole without `fstat`, as the reader takes a listed file (a file edited since is
        // read as it is now; one swapped for a directory or device is refused, as a read fails or fills the buffer).
        let bytes = FileBytes.contents(of: path, listedAsRegularFile: true, buffer: buffer)
        // Nothing read is also what a FIFO or /dev/null in the file's place gives: `fstat` tells an empty file apart.
        return bytes?.isEmpty == true ? FileBytes.contents(of: path) : bytes
    }
}
