import Foundation

/// R-LOAD-01/02: the files Grouparoo's glob `**/+(*.json|*.js)` matches, in its order.
enum ConfigFileFinder {
    static func files(in root: String) -> [String] {
        var found: [String] = []
        collect(directory: root, into: &found)
        return found.sorted(by: GlobOrder.precedes)
    }

    /// Walks real directories only: like glob's `**`, symlinked directories are not entered,
    /// while symlinked files are matched. Names starting with `.` are skipped (`dot: false`).
    private static func collect(directory: String, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            if type == .typeDirectory {
                collect(directory: path, into: &found)
            } else if name.hasSuffix(".js") || name.hasSuffix(".json") {
                if type == .typeSymbolicLink {
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                }
                found.append(path)
            }
        }
    }
}

/// An approximation of `String.prototype.localeCompare` (ICU root collation), which glob v7
/// sorts with: punctuation before digits before letters, letters compared without case first.
enum GlobOrder {
    private static let punctuationOrder: [Unicode.Scalar] = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    static func precedes(_ left: String, _ right: String) -> Bool {
        let a = Array(left.unicodeScalars)
        let b = Array(right.unicodeScalars)
        for (x, y) in zip(a, b) where weight(x) != weight(y) {
            return weight(x) < weight(y)
        }
        if a.count != b.count { return a.count < b.count }
        // Equal ignoring case: lower case sorts first, as in ICU's tertiary level.
        for (x, y) in zip(a, b) where x != y {
            let xLower = x.properties.isLowercase
            let yLower = y.properties.isLowercase
            if xLower != yLower { return xLower }
            return x.value < y.value
        }
        return false
    }

    private static func weight(_ scalar: Unicode.Scalar) -> UInt32 {
        if let index = punctuationOrder.firstIndex(of: scalar) { return 0x100 + UInt32(index) }
        if scalar == " " { return 0x50 }
        if ("0"..."9").contains(scalar) { return 0x200 + scalar.value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        if ("a"..."z").contains(lower) { return 0x300 + lower.value }
        return 0x1000 + lower.value
    }
}

/// Runs work on a thread with a large stack, so deeply nested (but within limits)
/// input never overflows the small stacks of secondary threads.
enum LargeStack {
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedSendable(body)
        let thread = Thread {
            box.value = work.value()
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        return box.value!
    }

    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
