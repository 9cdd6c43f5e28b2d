import Foundation
import XCTest

@testable import grouparoo_gen

/// Every example of every command's `--help` runs, in a fresh project holding a valid config, and
/// ends with the exit code it declares (issue 9 §5.6: an example named a rule that does not exist).
final class HelpExampleTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A repository with `config/` and `examples/postgres-mailchimp/config` (both the valid example
    /// config) and a `.env`, which is what the examples refer to.
    private func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("help-examples-\(UUID().uuidString)")
            .standardizedFileURL.resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let example = Self.repository.appendingPathComponent("examples/postgres-mailchimp/config")
        try FileManager.default.copyItem(at: example, to: root.appendingPathComponent("config"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("examples/postgres-mailchimp"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: example, to: root.appendingPathComponent("examples/postgres-mailchimp/config"))
        try "DATA_WAREHOUSE_HOST=db.internal\n".write(to: root.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        return root
    }

    /// The words of an example before any shell plumbing (` | `, ` > `), with double quotes removed.
    static func words(_ command: String) -> [String] {
        var line = Substring(command)
        for plumbing in [" | ", " > "] {
            if let range = line.range(of: plumbing) { line = line[..<range.lowerBound] }
        }
        var words: [String] = [], current = "", quoted = false, inWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if character == " ", !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    func testWordsSplitLikeAShell() {
        XCTAssertEqual(Self.words("generate postgres:app \"Sales DB\" --x=\"a b\""), ["generate", "postgres:app", "Sales DB", "--x=a b"])
        XCTAssertEqual(Self.words("graph config | dot -Tpng"), ["graph", "config"])
        XCTAssertEqual(Self.words("completion zsh > \"${fpath[1]}/_x\""), ["completion", "zsh"])
    }

    func testEveryHelpExampleEndsAsDocumented() throws {
        var count = 0
        for command in CommandRouter.commands {
            for example in command.spec.examples {
                let root = try makeProject()
                defer { try? FileManager.default.removeItem(at: root) }
                let arguments = Self.words(example.command)
                XCTAssertEqual(arguments.first, command.spec.name, "an example of \(command.spec.name) runs \(command.spec.name)")
                if example.needsInstance {
                    XCTAssertNoThrow(try ArgumentParser.parse(Array(arguments.dropFirst()), spec: command.spec), example.command)
                    continue
                }
                let run = runCLI(arguments, in: root.path)
                XCTAssertEqual(run.status, example.exitCode, "`grouparoo-gen \(example.command)`:\n\(run.errors)")
                count += 1
            }
        }
        XCTAssertGreaterThanOrEqual(count, CommandRouter.commands.count)
    }
}
