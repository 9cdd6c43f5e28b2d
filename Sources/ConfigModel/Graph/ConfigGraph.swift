/// The dependency graph Grouparoo builds before applying config (R-DEP-01..09), kept as plain data so
/// it can be drawn, ordered and checked for cycles without recursion.
///
/// Nodes are config objects, one per Grouparoo node id (`app:data_warehouse`), in config order,
/// followed by "missing" nodes for references that point at no object. An edge goes from an object
/// to one of its prerequisites; `via` says which key made it (`appId`, `mapping.email`, …).
public struct ConfigGraph: Sendable {
    public struct Node: Sendable, Equatable {
        /// Grouparoo's node id, `${cleanClass}:${id}` (R-DEP-01), e.g. `teammember:ops_lead`.
        public let id: String
        /// The class as users write it (`teamMember`), or the class part of a missing reference.
        public let objectClass: String
        /// The object's id (`undefined` when it has none, as Grouparoo prints it).
        public let objectID: String
        /// `name`, else `key`, else `email`: whatever a person recognises the object by.
        public let name: String?
        /// Where the object is written; nil for missing nodes.
        public let file: String?
        public let line: Int?
        /// True for a node that some reference needs but no config object provides.
        public let isMissing: Bool
    }

    public struct Edge: Sendable, Equatable {
        /// Index into `nodes` of the object that needs the prerequisite.
        public let from: Int
        /// Index into `nodes` of the prerequisite.
        public let to: Int
        /// Every place the reference is written, in Grouparoo's order (`["mapping.id", "mapping.uid"]`).
        public let paths: [String]
        /// Where the first of those references is written.
        public let span: SourceSpan

        /// The paths as one label, e.g. `mapping.id, mapping.uid`.
        public var via: String { paths.joined(separator: ", ") }
    }

    public let nodes: [Node]
    /// Edges grouped by their `from` node, each node's edges in Grouparoo's prerequisite order (R-DEP-02).
    public let edges: [Edge]
    /// Indexes into `edges` of each node's outgoing edges.
    public let outgoing: [[Int]]
    private let indexByID: [String: Int]

    /// The graph of an already indexed config: reuses its references, template variables and
    /// bootstrapped properties, so the graph agrees with what `validate` reports.
    public init(_ config: ValidationInput) {
        var builder = GraphBuilder()
        var providers: [Int] = []
        for entry in config.entries where builder.addObject(entry) {
            providers.append(entry.position)
        }
        for position in providers {
            builder.addPrerequisites(of: config.entries[position], in: config)
        }
        nodes = builder.nodes
        edges = builder.edges
        outgoing = builder.outgoing
        indexByID = builder.indexByID
    }

    /// The graph of what a config directory read to (plugin checks are not needed for it).
    public init(_ read: ConfigReadResult) {
        self.init(ValidationInput(read: read, plugins: nil))
    }

    /// The node with this Grouparoo node id, e.g. `source:users_table`.
    public func node(id: String) -> Node? { index(of: id).map { nodes[$0] } }

    public func index(of nodeID: String) -> Int? { indexByID[nodeID] }

    /// Node ids this node needs, in Grouparoo's prerequisite order.
    public func prerequisites(of nodeID: String) -> [String] {
        guard let index = index(of: nodeID) else { return [] }
        return outgoing[index].map { nodes[edges[$0].to].id }
    }

    /// Successor lists by node index, the shape the graph algorithms take.
    public var adjacency: [[Int]] { outgoing.map { $0.map { edges[$0].to } } }

    /// Cycles, the order Grouparoo would apply the objects in, and what the cycles block.
    public func analysis() -> GraphAnalysis { GraphAnalysis(self) }
}

/// Collects nodes and de-duplicated edges while `ConfigGraph` is built.
private struct GraphBuilder {
    var nodes: [ConfigGraph.Node] = []
    var edges: [ConfigGraph.Edge] = []
    var outgoing: [[Int]] = []
    var indexByID: [String: Int] = [:]

    /// Adds the node an object provides; false when an earlier object already provides it
    /// (a duplicate id, which `validate` reports; the first object keeps the node).
    mutating func addObject(_ entry: ConfigEntry) -> Bool {
        guard indexByID[entry.nodeID] == nil else { return false }
        add(ConfigGraph.Node(id: entry.nodeID, objectClass: entry.displayClass ?? entry.cleanClass ?? "undefined",
                             objectID: entry.id ?? "undefined", name: Self.recognisableName(entry),
                             file: entry.file, line: entry.span.start.line, isMissing: false))
        return true
    }

    /// Prerequisites in Grouparoo's order (templates first, then R-DEP-02 steps 2–7), without
    /// self-references; repeated targets become one edge listing every path (R-DEP-02 keeps the first).
    mutating func addPrerequisites(of entry: ConfigEntry, in config: ValidationInput) {
        let from = indexByID[entry.nodeID]!
        var edgeByTarget: [Int: Int] = [:]
        func link(_ targetID: String, missing: () -> ConfigGraph.Node, path: String, span: SourceSpan) {
            let to = indexByID[targetID] ?? add(missing())
            guard to != from else { return }
            if let existing = edgeByTarget[to] {
                let edge = edges[existing]
                edges[existing] = ConfigGraph.Edge(from: from, to: to, paths: edge.paths + [path], span: edge.span)
                return
            }
            edgeByTarget[to] = edges.count
            outgoing[from].append(edges.count)
            edges.append(ConfigGraph.Edge(from: from, to: to, paths: [path], span: span))
        }
        for (variable, property) in config.resolvedTemplateVariables(of: entry) {
            let path = "options.\(variable.optionKey) {{\(variable.name)}}"
            if let property {
                // The variable names a property key; Grouparoo depends on that property's id (R-DEP-05).
                let id = "property:\(property.id ?? "undefined")"
                link(id, missing: { Self.missingNode(id: id, objectClass: "property", objectID: property.id ?? "undefined") },
                     path: path, span: variable.span)
            } else {
                // No property has this key: Grouparoo stops with "no property with key …".
                let id = "property:{{\(variable.name)}}"
                link(id, missing: { Self.missingNode(id: id, objectClass: "property", objectID: "{{\(variable.name)}}") },
                     path: path, span: variable.span)
            }
        }
        for reference in config.references[entry.position] {
            link(reference.nodeID,
                 missing: { Self.missingNode(id: reference.nodeID, objectClass: reference.targetClass, objectID: reference.targetID) },
                 path: reference.path, span: reference.span)
        }
    }

    @discardableResult
    private mutating func add(_ node: ConfigGraph.Node) -> Int {
        let index = nodes.count
        nodes.append(node)
        outgoing.append([])
        indexByID[node.id] = index
        return index
    }

    private static func missingNode(id: String, objectClass: String, objectID: String) -> ConfigGraph.Node {
        ConfigGraph.Node(id: id, objectClass: objectClass, objectID: objectID, name: nil, file: nil, line: nil, isMissing: true)
    }

    private static func recognisableName(_ entry: ConfigEntry) -> String? {
        for key in ["name", "key", "email"] {
            if case .string(let text)? = entry.properties[key]?.value, !text.isEmpty { return text }
        }
        return nil
    }
}
