import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen graph`: the three formats, `--order`, cycles, missing objects and usage errors.
final class GraphCommandTests: ValidateTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let example = packageRoot.appendingPathComponent("examples/postgres-mailchimp/config").path

    private func graph(_ arguments: [String]) -> CLIRun {
        runCLI(["graph"] + arguments, in: root.path)
    }

    /// A small config: app ← source ← property ← group ← destination, plus a reference to a missing property.
    private func writeSmallConfig() throws {
        try writeConfig("all.js", objects: """
            { id: "wh", class: "app", name: "Warehouse", type: "postgres", options: {} },
            { id: "mod", class: "model", name: "Profiles", type: "profile" },
            { id: "users", class: "source", name: "Users \\"main\\"", type: "postgres-import-table", appId: "wh", modelId: "mod",
              mapping: { id: "uid" } },
            { id: "uid", class: "property", key: "uid", type: "integer", sourceId: "users" },
            { id: "vip", class: "group", name: "VIP", modelId: "mod", rules: [{ propertyId: "uid", op: "gt", match: 1 }] },
            { id: "out", class: "destination", name: "Out", type: "t", appId: "wh", modelId: "mod", groupId: "vip",
              mapping: { id: "uid", email: "ghost" } }
            """)
    }

    private func writeCycle() throws {
        try writeConfig("cycle.js", objects: """
            { id: "a", class: "property", key: "a", type: "string", options: { query: "{{{b}}} x" } },
            { id: "b", class: "property", key: "b", type: "string", options: { query: "{{{a}}} x" } },
            { id: "m", class: "model", name: "M", type: "profile" }
            """)
    }

    func testJSONListsNodesEdgesOrderAndCycles() throws {
        try writeSmallConfig()
        let run = graph(["config", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.errors)
        let document = try run.json()
        let nodes = try XCTUnwrap(document["nodes"] as? [[String: Any]])
        let edges = try XCTUnwrap(document["edges"] as? [[String: Any]])
        let source = try XCTUnwrap(nodes.first { $0["id"] as? String == "source:users" })
        XCTAssertEqual(source["class"] as? String, "source")
        XCTAssertEqual(source["object_id"] as? String, "users")
        XCTAssertEqual(source["name"] as? String, "Users \"main\"")
        XCTAssertEqual(source["file"] as? String, "config/all.js")
        XCTAssertEqual(source["line"] as? Int, 4)
        let ghost = try XCTUnwrap(nodes.first { $0["id"] as? String == "property:ghost" })
        XCTAssertEqual(ghost["missing"] as? Bool, true)
        XCTAssertTrue(ghost["file"] is NSNull)
        let toGhost = try XCTUnwrap(edges.first { $0["to"] as? String == "property:ghost" })
        XCTAssertEqual(toGhost["from"] as? String, "destination:out")
        XCTAssertEqual(toGhost["via"] as? String, "mapping.email")
        XCTAssertEqual(toGhost["missing"] as? Bool, true)
        XCTAssertEqual(document["order"] as? [String],
                       ["app:wh", "model:mod", "source:users", "property:uid", "group:vip", "destination:out"])
        XCTAssertEqual((document["cycles"] as? [Any])?.count, 0)
    }

    func testDOTIsDeterministicWithOneLinePerEdge() throws {
        try writeSmallConfig()
        let run = graph(["config"])
        XCTAssertEqual(run.status, 0, run.errors)
        let dot = run.output
        XCTAssertEqual(dot, graph(["config", "--format", "dot"]).output, "dot is the default and output is stable")
        XCTAssertTrue(dot.contains("digraph grouparoo {"))
        XCTAssertEqual(dot.filter { $0 == "{" }.count, dot.filter { $0 == "}" }.count, "braces balance")
        let edgeLines = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        let json = try graph(["config", "--format", "json"]).json()
        XCTAssertEqual(edgeLines.count, (json["edges"] as? [Any])?.count)
        XCTAssertTrue(edgeLines.contains { $0.contains("\"source:users\" -> \"app:wh\" [label=\"appId\"") })
        XCTAssertTrue(dot.contains("subgraph \"cluster_property\""), "nodes are clustered by class")
        XCTAssertTrue(dot.contains("label=\"source\\nusers\\nUsers \\\"main\\\"\""), "quotes in names are escaped")
        let missing = try XCTUnwrap(dot.split(separator: "\n").first { $0.hasPrefix("  \"property:ghost\" [") })
        XCTAssertTrue(missing.contains("dashed"), "missing nodes are dashed")
        XCTAssertTrue(dot.contains("label=\"mapping.email\", style=dashed"))
    }

    func testMermaidHasEveryEdge() throws {
        try writeSmallConfig()
        let run = graph(["config", "--format", "mermaid"])
        XCTAssertEqual(run.status, 0, run.errors)
        let lines = run.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "flowchart RL")
        XCTAssertEqual(lines.filter { $0.contains("-->|") || $0.contains("-.->|") }.count, 10)
        XCTAssertTrue(run.output.contains("[\"source<br/>users<br/>Users #quot;main#quot;\"]:::c_source"))
        XCTAssertTrue(run.output.contains("-.->|\"mapping.email\"|"), "links to missing nodes are dashed")
    }

    func testOrderPrintsOneNodePerLine() throws {
        try writeSmallConfig()
        try write("config/all.js", try String(contentsOf: configDirectory.appendingPathComponent("all.js"), encoding: .utf8)
            .replacingOccurrences(of: ", email: \"ghost\"", with: ""))
        let run = graph(["config", "--order"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "app:wh\nmodel:mod\nsource:users\nproperty:uid\ngroup:vip\ndestination:out\n")
        XCTAssertEqual(run.errors, "")
    }

    func testOrderWithAMissingObjectSaysGrouparooWouldStop() throws {
        try writeSmallConfig()
        let run = graph(["config", "--order"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.hasSuffix("destination:out\n"))
        XCTAssertTrue(run.errors.contains("error: property:ghost is needed by destination:out (mapping.email)"), run.errors)
    }

    func testCycleIsShownNotACrash() throws {
        try writeCycle()
        let json = try graph(["config", "--format", "json"]).json()
        XCTAssertEqual(json["cycles"] as? [[String]], [["property:a", "property:b"]])
        let cycleEdges = (json["edges"] as? [[String: Any]] ?? []).filter { $0["cycle"] as? Bool == true }
        XCTAssertEqual(cycleEdges.count, 2)
        XCTAssertEqual(json["order"] as? [String], ["model:m"])

        let dot = graph(["config"])
        XCTAssertEqual(dot.status, 0)
        XCTAssertEqual(dot.output.split(separator: "\n").filter { $0.contains(" -> ") && $0.contains("#d62728") }.count, 2,
                       "cycle edges are red")
        let mermaid = graph(["config", "--format", "mermaid"]).output
        XCTAssertTrue(mermaid.contains("linkStyle 0,1 stroke:#d62728"), mermaid)

        let order = graph(["config", "--order"])
        XCTAssertEqual(order.status, 1)
        XCTAssertEqual(order.output, "model:m\n")
        XCTAssertTrue(order.errors.contains("error: dependency cycle: property:a → property:b → property:a"), order.errors)
        XCTAssertTrue(order.errors.contains("2 objects left out of the order"), order.errors)
    }

    func testUsageErrors() throws {
        try writeSmallConfig()
        XCTAssertEqual(graph(["config", "--format", "png"]).status, 2)
        XCTAssertTrue(graph(["config", "--format", "png"]).errors.contains("unknown value 'png' for --format; use one of 'dot', 'mermaid', 'json'"))
        XCTAssertEqual(graph(["config", "--order", "--format", "json"]).status, 2)
        XCTAssertEqual(graph(["nowhere"]).status, 2)
        XCTAssertTrue(graph(["nowhere"]).errors.contains("nowhere: no such file or directory"), graph(["nowhere"]).errors)
        XCTAssertTrue(graph(["config/all.js"]).errors.contains("all.js is not a directory"))
        XCTAssertEqual(graph(["config", "config"]).status, 2)
        XCTAssertEqual(runCLI(["graph"], in: root.path).status, 0, "./config is the default")
    }

    /// docs/graph.dot is what the README's picture was rendered from; it must match the example.
    func testCommittedGraphMatchesTheExample() throws {
        let committed = Self.packageRoot.appendingPathComponent("docs/graph.dot")
        guard let text = try? String(contentsOf: committed, encoding: .utf8) else {
            throw XCTSkip("docs/graph.dot is not there")
        }
        let run = runCLI(["graph", Self.example], in: Self.packageRoot.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, text, "docs/graph.dot is stale: run Scripts/render-graph.sh")
    }
}
