/// What can be said about a `ConfigGraph` as a whole: its cycles, the objects they block, and the
/// order Grouparoo would apply the rest in. Every algorithm here is iterative, so a chain of any
/// length cannot overflow the stack (Grouparoo itself recurses and dies on a cycle, R-DEP-12).
public struct GraphAnalysis: Sendable {
    /// One cycle per strongly connected component with more than one node: node indexes along a
    /// shortest cycle through the component's earliest node (the edge back to the first is implied).
    public let cycles: [[Int]]
    /// Every node inside some cycle's component.
    public let cyclicNodes: Set<Int>
    /// Objects not on a cycle that still need something on one, so they cannot be applied either.
    public let blockedNodes: Set<Int>
    /// Edge indexes whose two ends lie in the same cyclic component (the edges to highlight).
    public let cycleEdges: Set<Int>
    /// The objects Grouparoo could apply, dependencies first (R-DEP-09); cyclic, blocked and
    /// missing nodes are left out.
    public let order: [Int]

    public init(_ graph: ConfigGraph) {
        let adjacency = graph.adjacency
        let components = GraphAlgorithms.cyclicComponents(adjacency)
        var componentOf: [Int: Int] = [:]
        for (number, component) in components.enumerated() {
            for node in component { componentOf[node] = number }
        }
        cycles = components.map { GraphAlgorithms.shortestCycle(from: $0[0], within: Set($0), adjacency: adjacency) }
        cyclicNodes = Set(componentOf.keys)
        var highlighted: Set<Int> = []
        for (index, edge) in graph.edges.enumerated() {
            if let component = componentOf[edge.from], componentOf[edge.to] == component { highlighted.insert(index) }
        }
        cycleEdges = highlighted
        let dependents = GraphAlgorithms.reachable(from: cyclicNodes, adjacency: GraphAlgorithms.reversed(adjacency))
        blockedNodes = dependents.subtracting(cyclicNodes)
        // Leaving out every node that reaches a cycle leaves a part closed under prerequisites and free of cycles.
        order = GraphAlgorithms.postOrder(adjacency) { node in !graph.nodes[node].isMissing && !dependents.contains(node) }
    }
}

/// Plain graph algorithms over successor lists (`adjacency[node]` = nodes it points at).
public enum GraphAlgorithms {
    /// Strongly connected components with more than one node, each sorted, in order of their
    /// earliest node (Tarjan's algorithm with an explicit work stack).
    public static func cyclicComponents(_ adjacency: [[Int]]) -> [[Int]] {
        let count = adjacency.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var components: [[Int]] = []
        // One work stack for every root (it is empty again after each): most roots are a node of their own.
        var work: [(node: Int, edge: Int)] = []
        for root in 0..<count where index[root] == -1 {
            work.append((root, 0))
            index[root] = nextIndex; lowLink[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let (node, edgeIndex) = work.last {
                if edgeIndex < adjacency[node].count {
                    work[work.count - 1].edge += 1
                    let next = adjacency[node][edgeIndex]
                    if index[next] == -1 {
                        index[next] = nextIndex; lowLink[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                // A node alone on top of the stack is a component of one, no cycle: no list is built for it.
                if stack.last == node {
                    stack.removeLast()
                    onStack[node] = false
                    continue
                }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                if component.count > 1 { components.append(component.sorted()) }
            }
        }
        return components.sorted { $0[0] < $1[0] }
    }

    /// A shortest cycle from `start` back to itself using only nodes in `component` (breadth-first),
    /// as the nodes visited in order, starting with `start`. Empty when there is none.
    public static func shortestCycle(from start: Int, within component: Set<Int>, adjacency: [[Int]]) -> [Int] {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in adjacency[node] where component.contains(next) {
                if next == start {
                    var path = [node]
                    var current = node
                    while current != start, let step = previous[current] {
                        path.append(step)
                        current = step
                    }
                    return path.reversed()
                }
                if previous[next] == nil, next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return []
    }

    /// Every node reachable from `starts` (the starts included).
    public static func reachable(from starts: Set<Int>, adjacency: [[Int]]) -> Set<Int> {
        var seen = starts
        var pending = Array(starts)
        while let node = pending.popLast() {
            for next in adjacency[node] where seen.insert(next).inserted { pending.append(next) }
        }
        return seen
    }

    /// The same graph with every edge turned around.
    public static func reversed(_ adjacency: [[Int]]) -> [[Int]] {
        var result = Array(repeating: [Int](), count: adjacency.count)
        for (node, targets) in adjacency.enumerated() {
            for target in targets { result[target].append(node) }
        }
        return result
    }

    /// Grouparoo's `topologicalSort` (R-DEP-09): a depth-first search over the nodes in order, visiting
    /// each node's successors in order and emitting a node after its successors (dependencies first).
    /// Only nodes for which `include` holds are visited; an edge back to a node still in progress is
    /// skipped, where Grouparoo would report "The graph is not a DAG".
    public static func postOrder(_ adjacency: [[Int]], include: (Int) -> Bool) -> [Int] {
        enum Mark { case unvisited, inProgress, done }
        var marks = Array(repeating: Mark.unvisited, count: adjacency.count)
        var order: [Int] = []
        for root in adjacency.indices where marks[root] == .unvisited && include(root) {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            marks[root] = .inProgress
            while let (node, edgeIndex) = work.last {
                if edgeIndex < adjacency[node].count {
                    work[work.count - 1].edge += 1
                    let next = adjacency[node][edgeIndex]
                    if marks[next] == .unvisited, include(next) {
                        marks[next] = .inProgress
                        work.append((next, 0))
                    }
                    continue
                }
                work.removeLast()
                marks[node] = .done
                order.append(node)
            }
        }
        return order
    }
}
