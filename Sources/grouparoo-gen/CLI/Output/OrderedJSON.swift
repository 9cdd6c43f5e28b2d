import ConfigModel

/// A JSON value whose object members keep the order they were written in, so machine-readable
/// reports are byte-for-byte reproducible and diff cleanly. It is written as `JSON.stringify(value, null, 2)`
/// writes it, strings through `JSONOutput`'s escaper; report keys are distinct names, never array indexes
/// JavaScript would reorder, so members are written in order.
enum OrderedJSON {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])
    /// An array of `count` elements made only while it is written, in runs on every core: a report's
    /// long list (a result per diagnostic) is never held whole, as values or as text.
    case elements(count: Int, element: @Sendable (Int) -> OrderedJSON)

    /// `.string` for a value, `.null` for nil: optional fields stay present with a null.
    static func string(_ text: String?) -> OrderedJSON { text.map { .string($0) } ?? .null }
    static func int(_ number: Int?) -> OrderedJSON { number.map { .int($0) } ?? .null }

    /// Pretty-printed with two spaces per level, as `JSON.stringify(value, null, 2)` would.
    func rendered() -> String {
        var text = ""
        write { text += $0 }
        return text
    }

    /// `rendered()`'s text handed to `sink` in pieces.
    func write(to sink: (String) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var rendering = JSONRendering(sink: sink)
            rendering.append(self, depth: 0)
            sink(String(decoding: rendering.bytes, as: UTF8.self))
        }
    }
}

/// `OrderedJSON` written as UTF-8 bytes.
private struct JSONRendering {
    var bytes: [UInt8] = []
    /// Takes the bytes so far before `.elements` hands it its runs; without one, they are written here.
    let sink: ((String) -> Void)?

    mutating func append(_ value: OrderedJSON, depth: Int) {
        switch value {
        case .null: bytes.append(ascii: "null")
        case .bool(let flag): bytes.append(ascii: flag ? "true" : "false")
        case .int(let number): append(number)
        case .string(let text): JSONOutput.appendQuoted(text, to: &bytes)
        case .array(let elements): appendArray(count: elements.count, depth: depth) { elements[$0] }
        case .object(let members):
            guard !members.isEmpty else { return bytes.append(ascii: "{}") }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendLineBreak(depth: depth + 1)
                JSONOutput.appendQuoted(member.key, to: &bytes)
                bytes.append(ascii: ": ")
                append(member.value, depth: depth + 1)
            }
            appendLineBreak(depth: depth)
            bytes.append(UInt8(ascii: "}"))
        case .elements(let count, let element):
            guard let sink else { return appendArray(count: count, depth: depth, element) }
            guard count > 0 else { return bytes.append(ascii: "[]") }
            bytes.append(UInt8(ascii: "["))
            sink(String(decoding: bytes, as: UTF8.self))
            bytes.removeAll(keepingCapacity: true)
            ParallelWork.renderInOrder(ParallelWork.runs(count: count, size: ParallelWork.itemsPerRun), { run in
                var rendering = JSONRendering(sink: nil)
                rendering.appendElements(run, depth: depth + 1, element)
                return String(decoding: rendering.bytes, as: UTF8.self)
            }, to: sink)
            appendLineBreak(depth: depth)
            bytes.append(UInt8(ascii: "]"))
        }
    }

    private mutating func appendArray(count: Int, depth: Int, _ element: (Int) -> OrderedJSON) {
        guard count > 0 else { return bytes.append(ascii: "[]") }
        bytes.append(UInt8(ascii: "["))
        appendElements(0..<count, depth: depth + 1, element)
        appendLineBreak(depth: depth)
        bytes.append(UInt8(ascii: "]"))
    }

    /// Elements at `depth`, each on a line of its own, with the comma before every one but an array's first.
    private mutating func appendElements(_ indices: Range<Int>, depth: Int, _ element: (Int) -> OrderedJSON) {
        for index in indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendLineBreak(depth: depth)
            append(element(index), depth: depth)
        }
    }

    private mutating func appendLineBreak(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        var width = 2 * depth
        while width > 0 {
            let piece = min(width, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<piece])
            width -= piece
        }
    }

    /// Indentation is copied from here (appending a `repeatElement` went byte by byte).
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    /// As JavaScript writes the number: digits while a double holds it exactly, its own format beyond.
    private mutating func append(_ number: Int) {
        if number.magnitude < 1 << 53 { return bytes.append(decimal: number) }
        bytes.append(contentsOf: JSONOutput.stringify(.number(Double(number)))!.utf8)
    }
}
