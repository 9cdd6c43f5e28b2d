/// Finds the entry providing a dependency node `class:id` (the first object with that node id, R-DEP-01)
/// without spelling the node id out: among the entries with the id, the first of the class. Building and
/// hashing `class:id` for every reference of every object costs more than the rest of the lookup.
struct NodeLookup {
    let entries: [ConfigEntry]
    /// Node id → first entry with it.
    let nodes: [String: Int]
    /// Id → every entry with that id, in config order.
    let entriesByID: PositionsByID

    /// The first entry whose node id is `"\(targetClass):\(targetID)"`, as `nodes` would find it.
    func provider(class targetClass: String, id targetID: String) -> Int? {
        // With no `:` on either side the node id splits one way only; `undefined` is also the node id of every
        // object without an id (which `entriesByID` leaves out). Those few cases ask the node table.
        let colon = UInt8(ascii: ":")
        guard !targetClass.containsByte(colon), !targetID.containsByte(colon), targetID != "undefined" else {
            return nodes["\(targetClass):\(targetID)"]
        }
        return entriesByID.first(withID: targetID) { (entries[$0].cleanClass ?? "undefined") == targetClass }
    }
}
