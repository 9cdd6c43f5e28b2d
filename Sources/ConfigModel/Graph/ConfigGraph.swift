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

    /// The graph of these objects and the prerequisites each one names.
    public init(_ input: GraphInput) {
        var builder = GraphBuilder()
        var providers: [GraphInput.Object] = []
        for object in input.objects where builder.addObject(object) {
            providers.append(object)
        }
        for object in providers {
            builder.addPrerequisites(of: object)
        }
        nodes = builder.nodes
        edges = builder.edges
        outgoing = builder.outgoing
        indexByID = builder.indexByID
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
    mutating func addObject(_ object: GraphInput.Object) -> Bool {
        guard indexByID[object.nodeID] == nil else { return false }
        add(ConfigGraph.Node(id: object.nodeID, objectClass: object.objectClass, objectID: object.objectID, name: object.name,
                             file: object.file, line: object.line, isMissing: false))
        return true
    }

    /// Links an object to its prerequisites in the order given, without self-references; repeated
    /// targets become one edge listing every path (R-DEP-02 keeps the first).
    mutating func addPrerequisites(of object: GraphInput.Object) {
        let from = indexByID[object.nodeID]!
        var edgeByTarget: [Int: Int] = [:]
        for prerequisite in object.prerequisites {
            let to = indexByID[prerequisite.nodeID] ?? add(Self.missingNode(prerequisite))
            guard to != from else { continue }
            if let existing = edgeByTarget[to] {
                let edge = edges[existing]
                edges[existing] = ConfigGraph.Edge(from: from, to: to, paths: edge.paths + [prerequisite.path], span: edge.span)
                continue
            }
            edgeByTarget[to] = edges.count
            outgoing[from].append(edges.count)
            edges.append(ConfigGraph.Edge(from: from, to: to, paths: [prerequisite.path], span: prerequisite.span))
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

    private static func missingNode(_ prerequisite: GraphInput.Prerequisite) -> ConfigGraph.Node {
        ConfigGraph.Node(id: prerequisite.nodeID, objectClass: prerequisite.objectClass, objectID: prerequisite.objectID,
                         name: nil, file: nil, line: nil, isMissing: true)
    }
}

/// What the graph is built from: every config object in config order, with the prerequisites it
/// names in Grouparoo's order. Validation fills it from its own index of the config.
public struct GraphInput: Sendable {
    public struct Object: Sendable {
        public var nodeID: String
        public var objectClass: String
        public var objectID: String
        public var name: String?
        public var file: String
        public var line: Int
        public var prerequisites: [Prerequisite]
    }

    /// A node another object needs, and where the need is written.
    public struct Prerequisite: Sendable {
        public var nodeID: String
        /// Class and id to show when no object provides the node.
        public var objectClass: String
        public var objectID: String
        /// The key that names it, e.g. `appId` or `options.query {{email}}`.
        public var path: String
        public var span: SourceSpan
    }

    public var objects: [Object]
}
