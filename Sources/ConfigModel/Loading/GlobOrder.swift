import Foundation

/// An approximation of `String.prototype.localeCompare` (ICU root collation), which glob v7
/// sorts with: punctuation before digits before letters, letters compared without case first,
/// then lower case before upper case.
enum GlobOrder {
    private static let punctuationOrder: [Unicode.Scalar] = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    /// Primary weights of every ASCII scalar, computed once (the sort compares each path many times).
    static let asciiWeights: [UInt32] = (0..<128).map { weight(Unicode.Scalar(UInt8($0))) }

    /// Ranks of the ASCII weights, from 1: when every path is ASCII, a scalar's weight fits in one byte.
    /// One pass over the scalars in weight order (a search of the distinct weights for each cost more at start-up than
    /// ordering a small config's files).
    static let asciiRanks: [UInt8] = {
        let weights = asciiWeights
        var ranks = [UInt8](repeating: 0, count: weights.count)
        var (rank, previous): (UInt8, UInt32?) = (0, nil)
        for scalar in weights.indices.sorted(by: { weights[$0] < weights[$1] }) {
            if weights[scalar] != previous { (rank, previous) = (rank + 1, weights[scalar]) }
            ranks[scalar] = rank
        }
        return ranks
    }()

    /// The indices of `paths`, which all start with the same `rootLength` bytes, in glob's order (a stable sort).
    /// Each path's primary weights are laid out one after another in one buffer, one byte each (its ASCII
    /// rank) or, when some path is not ASCII, three bytes, most significant first, so keys compare as plain
    /// bytes, eight at a time. They leave the root out (shorter keys compare faster; the tiebreak's equal prefixes
    /// change nothing). The case tiebreak is worked out only for keys that tie.
    static func order(_ paths: [String], rootLength: Int) -> [Int] {
        let (keys, starts) = asciiKeys(paths, rootLength: rootLength) ?? scalarKeys(paths, rootLength: rootLength)
        return keys.withUnsafeBufferPointer { keys in
            starts.withUnsafeBufferPointer { starts in
                let base = keys.baseAddress!
                let precedes = { (left: Int, right: Int) -> Bool in
                    let (leftStart, rightStart) = (starts[left], starts[right])
                    return Self.precedes(base + leftStart, starts[left + 1] - leftStart,
                                         base + rightStart, starts[right + 1] - rightStart)
                        ?? caseTiebreak(paths[left], paths[right])
                }
                return stableSorted(paths.count, by: precedes)
            }
        }
    }

    /// `0..<count` in the order `precedes` gives, equal elements as they were: a bottom-up merge sort written out
    /// so that the comparison is inlined (the standard library's sort called it, some 130,000 times for 10,000 files).
    @inline(__always)
    static func stableSorted(_ count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        var source = Array(0..<count)
        var target = source
        var width = 1
        while width < count {
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    for start in stride(from: 0, to: count, by: 2 * width) {
                        let (middle, end) = (min(start + width, count), min(start + 2 * width, count))
                        var (left, right, next) = (start, middle, start)
                        while left < middle && right < end {
                            // The right one goes first only when it strictly precedes: equal ones keep their order.
                            if precedes(source[right], source[left]) {
                                target[next] = source[right]
                                right += 1
                            } else {
                                target[next] = source[left]
                                left += 1
                            }
                            next += 1
                        }
                        for index in left..<middle { target[next] = source[index]; next += 1 }
                        for index in right..<end { target[next] = source[index]; next += 1 }
                    }
                }
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }

    /// Zero bytes after the last key, so a key's last word can be loaded whole.
    static let padding = 8

    /// The one-byte keys (ASCII ranks) of every path after the root, one after another, and where each
    /// starts; nil when some path is not ASCII. Written through pointers in one pass: this runs for every
    /// file found, before any is read.
    private static func asciiKeys(_ paths: [String], rootLength: Int) -> (keys: [UInt8], starts: [Int])? {
        var starts = [0]
        starts.reserveCapacity(paths.count + 1)
        let length = paths.reduce(0) { $0 + $1.utf8.count - rootLength }
        var isASCII = true
        let keys = asciiRanks.withUnsafeBufferPointer { ranks in
            [UInt8](unsafeUninitializedCapacity: length + padding) { buffer, count in
                var next = buffer.baseAddress!
                for path in paths where isASCII {
                    // Read in place (a native string's bytes always are; any other takes the three-byte keys).
                    let read: Void? = path.utf8.withContiguousStorageIfAvailable { bytes in
                        for byte in UnsafeBufferPointer(rebasing: bytes[rootLength...]) {
                            guard byte < 0x80 else { return isASCII = false }
                            next.initialize(to: ranks[Int(byte)])
                            next += 1
                        }
                    }
                    if read == nil { isASCII = false }
                    starts.append(next - buffer.baseAddress!)
                }
                count = next - buffer.baseAddress!
                (buffer.baseAddress! + count).initialize(repeating: 0, count: padding)
                count += padding
            }
        }
        return isASCII ? (keys, starts) : nil
    }

    /// The three-byte keys of every path after the root, one after another, and where each starts.
    private static func scalarKeys(_ paths: [String], rootLength: Int) -> (keys: [UInt8], starts: [Int]) {
        var keys: [UInt8] = []
        var starts = [0]
        for path in paths {
            keys += weights(Substring(path.utf8.dropFirst(rootLength)), weight).dropLast(padding)
            starts.append(keys.count)
        }
        keys += repeatElement(0, count: padding)
        return (keys, starts)
    }

    /// Whether the `aCount` bytes at `a` sort before the `bCount` bytes at `b`, nil when they are equal. Compared
    /// a word at a time, turned big-endian only for the word that differs (the bytes after each run are readable:
    /// other keys, or the padding). Inlined into the sort's comparison, which runs some 130,000 times for 10,000 files.
    @inline(__always)
    static func precedes(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Bool? {
        let common = min(aCount, bCount)
        var offset = 0
        while offset < common {
            var x = UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
            var y = UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
            if x != y {
                (x, y) = (x.bigEndian, y.bigEndian)
                let left = common - offset
                if left < 8 {  // Only the first `left` bytes belong to both keys.
                    let shift = UInt64(8 * (8 - left))
                    (x, y) = (x >> shift, y >> shift)
                }
                if x != y { return x < y }
                break
            }
            offset += 8
        }
        return aCount == bCount ? nil : aCount < bCount
    }

    /// Whether `left` sorts before `right` when their primary weights are equal. Out of line: it is rarely
    /// needed, and kept in, it made the comparison too large to inline into the sort.
    @inline(never)
    private static func caseTiebreak(_ left: String, _ right: String) -> Bool {
        tiebreak(left).withUnsafeBufferPointer { leftCase in
            tiebreak(right).withUnsafeBufferPointer { rightCase in
                precedes(leftCase.baseAddress!, leftCase.count - padding, rightCase.baseAddress!, rightCase.count - padding) ?? false
            }
        }
    }

    /// Lower case sorts before upper case, as in ICU's tertiary level.
    private static func tiebreak(_ text: String) -> [UInt8] {
        weights(Substring(text)) { scalar in
            if scalar.isASCII { return ("A"..."Z").contains(scalar) ? scalar.value + 0x100 : scalar.value }
            return scalar.properties.isLowercase ? scalar.value : scalar.value + 0x20_0000
        }
    }

    /// `weight` of every scalar of `text`, three bytes each (no weight reaches 2^24), then `padding` zero bytes.
    private static func weights(_ text: Substring, _ weight: (Unicode.Scalar) -> UInt32) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.utf8.count * 3 + padding) { buffer, count in
            for scalar in text.unicodeScalars {
                let value = weight(scalar)
                buffer[count] = UInt8(truncatingIfNeeded: value >> 16)
                buffer[count + 1] = UInt8(truncatingIfNeeded: value >> 8)
                buffer[count + 2] = UInt8(truncatingIfNeeded: value)
                count += 3
            }
            (buffer.baseAddress! + count).initialize(repeating: 0, count: padding)
            count += padding
        }
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
