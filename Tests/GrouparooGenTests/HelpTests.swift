import Foundation
import XCTest

@testable import grouparoo_gen

/// Every registered command explains itself: in `--help` (usage, options, an example) and in the README.
final class HelpTests: XCTestCase {
    private static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    func testEveryCommandHelpHasUsageOptionsAndAnExample() {
        let directory = FileManager.default.temporaryDirectory.path
        for command in CommandRouter.commands {
            let name = command.spec.name
            let run = runCLI([name, "--help"], in: directory)
            XCTAssertEqual(run.status, 0, name)
            let lines = run.output.components(separatedBy: "\n")
            XCTAssertTrue(lines.contains { $0.hasPrefix("USAGE: grouparoo-gen \(name)") }, "\(name): a USAGE line")
            let options = lines.firstIndex(of: "OPTIONS:")
            XCTAssertNotNil(options, "\(name): an OPTIONS section")
            if let options {
                XCTAssertTrue(lines[options + 1].hasPrefix("  -"), "\(name): OPTIONS lists options")
            }
            let examples = lines.firstIndex(of: "EXAMPLES:")
            XCTAssertNotNil(examples, "\(name): an EXAMPLES section")
            if let examples {
                XCTAssertTrue(lines[examples...].contains { $0.hasPrefix("    grouparoo-gen \(name)") }, "\(name): an example runs it")
            }
        }
    }

    /// The router finds a command by the name it is registered under, which must be its spec's.
    func testEveryCommandIsRegisteredUnderItsSpecName() {
        for command in CommandRouter.commands {
            XCTAssertEqual(command.name, command.spec.name)
            XCTAssertEqual(CommandRouter.command(named: command.spec.name)?.name, command.spec.name)
        }
        XCTAssertEqual(Set(CommandRouter.commands.map(\.name)).count, CommandRouter.commands.count, "names are unique")
    }

    /// The README has a `### \`name …\`` section per command. A new command fails here until it is documented.
    func testReadmeDocumentsEveryCommand() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let headings = readme.components(separatedBy: "\n").filter { $0.hasPrefix("### `") }
        for command in CommandRouter.commands {
            let name = command.spec.name
            XCTAssertTrue(headings.contains { $0.hasPrefix("### `\(name) ") || $0.hasPrefix("### `\(name)`") },
                          "README.md has no '### `\(name) …`' section")
        }
    }
}
