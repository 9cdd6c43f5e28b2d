@testable import ConfigModel
import XCTest

/// `dependency-cycle` searches for cycles over entry positions without building `ConfigGraph`; the
/// cycles it reports must be exactly the graph's, in the graph's order.
final class DependencyCycleRuleTests: XCTestCase {
    private func input(_ files: [String]) -> ValidationInput {
        let reader = ConfigReader()
        let read = files.enumerated().map { index, objects in
            reader.read(contents: Array("exports.default = [\n\(objects)\n];\n".utf8), path: "/virtual/file\(index).js")
        }
        return ValidationInput(read: ConfigReadResult(directory: "/virtual", files: read), plugins: nil)
    }

    /// The cycles as the rule words them, from `GraphAnalysis` (without the "objects involved" suffix).
    private func graphCycles(_ input: ValidationInput) -> [String] {
        let graph = ConfigGraph(input)
        return graph.analysis().cycles.map { cycle in
            "dependency cycle: " + (cycle + [cycle[0]]).map { graph.nodes[$0].id }.joined(separator: " → ")
        }
    }

    func testReportsTheGraphsCyclesDespiteDuplicatesRepeatsSelfAndMissingReferences() {
        let config = input(["""
            { id: "s", class: "source", name: "S", type: "t", mapping: { id: "p1", uid: "p1" } },
            { id: "p1", class: "property", key: "k1", type: "string", sourceId: "s2", options: { query: "{{{k2}}} {{{k3}}} {{{k2}}}" } },
            { id: "p2", class: "property", key: "k2", type: "string", sourceId: "s", options: { query: "{{{k2}}}" } },
            { id: "p2", class: "property", key: "k2b", type: "string", sourceId: "s2" }
            """, """
            { id: "s2", class: "source", name: "S2", type: "t", appId: "nowhere", mapping: { id: "p2" } },
            { id: "q1", class: "property", key: "q1", type: "string", options: { query: "{{{q2}}}" } },
            { id: "q2", class: "property", key: "q2", type: "string", options: { query: "{{{q1}}}" } }
            """])
        let expected = graphCycles(config)
        XCTAssertEqual(expected.count, 2)
        let reported = DependencyCycleRule().check(config)
        XCTAssertEqual(reported.map { $0.message.components(separatedBy: " (").first ?? "" }, expected)
        XCTAssertEqual(reported.first?.message.hasPrefix("dependency cycle: source:s → property:p1 → property:p2 → source:s"), true,
                       reported.first?.message ?? "no cycle")
        XCTAssertEqual(reported.first?.notes.first?.message, "source `s` depends on property `p1` through `mapping.id, mapping.uid`")
    }

    /// 20,000 properties, each templating the next, the last the first: one cycle through all of them.
    func testTwentyThousandNodeCycleIsFoundWithoutRecursion() {
        let count = 20_000
        let objects = (0..<count).map { index in
            "{ id: \"p\(index)\", class: \"property\", key: \"k\(index)\", type: \"string\", options: { query: \"{{{k\((index + 1) % count)}}} x\" } }"
        }
        let files = stride(from: 0, to: count, by: 200).map { objects[$0..<min($0 + 200, count)].joined(separator: ",\n") }
        let config = input(files)
        let reported = DependencyCycleRule().check(config)
        XCTAssertEqual(reported.map(\.message), graphCycles(config))
        XCTAssertEqual(reported.first?.notes.count, count)
    }
}
