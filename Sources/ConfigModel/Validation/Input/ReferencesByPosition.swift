/// Every entry's references (`ReferenceCollector`), indexed by entry position, in one array: an array per
/// entry cost its header and the room appending left, about 60 bytes an object, kept for the whole run.
public struct ReferencesByPosition: RandomAccessCollection, Sendable {
    private let all: [ConfigReference]
    /// Entry `p`'s references are `all[starts[p]..<starts[p + 1]]`.
    private let starts: [Int]

    /// `lists[p]` holds entry `p`'s references. A large config's lists are copied in two halves at once, the second
    /// on another core: the copying is the largest part of a serial stage.
    init<Lists: RandomAccessCollection<[ConfigReference]>>(_ lists: Lists) where Lists.Index == Int {
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts[starts.count - 1] + list.count) }
        all = [ConfigReference](unsafeUninitializedCapacity: starts[starts.count - 1]) { buffer, initialized in
            let base = buffer.baseAddress
            func copy(_ positions: Range<Int>) {
                for position in positions {
                    lists[lists.startIndex + position].withUnsafeBufferPointer { list in
                        guard let source = list.baseAddress else { return }
                        (base! + starts[position]).initialize(from: source, count: list.count)
                    }
                }
            }
            if lists.count >= Self.halvesFrom {
                let middle = lists.count / 2
                let second = LargeStack.Background { copy(middle..<lists.count) }
                copy(0..<middle)
                second.result()
            } else {
                copy(0..<lists.count)
            }
            initialized = starts[starts.count - 1]
        }
        self.starts = starts
    }

    /// Configs with at least this many objects copy their lists in two halves at once (for fewer, a thread costs
    /// more than it saves).
    static let halvesFrom = 4096

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> ArraySlice<ConfigReference> { all[starts[position]..<starts[position + 1]] }
}
