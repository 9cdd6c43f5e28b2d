/// Grouparoo's dependency graph (R-DEP-09) over entry positions: each node is the first entry providing a
/// node id, each edge a reference that resolves to another node. Self-references are dropped, as Grouparoo does.
struct DependencyGraph {
    struct Edge {
        let target: Int
        /// Where the reference is written, e.g. `mapping.id`.
        let path: String
        let span: SourceSpan
    }

    /// Outgoing edges per entry position; empty for entries that do not provide their node (duplicates).
    let edges: [[Edge]]

    init(_ config: ValidationInput) {
        var edges = Array(repeating: [Edge](), count: config.entries.count)
        for entry in config.entries where config.entry(nodeID: entry.nodeID)?.position == entry.position {
            var seen: Set<Int> = []
            var outgoing: [Edge] = []
            func add(_ target: ConfigEntry?, _ path: String, _ span: SourceSpan) {
                guard let target, target.position != entry.position, seen.insert(target.position).inserted else { return }
                outgoing.append(Edge(target: target.position, path: path, span: span))
            }
            for (variable, property) in config.resolvedTemplateVariables(of: entry) {
                add(property.flatMap { $0.id.flatMap { config.entry(nodeID: "property:\($0)") } },
                    "options.\(variable.optionKey)", variable.span)
            }
            for reference in config.references[entry.position] {
                add(config.entry(nodeID: reference.nodeID), reference.path, reference.span)
            }
            edges[entry.position] = outgoing
        }
        self.edges = edges
    }

    /// Strongly connected components with more than one node (Tarjan's algorithm, iterative so deep
    /// chains cannot overflow the stack). Components come out in order of their earliest member.
    func cycles() -> [[Int]] {
        let count = edges.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var components: [[Int]] = []
        for root in 0..<count where index[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = nextIndex; lowLink[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let (node, edgeIndex) = work.last {
                if edgeIndex < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edgeIndex].target
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

    /// A shortest cycle through `start` inside `component`, as edges in order (breadth-first search).
    func cycle(from start: Int, within component: Set<Int>) -> [(from: Int, edge: Edge)] {
        var previous: [Int: (from: Int, edge: Edge)] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in edges[node] where component.contains(edge.target) {
                if edge.target == start {
                    var path = [(from: node, edge: edge)]
                    var current = node
                    while current != start, let step = previous[current] {
                        path.append(step)
                        current = step.from
                    }
                    return path.reversed()
                }
                if previous[edge.target] == nil {
                    previous[edge.target] = (node, edge)
                    queue.append(edge.target)
                }
            }
        }
        return []
    }
}
