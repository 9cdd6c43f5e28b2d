@testable import ConfigModel
import XCTest

/// The apply order (R-DEP-09) and cycles (R-DEP-12), including sizes that would overflow a recursive search.
final class GraphOrderTests: XCTestCase {
    private func order(_ graph: ConfigGraph) -> [String] {
        graph.analysis().order.map { graph.nodes[$0].id }
    }

    func testOrderInvariantsGrouparooTests() throws {
        let graph = GraphFixture.graph(GraphFixture.grouparooTestConfig)
        let ids = order(graph)
        XCTAssertEqual(Set(ids).count, graph.nodes.count, "every object is applied exactly once")
        func assertBefore(_ first: String, _ second: String, line: UInt = #line) {
            guard let a = ids.firstIndex(of: first), let b = ids.firstIndex(of: second) else {
                return XCTFail("\(first) or \(second) missing from \(ids)", line: line)
            }
            XCTAssertLessThan(a, b, "\(first) before \(second)", line: line)
        }
        assertBefore("team:admins", "teammember:ada")
        assertBefore("app:data_warehouse", "source:users_table")
        for later in ["schedule:nightly", "property:email", "property:user_id", "group:email_group", "destination:test_destination"] {
            assertBefore("source:users_table", later)
        }
        assertBefore("group:email_group", "destination:test_destination")
        assertBefore("property:email", "destination:test_destination")
        assertBefore("property:user_id", "destination:test_destination")
        assertBefore("property:user_id", "property:ltv")
    }

    func testOrderIsGrouparoosDepthFirstPostOrder() {
        // Config order: destination first. The search visits its prerequisites in written order,
        // so they come out dependencies first, before the objects written earlier in the file.
        let graph = GraphFixture.graph("""
            { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", mapping: { x: "p" } },
            { id: "m", class: "model", name: "M", type: "profile" },
            { id: "a", class: "app", name: "A", type: "t" },
            { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
            { id: "p", class: "property", key: "p", type: "string", sourceId: "s" }
            """)
        XCTAssertEqual(order(graph), ["app:a", "model:m", "source:s", "property:p", "destination:d"])
    }

    func testTwoNodeCycleIsReportedAndLeftOutOfTheOrder() throws {
        let graph = GraphFixture.graph("""
            { id: "a", class: "property", key: "a", type: "string", sourceId: "s", options: { query: "{{{b}}} x" } },
            { id: "b", class: "property", key: "b", type: "string", sourceId: "s", options: { query: "{{{a}}} x" } },
            { id: "s", class: "source", name: "S", type: "t" },
            { id: "g", class: "group", name: "G", rules: [{ propertyId: "a", op: "exists" }] }
            """)
        let analysis = graph.analysis()
        XCTAssertEqual(analysis.cycles.map { $0.map { graph.nodes[$0].id } }, [["property:a", "property:b"]])
        XCTAssertEqual(analysis.cycleEdges.map { graph.edges[$0].via }.sorted(), ["options.query {{a}}", "options.query {{b}}"])
        XCTAssertEqual(analysis.blockedNodes.map { graph.nodes[$0].id }, ["group:g"], "the group needs a property on the cycle")
        XCTAssertEqual(order(graph), ["source:s"], "only the acyclic part is ordered")
    }

    func testFourNodeCycleThroughTwoSourcesAndTheirProperties() {
        // Sources mapping to each other's properties (R-DEP-12's example), each property belonging to the other source.
        let graph = GraphFixture.graph("""
            { id: "s1", class: "source", name: "S1", type: "t", mapping: { x: "p2" } },
            { id: "s2", class: "source", name: "S2", type: "t", mapping: { x: "p3" } },
            { id: "p2", class: "property", key: "p2", type: "string", sourceId: "s2" },
            { id: "p3", class: "property", key: "p3", type: "string", sourceId: "s1" },
            { id: "free", class: "model", name: "Free", type: "profile" }
            """)
        let analysis = graph.analysis()
        XCTAssertEqual(analysis.cycles.count, 1)
        let cycle = analysis.cycles[0].map { graph.nodes[$0].id }
        XCTAssertEqual(cycle, ["source:s1", "property:p2", "source:s2", "property:p3"])
        XCTAssertEqual(analysis.cycleEdges.count, 4)
        XCTAssertEqual(order(graph), ["model:free"])
    }

    func testThreePropertyTemplateCycle() {
        let graph = GraphFixture.graph("""
            { id: "a", class: "property", key: "ka", type: "string", options: { query: "{{{kb}}} x" } },
            { id: "b", class: "property", key: "kb", type: "string", options: { query: "{{{kc}}} x" } },
            { id: "c", class: "property", key: "kc", type: "string", options: { query: "{{{ka}}} x" } }
            """)
        let analysis = graph.analysis()
        XCTAssertEqual(analysis.cycles.map { $0.map { graph.nodes[$0].id } }, [["property:a", "property:b", "property:c"]])
        XCTAssertEqual(analysis.cyclicNodes.count, 3)
        XCTAssertEqual(analysis.order, [])
    }

    /// 20,000 properties, each templating the next, the last the first: one cycle through all of them.
    /// A recursive search would overflow the stack long before the end.
    func testTwentyThousandNodeChainCycleDoesNotOverflow() {
        let count = 20_000
        let objects = (0..<count).map { index in
            "{ id: \"p\(index)\", class: \"property\", key: \"k\(index)\", type: \"string\", options: { query: \"{{{k\((index + 1) % count)}}} x\" } }"
        }
        // Spread over files of 200 objects, as a real config would be.
        let files = stride(from: 0, to: count, by: 200).map { objects[$0..<min($0 + 200, count)].joined(separator: ",\n") }
        let graph = GraphFixture.graph(files: files)
        XCTAssertEqual(graph.nodes.count, count)
        XCTAssertEqual(graph.edges.count, count)
        let analysis = graph.analysis()
        XCTAssertEqual(analysis.cycles.count, 1)
        XCTAssertEqual(analysis.cycles.first?.count, count)
        XCTAssertEqual(analysis.cycles.first?.first.map { graph.nodes[$0].id }, "property:p0")
        XCTAssertEqual(analysis.cycleEdges.count, count)
        XCTAssertTrue(analysis.order.isEmpty)
    }

    func testDeepAcyclicChainIsOrderedIteratively() {
        // 200,000 nodes, node i pointing at i + 1: the order is the chain reversed.
        let count = 200_000
        let adjacency = (0..<count).map { $0 + 1 < count ? [$0 + 1] : [] }
        let order = GraphAlgorithms.postOrder(adjacency) { _ in true }
        XCTAssertEqual(order.count, count)
        XCTAssertEqual(order.first, count - 1)
        XCTAssertEqual(order.last, 0)
        XCTAssertTrue(GraphAlgorithms.cyclicComponents(adjacency).isEmpty)
        var closed = adjacency
        closed[count - 1] = [0]
        XCTAssertEqual(GraphAlgorithms.cyclicComponents(closed).first?.count, count)
        XCTAssertEqual(GraphAlgorithms.shortestCycle(from: 0, within: Set(0..<count), adjacency: closed).count, count)
    }

    func testShortestCycleAndReachability() {
        // 0 → 1 → 2 → 0 and a shortcut 1 → 0.
        let adjacency = [[1], [2, 0], [0], [0]]
        XCTAssertEqual(GraphAlgorithms.cyclicComponents(adjacency), [[0, 1, 2]])
        XCTAssertEqual(GraphAlgorithms.shortestCycle(from: 0, within: [0, 1, 2], adjacency: adjacency), [0, 1])
        XCTAssertEqual(GraphAlgorithms.reachable(from: [0], adjacency: GraphAlgorithms.reversed(adjacency)), [0, 1, 2, 3])
    }
}
