import ConfigModel

/// The graph as a Mermaid flowchart (renders on GitHub inside a ```mermaid block): nodes coloured by
/// class, dashed links to missing nodes, red links along cycles.
enum GraphMermaid {
    static func render(_ graph: ConfigGraph, _ analysis: GraphAnalysis) -> String {
        var lines = ["flowchart RL"]
        for (objectClass, _) in GraphStyle.nodesByClass(graph) {
            lines.append("  classDef \(className(objectClass)) fill:\(GraphStyle.fill(for: objectClass)),stroke:#666,color:#000")
        }
        lines.append("  classDef missing fill:#fff,stroke:\(GraphStyle.missingColor),stroke-dasharray:5 5,color:\(GraphStyle.missingColor)")
        lines.append("  classDef cyclic stroke:\(GraphStyle.cycleColor),stroke-width:3px")
        for (index, node) in graph.nodes.enumerated() {
            let text = GraphStyle.labelLines(node).map(escaped).joined(separator: "<br/>")
            var style = node.isMissing ? "missing" : className(node.objectClass)
            if analysis.cyclicNodes.contains(index) { style += ",cyclic" }
            lines.append("  n\(index)[\"\(text)\"]:::\(style)")
        }
        var highlighted: [Int] = []
        for (index, edge) in graph.edges.enumerated() {
            let arrow = graph.nodes[edge.to].isMissing ? "-.->" : "-->"
            lines.append("  n\(edge.from) \(arrow)|\"\(escaped(edge.via))\"| n\(edge.to)")
            if analysis.cycleEdges.contains(index) { highlighted.append(index) }
        }
        if !highlighted.isEmpty {
            let list = highlighted.map(String.init).joined(separator: ",")
            lines.append("  linkStyle \(list) stroke:\(GraphStyle.cycleColor),stroke-width:3px")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Mermaid's entity codes for the characters that would end or confuse a quoted label; control
    /// characters become visible escapes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in ControlCharacters.escaped(text, keepNewlines: true) {
            switch character {
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "|": result += "#124;"
            case "#": result += "#35;"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// A class name Mermaid accepts: letters and digits only, prefixed so it cannot clash with `missing`.
    private static func className(_ objectClass: String) -> String {
        "c_" + String(objectClass.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            .map(Character.init))
    }
}
