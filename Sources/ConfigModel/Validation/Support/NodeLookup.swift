/// Finds the entry providing a dependency node `class:id` (the first object with that node id, R-DEP-01)
/// without spelling node ids out: among the entries with the id, the first of the class. Building and
/// hashing `class:id` for every reference of every object costs more than the rest of the lookup, and a
/// table of every object's node id cost ~130 bytes an object, kept for the whole run.
struct NodeLookup: Sendable {
    let entries: [ConfigEntry]
    /// Id → every entry with that id, in config order.
    let entriesByID: PositionsByID
    /// Node id → first entry with it, only for the entries whose node id `entriesByID` cannot find (see `isPlain`).
    let unusualNodes: [String: Int]

    /// `unusualPositions`: the positions of the entries that are not `isPlain`, in config order (found by the workers
    /// that made the entries: asking each entry here, on a serial stage, read every entry's object from memory).
    init(entries: [ConfigEntry], entriesByID: PositionsByID, unusualPositions: [Int]) {
        self.entries = entries
        self.entriesByID = entriesByID
        var unusual: [String: Int] = [:]
        for position in unusualPositions where unusual[entries[position].nodeID] == nil {
            unusual[entries[position].nodeID] = position
        }
        unusualNodes = unusual
    }

    /// For each entry, the position of the entry providing its node id: itself, unless an earlier entry has the
    /// same node id. Found from the entries sharing an id, not looked up for each: most ids name one entry.
    func entryProviders(unusualPositions: [Int]) -> [Int] {
        var providers = Array(entries.indices)
        for position in unusualPositions { providers[position] = unusualNodes[entries[position].nodeID]! }
        for positions in entriesByID.repeated {
            for (offset, position) in positions.enumerated().dropFirst() where Self.isPlain(entries[position]) {
                let targetClass = entries[position].cleanClass ?? "undefined"
                providers[position] = positions[..<offset].first { (entries[$0].cleanClass ?? "undefined") == targetClass }
                    ?? position
            }
        }
        return providers
    }

    /// The first entry whose node id is `"\(targetClass):\(targetID)"`.
    func provider(class targetClass: String, id targetID: String) -> Int? {
        // A node id with one `:` and an id other than `undefined` is only ever a plain entry's; any other
        // (a `:` on either side, or `undefined`, also the node id of every object without an id) only an unusual one's.
        guard Self.isPlain(class: targetClass, id: targetID) else { return unusualNodes["\(targetClass):\(targetID)"] }
        return entriesByID.first(withID: targetID) { (entries[$0].cleanClass ?? "undefined") == targetClass }
    }

    /// The first entry with this spelled-out node id.
    func provider(nodeID: String) -> Int? {
        let colon = UInt8(ascii: ":")
        guard let split = nodeID.utf8.firstIndex(of: colon) else { return nil }
        let targetClass = String(nodeID[..<split])
        let targetID = String(nodeID[nodeID.utf8.index(after: split)...])
        return provider(class: targetClass, id: targetID)
    }

    /// Whether the entry's node id splits at its one `:` into its class and an id `entriesByID` holds.
    static func isPlain(_ entry: ConfigEntry) -> Bool {
        guard let id = entry.id else { return false }
        // A class the dispatcher resolves is a class's name in some letter case, so it has no `:` (nearly every
        // entry's): only the id is searched.
        if entry.dispatchClass != nil { return !id.containsByte(UInt8(ascii: ":")) && id != "undefined" }
        return isPlain(class: entry.cleanClass ?? "undefined", id: id)
    }

    private static func isPlain(class targetClass: String, id targetID: String) -> Bool {
        let colon = UInt8(ascii: ":")
        return !targetClass.containsByte(colon) && !targetID.containsByte(colon) && targetID != "undefined"
    }
}
