import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Runs of diagnostics render on several threads; the printed text is the same as rendering each in turn.
final class DiagnosticPrinterTests: ValidateTestCase {
    func testParallelRenderingPrintsEveryDiagnosticInOrder() throws {
        var diagnostics: [Diagnostic] = []
        for file in 0..<400 { // more diagnostics than one window of runs renders
            let path = root.appendingPathComponent("f\(file).js").path
            try Data((0..<12).map { "const line\($0) = \(file);\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
            for line in 1...12 {
                diagnostics.append(Diagnostic(severity: line % 3 == 0 ? .error : .warning, ruleID: "r\(line)", message: "m \(file) \(line)",
                                              span: SourceSpan(file: path, start: TextPosition(line: line, column: 7),
                                                               end: TextPosition(line: line, column: 12))))
            }
        }
        var printed = ""
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { printed += $0 },
                                     errorIsTerminal: false)
        let printer = DiagnosticPrinter(context: context, relativeTo: root.path)
        printer.print(diagnostics, summary: "done")
        let oneByOne = diagnostics.map { printer.render($0) }.joined()
        XCTAssertEqual(printed, oneByOne + "done\n")
        XCTAssertTrue(printed.hasPrefix("f0.js:1:7: warning: m 0 1 [r1]\n    const line0 = 0;\n          ^~~~~\n"), printed)
    }

    /// The printer finds a diagnostic's line by scanning on from the last one it showed; the lines it
    /// prints are the full line table's, in any order asked, with every kind of line break.
    func testExcerptsShowTheLinesOfTheFullLineTable() throws {
        let bytes = Array("first\r\nsecond\rthird\u{2028}fourth\u{2029}\tfifth é\n\n\tlast, no terminator".utf8)
        let path = root.appendingPathComponent("lines.js").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let table = SourceLines(bytes)
        let numbers = [1, 2, 3, 4, 5, 6, 7, 8, 6, 2, 7]
        let diagnostics = numbers.map { number in
            Diagnostic(severity: .warning, ruleID: "r", message: "m",
                       span: SourceSpan(file: path, start: TextPosition(line: number, column: 1), end: TextPosition(line: number, column: 3)))
        }
        let expected = numbers.map { number in
            "lines.js:\(number):1: warning: m [r]\n" + (table.line(number).map { "    \($0)\n    \($0.isEmpty ? "^" : "^~")\n" } ?? "")
        }.joined()
        var printed = ""
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { printed += $0 },
                                     errorIsTerminal: false)
        DiagnosticPrinter(context: context, relativeTo: root.path).print(diagnostics)
        XCTAssertEqual(printed, expected)
        XCTAssertTrue(printed.contains("    \tfifth é\n    ^~\n"), printed)
    }

    /// Runs cover every diagnostic once, in order, and end where a file's diagnostics end when that is near.
    func testRunsKeepAFileTogether() {
        let diagnostics = (0..<10).map { index in
            Diagnostic(severity: .error, ruleID: "r", message: "m",
                       span: SourceSpan(file: index < 6 ? "a.js" : "b.js", start: TextPosition(line: 1, column: 1),
                                        end: TextPosition(line: 1, column: 1)))
        }
        XCTAssertEqual(DiagnosticText.runs(of: diagnostics, size: 4), [0..<6, 6..<10])
        XCTAssertEqual(DiagnosticText.runs(of: diagnostics, size: 2), [0..<4, 4..<6, 6..<10])
        XCTAssertEqual(DiagnosticText.runs(of: [], size: 4), [])
    }
}
