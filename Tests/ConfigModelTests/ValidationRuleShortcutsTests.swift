@testable import ConfigModel
import XCTest

/// Rules skip work that cannot change their answer; each shortcut must agree with the plain check it replaces.
final class ValidationRuleShortcutsTests: XCTestCase {
    private func entry(id: String?, position: Int) -> ConfigEntry {
        var object = JSObject()
        if let id { object.set("id", LocatedValue(.string(id), span: .synthesized)) }
        return ConfigEntry(position: position, file: "/virtual/config.js", value: LocatedValue(.object(object), span: .synthesized))
    }

    /// `LaterDuplicates` files values in a table of positions hashed by their bytes; it must find what a dictionary
    /// from the value finds, also when text outside ASCII equals other text, and past the table's first size.
    func testLaterDuplicatesAgreeWithLookingUpFirst() {
        let rows: [(id: String?, value: String?)] = [("a", "x"), ("b", "y"), ("c", "x"), ("a", "x"), (nil, "y"), ("d", nil),
                                                      ("e", "z"), ("f", "x"), (nil, nil), ("g", "y"), ("e", "z")]
        XCTAssertEqual(laterDuplicates(rows).map(\.item), [2, 4, 7, 9])
        let equivalents: [(id: String?, value: String?)] = [("k", "k"), ("K", "\u{212A}"), ("k2", "K"), ("e1", "\u{E9}"),
                                                            ("e2", "e\u{301}"), ("e3", "\u{E9}"), ("c", "caf\u{E9}")]
        XCTAssertEqual(laterDuplicates(equivalents).map(\.item), [2, 4, 5])
        let many = (0..<300).map { (id: "i\($0)", value: "v\($0 % 97)") as (id: String?, value: String?) }
        XCTAssertEqual(laterDuplicates(many).count, 300 - 97)
        XCTAssertEqual(laterDuplicates(many + [("x", "\u{212A}")]).count, 300 - 97)
    }

    /// The duplicates `LaterDuplicates` finds in these rows, checked against a dictionary from the value.
    private func laterDuplicates(_ rows: [(id: String?, value: String?)]) -> [(item: Int, first: Int)] {
        let items = rows.enumerated().map { (entry: entry(id: $0.element.id, position: $0.offset), value: $0.element.value) }
        var firstByValue: [String: ConfigEntry] = [:]
        var expected: [(item: Int, first: Int)] = []
        for (position, item) in items.enumerated() {
            guard let value = item.value else { continue }
            guard let first = firstByValue[value] else {
                firstByValue[value] = item.entry
                continue
            }
            if first.id != item.entry.id { expected.append((position, first.position)) }
        }
        let found = LaterDuplicates.find(items, entry: \.entry, value: \.value)
        XCTAssertEqual(found.map(\.item.entry.position), expected.map(\.item))
        XCTAssertEqual(found.map(\.first.position), expected.map(\.first))
        return expected
    }

    /// Rules read entries' objects and typed lists in place: `withProperties` gives the object (an empty one for a
    /// value that is not an object) and `forEachUnretained` every model in order.
    func testInPlaceReadsSeeWhatCopiesSee() {
        let object = entry(id: "a", position: 0)
        XCTAssertEqual(object.withProperties { $0.properties.map(\.key) }, ["id"])
        let number = ConfigEntry(position: 1, file: "/virtual/config.js", value: LocatedValue(.number(1), span: .synthesized))
        XCTAssertEqual(number.withProperties(\.count), 0)
        let models = (0..<3).map { Decoded(entry: entry(id: "m\($0)", position: $0), config: $0 * 10) }
        var seen: [String] = []
        models.forEachUnretained { seen.append("\($0.entry.id ?? ""):\($0.config)") }
        XCTAssertEqual(seen, ["m0:0", "m1:10", "m2:20"])
    }

    /// `LaterDuplicates.forEachRepeat` compares a few values pairwise and files more in a table: both find the same
    /// repeats, also of text equal to other text outside ASCII.
    func testRepeatsFoundPairwiseAgreeWithTheTable() {
        let few: [String?] = ["x", "\u{212A}", nil, "x", "K", "e\u{301}", "\u{E9}", "y"]
        XCTAssertEqual(repeats(few), ["3<0", "4<1", "6<5"])
        XCTAssertEqual(repeats(few + Array(repeating: nil, count: 8)), repeats(few))
        XCTAssertEqual(repeats(few + ["y", "x"]), repeats(few) + ["8<7", "9<0"])
    }

    /// Each repeat `forEachRepeat` reports, as `index<first`.
    private func repeats(_ values: [String?]) -> [String] {
        var found: [String] = []
        LaterDuplicates.forEachRepeat(of: values) { index, first in found.append("\(index)<\(first)") }
        return found
    }

    /// `invalid-id` passes over a well-formed id at once: such an id has no `:` and is not too long either.
    func testWellFormedIDsNeedNoOtherCheck() {
        for id in ["a", "data_warehouse-2", String(repeating: "x", count: GrouparooLimits.maximumLength), "a:b", "a b", ""] {
            if GrouparooLimits.isWellFormedID(id) {
                XCTAssertFalse(id.containsByte(UInt8(ascii: ":")), id)
                XCTAssertLessThanOrEqual(id.utf16.count, GrouparooLimits.maximumLength, id)
            }
        }
    }

    /// `postgres-only-group-rule-op` looks only at rules whose op can be reported; every other op is accepted
    /// in both dialects or in neither, whatever the property type.
    func testPostgresOnlyCandidatesCoverEveryReportableOp() {
        for dialect in SQLDialect.allCases where dialect != .postgres {
            let candidates = PostgresOnlyGroupRuleOpRule.candidates(for: dialect)
            for op in GroupRuleOp.allCases where !candidates.contains(op) {
                for type in PropertyType.allCases {
                    XCTAssertFalse(op.isAccepted(for: type, dialect: .postgres) && !op.isAccepted(for: type, dialect: dialect),
                                   "\(op) \(type) \(dialect)")
                }
            }
            XCTAssertTrue(candidates.contains(.iLike), "\(dialect)")
        }
    }

    /// `dependency-cycle` searches only what peeling leaves: the same cyclic components, with the same edges
    /// inside each, as the whole graph has.
    func testCycleCandidatesKeepEveryCycle() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 1...30, using: &generator)
            let edges = round % 3 == 0 ? count / 2 : Int.random(in: 0...(count * 2), using: &generator)
            var adjacency = [[Int]](repeating: [], count: count)
            // No entry links to itself; repeats happen.
            for _ in 0..<edges {
                let (from, to) = (Int.random(in: 0..<count, using: &generator), Int.random(in: 0..<count, using: &generator))
                if from != to { adjacency[from].append(to) }
            }
            var starts = [0]
            for list in adjacency { starts.append(starts[starts.count - 1] + list.count) }
            let components = GraphAlgorithms.cyclicComponents(adjacency)
            guard let peeled = CycleCandidates.adjacency(starts: starts, targets: adjacency.flatMap { $0 }) else {
                // Nothing is left to search only when there is no cycle.
                XCTAssertEqual(components, [], "\(adjacency)")
                continue
            }
            XCTAssertEqual(GraphAlgorithms.cyclicComponents(peeled), components, "\(adjacency)")
            for component in components {
                let members = Set(component)
                for node in component {
                    XCTAssertEqual(peeled[node].filter(members.contains), adjacency[node].filter(members.contains), "\(adjacency)")
                }
                XCTAssertEqual(GraphAlgorithms.shortestCycle(from: component[0], within: members, adjacency: peeled),
                               GraphAlgorithms.shortestCycle(from: component[0], within: members, adjacency: adjacency))
            }
            XCTAssertFalse(components.isEmpty, "\(adjacency)")
        }
    }

    /// `hardcoded-secret` writes its message into reserved room; it must read as the interpolated sentence.
    func testSecretMessageAgreesWithInterpolation() {
        for (label, name) in [("options.password", "DW_PASSWORD"), ("apiKey", "K_APIKEY"), ("options.é", "X__"), ("", "")] {
            XCTAssertEqual(HardcodedSecretRule.message(label: label, environmentName: name),
                           "`\(label)` is a literal secret (value not shown); read it from the environment "
                               + "instead, e.g. `process.env.\(name)`")
        }
    }
}
