import Foundation
import XCTest

@testable import grouparoo_gen

/// Options are declared once, typed; parsing, help and completion read the declarations.
final class OptionDeclarationTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func contents() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted()
    }

    /// `--config-dir --dry-run` used to write `--dry-run/apiKeys/abc.js`; `--high-water-mark --dry-run`
    /// wrote `column: "--dry-run"`. A value starting with `-` is refused unless written `--opt=-x`.
    func testValueOptionRefusesAFollowingOption() throws {
        let cases: [[String]] = [
            ["generate", "apiKey", "abc", "--config-dir", "--dry-run"],
            ["generate", "postgres:table:source", "users", "--parent", "wh", "--high-water-mark", "--dry-run"],
            ["generate", "schedule", "s", "--parent", "users", "-H", "--overwrite"],
            ["validate", "--format", "--strict"],
        ]
        for arguments in cases {
            let run = runCLI(arguments, in: directory.path)
            let option = arguments[arguments.count - 2]
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.errors.contains("option '\(option)' needs a value"), run.errors)
            XCTAssertTrue(run.errors.contains("not '\(arguments.last!)'"), run.errors)
            XCTAssertEqual(run.output, "")
            XCTAssertEqual(try contents(), [], "\(arguments) wrote nothing")
        }
    }

    func testDashValueIsAcceptedWhenWrittenWithEquals() throws {
        let run = runCLI(["generate", "schedule", "s", "--parent", "users", "--high-water-mark=-x", "--dry-run"], in: directory.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("column: \"-x\""), run.output)
        XCTAssertEqual(try contents(), [])
    }

    /// A choice is checked while parsing, with one message for every command.
    func testChoicesAreCheckedFromTheEnum() {
        for (command, option) in [("validate", "--format"), ("graph", "--format"), ("rules", "--format"),
                                  ("dump", "--evaluator"), ("validate", "--dialect")] {
            let run = runCLI([command, option, "nope"], in: directory.path)
            XCTAssertEqual(run.status, 2, "\(command) \(option)")
            XCTAssertTrue(run.errors.contains("error: unknown value 'nope' for \(option); use one of '"), run.errors)
        }
    }

    /// Each spelling belongs to one option of a command, and each option has a long name.
    func testSpellingsAreUniquePerCommand() {
        for command in CommandRouter.commands {
            let spellings = command.spec.allOptions.flatMap(\.names)
            XCTAssertEqual(spellings.count, Set(spellings).count, command.spec.name)
            for option in command.spec.allOptions {
                XCTAssertTrue(option.longName.hasPrefix("--"), "\(command.spec.name) \(option.names)")
                XCTAssertFalse(option.help.isEmpty, "\(command.spec.name) \(option.longName)")
            }
        }
    }

    /// Help prose names options that exist: a renamed option cannot leave its old name behind.
    func testHelpTextNamesOnlyDeclaredOptions() throws {
        let declared = Set(CommandRouter.commands.flatMap { $0.spec.allOptions.flatMap(\.names) } + ["--version"])
        let pattern = try NSRegularExpression(pattern: #"(?<![\w-])--[a-z][a-z-]*"#)
        var checked = 0
        for command in CommandRouter.commands {
            let text = command.spec.helpText
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                checked += 1
                let spelling = String(text[Range(match.range, in: text)!])
                XCTAssertTrue(declared.contains(spelling), "\(command.spec.name) --help mentions \(spelling), which no command declares")
            }
        }
        XCTAssertGreaterThan(checked, declared.count, "the scan sees the help's options")
    }

    /// Every option a template lists in `--describe` is a declared request input (or a value with a
    /// default that is not an option, like a group's modelId), and every request input is taken by some template.
    func testTemplateInputsAreDeclaredOptions() {
        let declared = Set(GenerateCommand.Options.requestInputs.map(\.spec.key))
        var used = Set<String>()
        for generator in GeneratorCatalog.all {
            for input in generator.inputs where input.name != "id" {
                used.insert(input.name)
                XCTAssertTrue(declared.contains(input.name) || input.defaultValue != nil,
                              "\(generator.name): input \(input.name) is not a declared generate option")
            }
        }
        XCTAssertEqual(declared.subtracting(used), [], "request inputs no template takes")
    }

    /// Reading the request back: every request input fills its field, and `givenInputs` names it.
    func testRequestInputsFillTheRequest() throws {
        let arguments = try ArgumentParser.parse(
            ["t", "i", "--parent", "p", "-H", "updated_at", "--permission", "app:r", "--permission", "group:w", "--read-all"],
            spec: GenerateCommand.spec)
        let request = try GenerateCommand.makeRequest(arguments, template: "t", id: "i", context: .live())
        XCTAssertEqual(request.parent, "p")
        XCTAssertEqual(request.highWaterMark, "updated_at")
        XCTAssertEqual(request.permissions, ["app:r", "group:w"])
        XCTAssertTrue(request.readAll)
        XCTAssertEqual(request.givenInputs, ["parent", "high-water-mark", "read-all", "permission"])
    }

    /// `OptionGroup.specs` and `generate`'s `requestInputs` are recorded while a group is made, not
    /// read back by reflection (too slow at start-up); reading the stored properties back must find
    /// the same options in the same order, so a declaration that records nothing fails here.
    func testRecordedOptionsAreTheStoredPropertiesInOrder() {
        func reflected(_ value: Any) -> [String] {
            Mirror(reflecting: value).children.flatMap { child -> [String] in
                if let declaration = child.value as? any OptionDeclaration { return [declaration.spec.longName] }
                if let nested = child.value as? any OptionGroup { return reflected(nested) }
                return []
            }
        }
        func check<Group: OptionGroup>(_ group: Group.Type) {
            XCTAssertEqual(Group.specs.map(\.longName), reflected(Group()), "\(Group.self)")
        }
        check(DumpCommand.Options.self)
        check(GenerateCommand.Options.self)
        check(ValidateCommand.Options.self)
        check(RulesCommand.Options.self)
        check(GraphCommand.Options.self)
        check(InitCommand.Options.self)
        check(SchemaCommand.Options.self)
        check(LSPCommand.Options.self)
        check(ImportCommand.Options.self)
        check(DiffCommand.Options.self)
        check(NoOptions.self)
        XCTAssertFalse(GenerateCommand.Options.specs.isEmpty)

        let inputs = Mirror(reflecting: GenerateCommand.Options()).children.compactMap { $0.value as? any RequestInput }
        XCTAssertEqual(GenerateCommand.Options.requestInputs.map(\.spec.longName), inputs.map(\.spec.longName))
        XCTAssertTrue(GenerateCommand.Options.requestInputs.contains { $0.spec.longName == "--parent" })
    }
}
