import ConfigModel

/// How the drawn formats present classes: a stable order for clusters and one colour per class,
/// so a picture reads the same every time and across configs.
enum GraphStyle {
    /// Classes roughly in the order Grouparoo needs them; unknown classes follow, sorted.
    static let classOrder = [
        "setting", "model", "app", "source", "schedule", "property", "group", "destination",
        "record", "apiKey", "team", "teamMember",
    ]

    /// Fill colours (pastel, readable with black text).
    private static let fills: [String: String] = [
        "setting": "#eeeeee", "model": "#fde2a7", "app": "#c6dbef", "source": "#c7e9c0",
        "schedule": "#e5f5e0", "property": "#fdd0a2", "group": "#dadaeb", "destination": "#fcbba1",
        "record": "#f2f0f7", "apiKey": "#d9f0d3", "team": "#fff7bc", "teamMember": "#fee391",
    ]

    static let missingColor = "#999999"
    static let cycleColor = "#d62728"
    static let edgeColor = "#555555"

    static func fill(for objectClass: String) -> String { fills[objectClass] ?? "#ffffff" }

    /// Node indexes grouped by class, groups in `classOrder`, nodes in config order. Missing nodes
    /// are left out: they are drawn on their own, not inside a class.
    static func nodesByClass(_ graph: ConfigGraph) -> [(objectClass: String, nodes: [Int])] {
        var groups: [String: [Int]] = [:]
        for (index, node) in graph.nodes.enumerated() where !node.isMissing {
            groups[node.objectClass, default: []].append(index)
        }
        let known = classOrder.filter { groups[$0] != nil }
        let others = groups.keys.filter { !classOrder.contains($0) }.sorted()
        return (known + others).map { ($0, groups[$0]!) }
    }

    /// The lines of a node's label: class, id, and its name when that says something more.
    static func labelLines(_ node: ConfigGraph.Node) -> [String] {
        if node.isMissing { return ["missing \(node.objectClass)", node.objectID] }
        var lines = [node.objectClass, node.objectID]
        if let name = node.name, name != node.objectID { lines.append(name) }
        return lines.map { String($0.prefix(60)) }
    }
}
