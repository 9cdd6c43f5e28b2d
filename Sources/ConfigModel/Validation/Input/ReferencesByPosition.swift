/// Every entry's references (`ReferenceCollector`), indexed by entry position, in one array: an array per
/// entry cost its header and the room appending left, about 60 bytes an object, kept for the whole run.
public struct ReferencesByPosition: RandomAccessCollection, Sendable {
    private let all: [ConfigReference]
    /// Entry `p`'s references are `all[starts[p]..<starts[p + 1]]`.
    private let starts: [Int]

    /// `lists[p]` holds entry `p`'s references, in memory of its own (`ScratchStack.moveOutBuffer`): each list is
    /// moved in and its memory deallocated (copied from an `Array`, every reference was retained, then released with
    /// the array). A large config's lists are moved in two halves at once, the second on another core: this is the
    /// largest part of a serial stage.
    init<Lists: RandomAccessCollection<UnsafeMutableBufferPointer<ConfigReference>>>(movingFrom lists: Lists)
    where Lists.Index == Int {
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts[starts.count - 1] + list.count) }
        all = [ConfigReference](unsafeUninitializedCapacity: starts[starts.count - 1]) { buffer, initialized in
            let base = buffer.baseAddress
            func move(_ positions: Range<Int>) {
                for position in positions {
                    let list = lists[lists.startIndex + position]
                    guard let source = list.baseAddress else { continue }
                    (base! + starts[position]).moveInitialize(from: source, count: list.count)
                    list.deallocate()
                }
            }
            if lists.count >= Self.halvesFrom {
                let middle = lists.count / 2
                let second = LargeStack.Background { move(middle..<lists.count) }
                move(0..<middle)
                second.result()
            } else {
                move(0..<lists.count)
            }
            initialized = starts[starts.count - 1]
        }
        self.starts = starts
    }

    /// Configs with at least this many objects move their lists in two halves at once (for fewer, a thread costs
    /// more than it saves).
    static let halvesFrom = 4096

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> ArraySlice<ConfigReference> { all[starts[position]..<starts[position + 1]] }
}
