/// Every entry's references (`ReferenceCollector`), indexed by entry position, in one array: an array per
/// entry cost its header and the room appending left, about 60 bytes an object, kept for the whole run.
public struct ReferencesByPosition: RandomAccessCollection, Sendable {
    private let all: [ConfigReference]
    /// Entry `p`'s references are `all[starts[p]..<starts[p + 1]]`.
    private let starts: [Int]

    /// `lists[p]` holds entry `p`'s references.
    init(_ lists: some Collection<[ConfigReference]>) {
        var all: [ConfigReference] = []
        all.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var starts = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists {
            all.append(contentsOf: list)
            starts.append(all.count)
        }
        self.all = all
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> ArraySlice<ConfigReference> { all[starts[position]..<starts[position + 1]] }
}
