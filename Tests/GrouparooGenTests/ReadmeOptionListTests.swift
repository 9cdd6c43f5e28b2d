import Foundation
import XCTest

@testable import grouparoo_gen

/// README.md's command headings and option lists are made from the declarations: each command's
/// heading is its first usage line, followed by a generated list of its options. Run
/// `Scripts/update-readme-options.sh` after changing an option.
final class ReadmeOptionListTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    static let endMarker = "<!-- end of options -->"

    static func startMarker(_ command: String) -> String {
        "<!-- options of \(command), generated from its declarations by Scripts/update-readme-options.sh -->"
    }

    static func heading(_ spec: CommandSpec) -> String { "### `\(spec.usage[0])`" }

    /// The generated block: one line per option, `--help` left out (every command has it).
    static func optionList(_ spec: CommandSpec) -> [String] {
        let lines = spec.options.map { option in
            "- `\(option.names.joined(separator: "`, `"))\(option.valuePlaceholder)`: \(option.helpWithRepeat)"
        }
        return [startMarker(spec.name)] + (lines.isEmpty ? ["- no options besides `--help`"] : lines) + [endMarker]
    }

    /// README.md with every command's heading and option list regenerated.
    static func updated(_ readme: String) -> String {
        var lines = readme.components(separatedBy: "\n")
        for command in CommandRouter.commands {
            let name = command.spec.name
            guard let headingIndex = lines.firstIndex(where: { $0.hasPrefix("### `\(name) ") || $0 == "### `\(name)`" }) else { continue }
            lines[headingIndex] = heading(command.spec)
            let block = optionList(command.spec)
            if headingIndex + 2 < lines.count, lines[headingIndex + 2] == block[0],
               let end = lines[(headingIndex + 2)...].firstIndex(of: endMarker) {
                lines.replaceSubrange((headingIndex + 2)...end, with: block)
            } else {
                lines.insert(contentsOf: [""] + block, at: headingIndex + 1)
            }
        }
        return lines.joined(separator: "\n")
    }

    func testReadmeHeadingsAndOptionListsMatchTheDeclarations() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let expected = Self.updated(readme)
        if ProcessInfo.processInfo.environment["UPDATE_README_OPTIONS"] == "1", expected != readme {
            try expected.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        for command in CommandRouter.commands {
            let name = command.spec.name
            guard readme.contains("\n### `\(name) ") || readme.contains("\n### `\(name)`") else {
                XCTFail("README.md has no section for \(name); add '\(Self.heading(command.spec))', then run Scripts/update-readme-options.sh")
                continue
            }
            XCTAssertTrue(readme.contains(Self.heading(command.spec) + "\n\n" + Self.optionList(command.spec).joined(separator: "\n") + "\n"),
                          "README.md: \(name)'s heading or option list is stale; run Scripts/update-readme-options.sh")
        }
    }

    /// The list really follows the declarations: a changed help text shows up in it.
    func testOptionListFollowsTheDeclarations() {
        let list = Self.optionList(ValidateCommand.spec)
        XCTAssertTrue(list.contains("- `--format <text|json|github|sarif>`: Output format (default: text)."), "\(list)")
        XCTAssertTrue(list.contains("- `--disable <rule>`: Turn a rule off; a comma-separated list works too. (repeatable)"), "\(list)")
        XCTAssertEqual(Self.optionList(GenerateCommand.spec).filter { $0.contains("--high-water-mark") },
                       ["- `-H`, `--high-water-mark <column>`: Column for a table source's schedule, e.g. updated_at."])
    }
}
