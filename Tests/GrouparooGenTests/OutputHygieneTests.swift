import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Control characters from config files never reach the terminal or a CI log raw, and
/// Foundation's error dumps never reach the user.
final class OutputHygieneTests: ValidateTestCase {
    private let escape = "\u{1B}"

    /// A group whose id holds ESC (written as an escape in the source, and raw in a comment on the
    /// same line), in a file whose name holds a newline.
    private func writeHostileConfig() throws {
        try write("config/new\nline.js", "exports.default = [{ class: \"group\", id: \"red\\u001b[31mgroup\", name: \"G\", type: \"manual\" }]; // \(escape)[2J\n")
        try write("config/b.js", "exports.default = [{ class: \"group\", id: \"red\\u001b[31mgroup\", name: \"H\", type: \"manual\" }];\n")
    }

    func testTextOutputEscapesControlCharacters() throws {
        try writeHostileConfig()
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.errors.contains(escape), run.errors)
        XCTAssertTrue(run.errors.contains("red\\e[31mgroup"), run.errors)
        XCTAssertTrue(run.errors.contains("config/new\\nline.js:1:"), run.errors)
        XCTAssertTrue(run.errors.contains("// \\e[2J"), "the source line is escaped too: \(run.errors)")
    }

    func testGitHubOutputEscapesControlCharacters() throws {
        try writeHostileConfig()
        let run = validate(["config", "--format", "github"])
        XCTAssertFalse(run.output.contains(escape), run.output)
        XCTAssertTrue(run.output.contains("file=config/new\\nline.js"), run.output)
        XCTAssertTrue(run.output.contains("red\\e[31mgroup"), run.output)
    }

    func testGraphOrderEscapesIds() throws {
        try write("config/a.js", "exports.default = [{ class: \"model\", id: \"m\\u001b]0;x\\u0007\", name: \"M\", type: \"profile\" }];\n")
        let run = runCLI(["graph", "config", "--order"], in: root.path)
        XCTAssertEqual(run.output, "model:m\\e]0;x\\x07\n")
        let dot = runCLI(["graph", "config"], in: root.path)
        XCTAssertFalse(dot.output.contains(escape), dot.output)
    }

    func testTheCaretStaysUnderTheEscapedText() {
        let file = root.appendingPathComponent("c.js").path
        _ = FileManager.default.createFile(atPath: file, contents: Data("a\u{1B}bc = 1;\n".utf8))
        let diagnostic = Diagnostic(severity: .error, ruleID: "x", message: "m",
                                    span: SourceSpan(file: file, start: TextPosition(line: 1, column: 3), end: TextPosition(line: 1, column: 5)))
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { _ in },
                                     errorIsTerminal: false)
        let text = DiagnosticPrinter(context: context, relativeTo: root.path).render(diagnostic)
        XCTAssertEqual(text, "c.js:1:3: error: m [x]\n    a\\ebc = 1;\n       ^~\n")
    }

    func testAMultiLineMessageCannotFakeADiagnosticLine() {
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { _ in },
                                     errorIsTerminal: false)
        // The second message's line feed is followed by a combining mark, which string search steps over.
        for next in ["config/z.js", "\u{301}z.js"] {
            let diagnostic = Diagnostic(severity: .warning, ruleID: "x", message: "id `a\n\(next):1:1: error: fake`", span: nil)
            let text = DiagnosticPrinter(context: context, relativeTo: root.path).render(diagnostic)
            XCTAssertEqual(text, "warning: id `a\n      \(next):1:1: error: fake` [x]\n")
        }
    }

    func testControlCharacterEscapes() {
        XCTAssertEqual(ControlCharacters.escaped("a\tb"), "a\tb")
        XCTAssertEqual(ControlCharacters.escaped("a\nb\rc"), "a\\nb\\rc")
        XCTAssertEqual(ControlCharacters.escaped("a\nb", keepNewlines: true), "a\nb")
        XCTAssertEqual(ControlCharacters.escaped("\u{1B}[0m\u{0}\u{7F}\u{9B}é"), "\\e[0m\\x00\\x7F\\u{9B}é")
    }

    func testFileErrorsAreDescribedInPlainWords() {
        XCTAssertEqual(FileErrorDescription.describe(CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/x/tmp.js"]),
                                                     path: "config/a.js"),
                       "config/a.js: permission denied")
        XCTAssertEqual(FileErrorDescription.describe(CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/x/y"])),
                       "/x/y: no such file or directory")
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: 512,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        XCTAssertEqual(FileErrorDescription.describe(wrapped, path: "a"), "a: no space left on device")
        XCTAssertEqual(FileErrorDescription.describe(POSIXError(.EROFS)), "read-only file system")
        XCTAssertEqual(FileErrorDescription.describe(GenerateError("our own words")), "our own words")
        let failure = WriteFailure(path: URL(fileURLWithPath: "/r/config/teams/README.md"),
                                   underlying: CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/r/config/teams/.gg-1.tmp"]))
        XCTAssertEqual(failure.message { $0.replacingOccurrences(of: "/r/", with: "") },
                       "cannot write config/teams/README.md: permission denied")
    }

    /// No command turns an error into text with `localizedDescription` or a bare `\(error)`, which
    /// print `Error Domain=NSCocoaErrorDomain Code=513 ...` for Foundation's errors.
    func testNoCommandPrintsFoundationErrorDumps() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/grouparoo-gen")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasSuffix("FileErrorDescription.swift") }
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("localizedDescription"), file)
            XCTAssertFalse(text.contains("\\(error)"), file)
        }
    }
}
