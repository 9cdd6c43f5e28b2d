@testable import ConfigModel
import XCTest

/// `FieldKeys` finds a key through a table by length; it must find the row a plain scan (same length, then equal)
/// finds, for every table's keys and for keys no row binds.
final class ModelsFieldKeysTests: XCTestCase {
    func testRowsAgreeWithAPlainScan() {
        let tables = ConfigClass.allCases.map { $0.fields.map(\.key) } + [["a", "bb", "cc", "dd", "\u{e9}", ""]]
        // An array, not a set: `é` and `e\u{301}` are equal Strings of different lengths, and both are asked.
        let probes = Array(tables.joined())
            + ["", "x", "class", "id", "keys", "Key", "optionsX", "e\u{301}", "\u{e9}", String(repeating: "k", count: 40)]
        for keys in tables {
            let table = FieldKeys(keys)
            for probe in probes {
                let plain = keys.firstIndex { $0.utf8.count == probe.utf8.count && $0 == probe }
                XCTAssertEqual(table.row(of: probe), plain, "\(probe.debugDescription) in \(keys)")
            }
        }
    }
}
