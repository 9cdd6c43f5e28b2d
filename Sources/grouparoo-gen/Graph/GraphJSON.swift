import ConfigModel

/// The graph for tools: `{ "nodes", "edges", "order", "cycles", "blocked" }`, members in a fixed order
/// so the output is reproducible. Nodes and edges refer to each other by Grouparoo node id.
enum GraphJSON {
    static func render(_ graph: ConfigGraph, _ analysis: GraphAnalysis, paths: ReportPaths) -> String {
        let nodes = graph.nodes.map { node -> OrderedJSON in
            .object([
                ("id", .string(node.id)),
                ("class", .string(node.objectClass)),
                ("object_id", .string(node.objectID)),
                ("name", .string(node.name)),
                ("file", .string(node.file.map(paths.display))),
                ("line", .int(node.line)),
                ("missing", .bool(node.isMissing)),
            ])
        }
        let edges = graph.edges.enumerated().map { index, edge -> OrderedJSON in
            .object([
                ("from", .string(graph.nodes[edge.from].id)),
                ("to", .string(graph.nodes[edge.to].id)),
                ("via", .string(edge.via)),
                ("missing", .bool(graph.nodes[edge.to].isMissing)),
                ("cycle", .bool(analysis.cycleEdges.contains(index))),
            ])
        }
        let ids = { (indexes: [Int]) -> OrderedJSON in .array(indexes.map { .string(graph.nodes[$0].id) }) }
        let document = OrderedJSON.object([
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
            ("order", ids(analysis.order)),
            ("cycles", .array(analysis.cycles.map(ids))),
            ("blocked", ids(analysis.blockedNodes.sorted())),
        ])
        return document.rendered() + "\n"
    }
}
