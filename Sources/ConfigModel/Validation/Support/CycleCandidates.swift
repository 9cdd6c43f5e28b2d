/// The part of a dependency graph that may hold a cycle. A node that needs nothing, or that nothing needs, is on
/// no cycle, and neither is one left so once such nodes are taken away: peeling them off (with their edges) keeps
/// every cyclic component and its edges as they were, and leaves nothing of most configs, so the cycle search
/// is not run there and no list per node is built.
enum CycleCandidates {
    /// `targets[starts[n]..<starts[n + 1]]` are node `n`'s edges (repeats allowed). Returns the adjacency lists with
    /// only the nodes left after peeling: every other node's list is empty, and no edge leads to one. `nil` when
    /// no node is left (there is no cycle).
    static func adjacency(starts: [Int], targets: [Int]) -> [[Int]]? {
        guard hasCycle(starts: starts, targets: targets) else { return nil }
        let count = starts.count - 1
        // Who points at each node, laid out like `targets`.
        var sourceStarts = [Int](repeating: 0, count: count + 1)
        for target in targets { sourceStarts[target + 1] += 1 }
        for node in 0..<count { sourceStarts[node + 1] += sourceStarts[node] }
        var sources = [Int](repeating: 0, count: targets.count)
        var filled = sourceStarts
        for node in 0..<count {
            for edge in starts[node]..<starts[node + 1] {
                sources[filled[targets[edge]]] = node
                filled[targets[edge]] += 1
            }
        }
        var outDegree = (0..<count).map { starts[$0 + 1] - starts[$0] }
        var inDegree = (0..<count).map { sourceStarts[$0 + 1] - sourceStarts[$0] }
        var removed = (0..<count).map { outDegree[$0] == 0 || inDegree[$0] == 0 }
        var pending = (0..<count).filter { removed[$0] }
        while let node = pending.popLast() {
            for edge in starts[node]..<starts[node + 1] {
                let next = targets[edge]
                inDegree[next] -= 1
                if inDegree[next] == 0, !removed[next] { removed[next] = true; pending.append(next) }
            }
            for edge in sourceStarts[node]..<sourceStarts[node + 1] {
                let previous = sources[edge]
                outDegree[previous] -= 1
                if outDegree[previous] == 0, !removed[previous] { removed[previous] = true; pending.append(previous) }
            }
        }
        guard removed.contains(false) else { return nil }
        return (0..<count).map { node in
            removed[node] ? [] : targets[starts[node]..<starts[node + 1]].filter { !removed[$0] }
        }
    }

    /// Whether peeling the nodes nothing needs, again and again (Kahn's order), leaves any: it leaves none exactly when
    /// there is no cycle, as in nearly every config, which this pass tells without the reverse edges.
    private static func hasCycle(starts: [Int], targets: [Int]) -> Bool {
        let count = starts.count - 1
        var inDegree = [Int](repeating: 0, count: count)
        for target in targets { inDegree[target] += 1 }
        var pending = (0..<count).filter { inDegree[$0] == 0 }
        var peeled = 0
        while let node = pending.popLast() {
            peeled += 1
            for edge in starts[node]..<starts[node + 1] {
                inDegree[targets[edge]] -= 1
                if inDegree[targets[edge]] == 0 { pending.append(targets[edge]) }
            }
        }
        return peeled < count
    }
}
