@testable import ConfigModel
import XCTest

/// A report's diagnostics are sorted through keys read once and moved into place: the order must be the plain
/// sort by file (paths equal as strings, in either normal form, are one file), position (located ones first),
/// rule id, then the order they came in.
final class ValidationReportOrderTests: XCTestCase {
    func testSortedEqualsThePlainSortOfDiagnostics() {
        var seed: UInt64 = 11
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        let files = ["/c/b.js", "/c/a.js", "/c/a/z.js", "/c/A.js", "/c/caf\u{E9}.js", "/c/cafe\u{301}.js"]
        let diagnostics = (0..<500).map { index -> Diagnostic in
            let position = TextPosition(line: 1 + next(3), column: 1 + next(3))
            let span = next(5) == 0 ? nil : SourceSpan(file: files[next(files.count)], start: position, end: position)
            if next(4) == 0 { return Diagnostic(severity: .error, problem: .syntaxError, message: "\(index)", span: span) }
            return Diagnostic(severity: .warning, ruleID: ["b-rule", "a-rule", "c"][next(3)], message: "\(index)", span: span)
        }
        let plain = diagnostics.indices.sorted { left, right in
            let (a, b) = (diagnostics[left], diagnostics[right])
            switch (a.span, b.span) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x.file != y.file { return x.file < y.file }
                if x.start != y.start { return x.start < y.start }
            }
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            return left < right
        }.map { diagnostics[$0] }
        XCTAssertEqual(ValidationReport.sorted(diagnostics), plain)
    }

    /// A directory's diagnostics and suppression comments are gathered passing over files without any: they must
    /// be every file's, in file order.
    func testGatheredListsEqualEveryFilesInOrder() {
        let reader = ConfigReader()
        let sources = ["module.exports = {", "// grouparoo-gen-disable-next-line unknown-key\nmodule.exports = {};",
                       "module.exports = { id: 1 };", "module.exports = [", "/* grouparoo-gen-disable unknown-key */"]
        let files = sources.enumerated().map { reader.read(contents: Array($1.utf8), path: "/virtual/f\($0).js") }
        let read = ConfigReadResult(directory: "/virtual", files: files + files)
        XCTAssertEqual(read.diagnostics, read.files.flatMap(\.diagnostics))
        XCTAssertEqual(read.suppressions, read.files.flatMap(\.suppressions))
        XCTAssertEqual(read.diagnostics.count, 4)
        XCTAssertEqual(read.suppressions.count, 2)
    }
}
