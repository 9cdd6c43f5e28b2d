import Foundation

/// Holds a command's large results until the process exits, so they are never freed one object
/// at a time: `main` calls `exit` right after the command returns and the system takes the memory
/// back at once. Freeing a 10k-file validation input costs ~70 M instructions on the main thread.
/// Only the latest value is held, so a process that runs many commands (the tests) does not grow.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var latest: Any?

    static func keep(_ value: Any) {
        var value: Any? = value
        lock.withLock { swap(&latest, &value) }
        // The previous value, now in `value`, is freed here, outside the lock.
    }
}
