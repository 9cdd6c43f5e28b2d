#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// The text report reads each file it shows lines of again when it prints, without `fstat` (`ShownFileReader`); it
/// must print what reading the whole file at report time gives.
final class ShownFileReaderTests: ValidateTestCase {
    /// Files edited, emptied, deleted or replaced after they were read: each shows its lines as they are now (an
    /// empty line where the file ends with a line break), none where the line is gone or the path no longer
    /// names a regular file.
    func testFilesChangedSinceTheReadShowTheirLinesAsTheyAreNow() throws {
        let grown = (1...3000).map { "const line\($0) = 0;\n" }.joined() // longer than one read into the buffer
        try write("c/grown.js", grown)
        try write("c/shrunk.js", "const only = 1;\n")
        try write("c/emptied.js", "")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("c/directory.js"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(root.appendingPathComponent("c/fifo.js").path, 0o600), 0)
        let printed = print([("deleted.js", 1), ("directory.js", 1), ("emptied.js", 1), ("emptied.js", 2), ("fifo.js", 1),
                             ("grown.js", 2999), ("grown.js", 3001), ("grown.js", 3002), ("shrunk.js", 1), ("shrunk.js", 3)])
        let header = { (name: String, line: Int) in "c/\(name):\(line):1: warning: m [r]\n" }
        XCTAssertEqual(printed, header("deleted.js", 1) + header("directory.js", 1)
            + header("emptied.js", 1) + "    \n    ^\n" + header("emptied.js", 2) + header("fifo.js", 1)
            + header("grown.js", 2999) + "    const line2999 = 0;\n    ^~~~~\n"
            + header("grown.js", 3001) + "    \n    ^\n" + header("grown.js", 3002)
            + header("shrunk.js", 1) + "    const only = 1;\n    ^~~~~\n" + header("shrunk.js", 3))
        XCTAssertGreaterThan(grown.utf8.count, 16 << 10)
    }

    /// The text report of one warning at column 1 to 6 of each line named, in that order.
    private func print(_ lines: [(file: String, line: Int)]) -> String {
        let diagnostics = lines.map { file, line in
            Diagnostic(severity: .warning, ruleID: "r", message: "m",
                       span: SourceSpan(file: root.appendingPathComponent("c/" + file).path,
                                        start: TextPosition(line: line, column: 1), end: TextPosition(line: line, column: 6)))
        }
        var printed = ""
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { printed += $0 },
                                     errorIsTerminal: false)
        DiagnosticPrinter(context: context, relativeTo: root.path).print(diagnostics)
        return printed
    }
}
