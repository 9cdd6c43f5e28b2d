import ConfigModel
import Foundation
import XCTest

/// docs/grouparoo-checks.md lists every check Grouparoo makes while loading config. Its rows must name rules
/// that exist, and its totals must be the counts of its rows.
final class ValidationGrouparooChecksDocTests: XCTestCase {
    private static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/grouparoo-checks.md")

    private enum Outcome { case offline, online, unreachable }

    func testRowsNameExistingRulesAndTotalsMatch() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let known = Set(RuleCatalog.all.map(\.description.identifier))
        var counts: [Outcome: Int] = [:]
        var numbers: [Int] = []
        for line in text.split(separator: "\n").map(String.init) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 6, let number = Int(cells[1]) else { continue }
            numbers.append(number)
            let ours = cells[cells.count - 2]
            let named = Self.ruleNames(in: ours)
            for name in named { XCTAssertTrue(known.contains(name), "row \(number) names unknown rule `\(name)`") }
            let outcome: Outcome? = !named.isEmpty ? .offline
                : ours.contains("*online*") ? .online : ours.contains("*unreachable*") ? .unreachable : nil
            guard let outcome else { XCTFail("row \(number) says neither a rule, *online* nor *unreachable*"); continue }
            counts[outcome, default: 0] += 1
        }
        XCTAssertEqual(numbers, Array(1...max(numbers.count, 1)), "rows are numbered 1…n")
        XCTAssertEqual(Self.total("Checks found", in: text), numbers.count)
        XCTAssertEqual(Self.total("Decided offline", in: text), counts[.offline])
        XCTAssertEqual(Self.total("Online only", in: text), counts[.online])
        XCTAssertEqual(Self.total("Cannot be reached", in: text), counts[.unreachable])
        for added in ["schedule-mapping-not-unique", "unique-through-non-unique-mapping", "invalid-remote-key",
                      "unsupported-refresh-query", "refresh-query-text", "sqlite-memory-database"] {
            XCTAssertTrue(text.contains("`\(added)`"), "\(added) is listed")
        }
    }

    /// Backticked kebab-case words, the way the document names rules (`--flags` are not rule names).
    private static func ruleNames(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { !$0.isEmpty && !$0.hasPrefix("-") && $0.allSatisfy { $0.isLowercase || $0 == "-" } && $0.contains("-") }
    }

    /// The bold number in the totals row that starts with `label`.
    private static func total(_ label: String, in text: String) -> Int? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("| \(label)") }),
              let start = line.range(of: "**"), let end = line.range(of: "**", range: start.upperBound..<line.endIndex)
        else { return nil }
        return Int(line[start.upperBound..<end.lowerBound])
    }
}
