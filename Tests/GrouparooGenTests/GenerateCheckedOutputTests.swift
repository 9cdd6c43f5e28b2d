import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `generate` writes all or nothing, reads every rendered file back before writing, and warns
/// about what `validate` would reject.
final class GenerateCheckedOutputTests: GenerateTestCase {
    // MARK: all or nothing

    /// `properties` is a file, so the second file fails after the first was written (as root,
    /// too, where permissions would not stop a write).
    func testAFailedWriteRemovesTheFilesThisRunCreated() throws {
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try Data().write(to: configDirectory.appendingPathComponent("properties"))
        let result = runGenerate(["postgres:table:source", "users", "-p", "wh", "-w", "id,email"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.hasPrefix("error: cannot write config/properties/id.js: config/properties is a file, not a folder\n"),
                      result.errors)
        XCTAssertTrue(result.errors.contains("removed config/sources/users.js again (this run had written it)\n"), result.errors)
        XCTAssertTrue(result.errors.hasSuffix("nothing was changed\n"), result.errors)
        XCTAssertEqual(result.output, "")
        XCTAssertFalse(exists("sources/users.js"))
        XCTAssertFalse(exists("sources"), "the folder made for it is removed too")
        XCTAssertFalse(result.errors.contains("Error Domain"), result.errors)
    }

    func testAFailedWriteKeepsPreexistingFilesAndNamesReplacedOnes() throws {
        XCTAssertEqual(runGenerate(["postgres:table:source", "users", "-p", "wh"]).status, 0)
        try Data("// mine\n".utf8).write(to: configDirectory.appendingPathComponent("sources/users.js"))
        try Data().write(to: configDirectory.appendingPathComponent("properties"))
        let result = runGenerate(["postgres:table:source", "users", "-p", "wh", "-w", "id", "--overwrite"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains(
            "warning: config/sources/users.js was already replaced (--overwrite); its old contents cannot be restored\n"), result.errors)
        XCTAssertFalse(result.errors.contains("removed"), result.errors)
        XCTAssertTrue(exists("sources/users.js"), "a file that existed before is never removed")
    }

    func testWriterRollsBackOnlyWhatItCreated() throws {
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        try FileManager.default.createDirectory(at: configDirectory.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: configDirectory.appendingPathComponent("a/old.js"))
        try Data().write(to: configDirectory.appendingPathComponent("blocked"))
        let files = [PlannedFile(relativePath: "a/new.js", contents: "1"), PlannedFile(relativePath: "b/c/new.js", contents: "2"),
                     PlannedFile(relativePath: "blocked/x.js", contents: "3")]
        XCTAssertThrowsError(try writer.write(files)) { error in
            guard let failure = error as? WriteFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.removed.map(\.lastPathComponent), ["new.js", "new.js"])
            XCTAssertEqual(failure.kept, [])
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: configDirectory.appendingPathComponent("a").path), ["old.js"])
        XCTAssertFalse(exists("b"), "folders made by the run are removed")

        XCTAssertThrowsError(try writer.write(files, keepWrittenOnFailure: true)) { error in
            XCTAssertEqual((error as? WriteFailure)?.kept.count, 2)
        }
        XCTAssertTrue(exists("a/new.js"))
    }

    // MARK: file names

    func testTemporaryFilesHaveShortNamesSoLongNamesStillWork() throws {
        let name = String(repeating: "a", count: 252) + ".js"  // 255 bytes, the limit
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        try writer.write([PlannedFile(relativePath: name, contents: "1")])
        XCTAssertTrue(exists(name))
        try writer.write([PlannedFile(relativePath: "b.js", contents: "2")])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: configDirectory.path)), [name, "b.js"])
    }

    func testANameLongerThan255BytesIsRefusedBeforeWriting() throws {
        let writer = SafeFileWriter(configDirectory: configDirectory.path, overwrite: false)
        let long = String(repeating: "é", count: 127) + ".js"  // 257 bytes
        XCTAssertThrowsError(try writer.write([PlannedFile(relativePath: "ok.js", contents: "1"), PlannedFile(relativePath: long, contents: "2")])) {
            XCTAssertTrue("\($0)".contains("is 257 bytes long; file systems allow at most 255"), "\($0)")
        }
        XCTAssertFalse(exists("ok.js"))
    }

    // MARK: rendered files are read back

    func testATemplateRenderingInvalidJavaScriptIsRefused() throws {
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("exports.default = [{ class: \"group\", id: {{id}},\n  name: {{name}} rules: [] }];\n".utf8)
            .write(to: templates.appendingPathComponent("group.js.template"))
        let result = runGenerate(["group", "vips", "--templates", "templates"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("error: config/groups/vips.js:2:16: the rendered file is not valid JavaScript: "), result.errors)
        XCTAssertTrue(result.errors.hasSuffix("nothing was written\n"), result.errors)
        XCTAssertFalse(exists("groups/vips.js"))
        let dryRun = runGenerate(["group", "vips", "--templates", "templates", "--dry-run"])
        XCTAssertEqual(dryRun.status, 1, "a dry run shows the file, then refuses it")
        XCTAssertTrue(dryRun.output.contains("name: \"vips\" rules"), dryRun.output)
    }

    func testTemplateFileNamesMatchCaseInsensitivelyAndStrayOnesAreWarnedAbout() throws {
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("// custom\nexports.default = [{ class: \"apiKey\", id: {{id}}, name: {{name}}, apiKey: \"k\", options: { permissionAllRead: true } }];\n".utf8)
            .write(to: templates.appendingPathComponent("apikey.js.template"))
        try Data("// stray\n".utf8).write(to: templates.appendingPathComponent("apiKeys.js.template"))
        let result = runGenerate(["apiKey", "reporting", "--templates", "templates"])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(try contents("apiKeys/reporting.js").hasPrefix("// custom\n"), "apikey.js.template replaces apiKey.js.template")
        XCTAssertTrue(result.errors.contains("apiKeys.js.template matches no template and is ignored; did you mean apiKey.js.template?"),
                      result.errors)
        XCTAssertTrue(runGenerate(["--help"]).output.contains("names compared case-insensitively"))
    }

    func testTwoTemplateFilesForTheSameTemplateAreRefused() throws {
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: templates.appendingPathComponent("apikey.js.template"))
        try Data("b".utf8).write(to: templates.appendingPathComponent("APIKEY.js.template"))
        let result = runGenerate(["apiKey", "k", "--templates", "templates"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("for the template apiKey.js.template"), result.errors)
    }

    func testAMissingTemplatesFolderIsAPlainError() {
        let result = runGenerate(["apiKey", "k", "--templates", "nowhere"])
        XCTAssertEqual(result.status, 2, "an unreadable path is exit 2 (README)")
        XCTAssertTrue(result.errors.contains("nowhere: no such file or directory"), result.errors)
        XCTAssertFalse(result.errors.contains("Error Domain"), result.errors)
    }

    // MARK: what validate would reject

    func testAnIdLongerThan191CharactersIsRefused() {
        let result = runGenerate(["group", String(repeating: "g", count: 192)])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("is 192 characters long (at most \(GrouparooLimits.maximumLength)) [invalid-id]"), result.errors)
        XCTAssertFalse(exists("groups"))
        XCTAssertEqual(runGenerate(["group", String(repeating: "g", count: 191)]).status, 0)
    }

    func testShortApiKeyAndTeamNamesGetANotice() throws {
        let key = runGenerate(["apiKey", "ab"])
        XCTAssertEqual(key.status, 0, key.errors)
        XCTAssertTrue(key.errors.contains("notice: config/apiKeys/ab.js:7:13: `name` is 2 characters long; it must be at least 3 [invalid-length]"),
                      key.errors)
        let team = runGenerate(["team", "qa"])
        XCTAssertTrue(team.errors.contains("notice: config/teams/qa.js:7:13: `name` is 2 characters long"), team.errors)
        XCTAssertFalse(runGenerate(["team", "ops"]).errors.contains("[invalid-length]"))
        XCTAssertFalse(runGenerate(["group", "qa"]).errors.contains("[invalid-length]"), "other names have no minimum")
    }

    func testAScheduleForAKnownTableSourceGetsAColumnPlaceholder() throws {
        XCTAssertEqual(runGenerate(["postgres:table:source", "users", "-p", "wh"]).status, 0)
        let result = runGenerate(["schedule", "nightly", "--parent", "users"])
        XCTAssertEqual(result.status, 0, result.errors)
        let schedule = try contents("schedules/nightly.js")
        XCTAssertTrue(schedule.contains("column: \"...\""), schedule)
        XCTAssertTrue(result.errors.contains("whose schedule needs options.column"), result.errors)
        let report = Validator().validate(ConfigReader(options: ReaderOptions(environment: [:])).readDirectory(at: configDirectory.path))
        XCTAssertTrue(report.diagnostics.contains { $0.ruleID == "template-placeholder" && $0.message.contains("options.column") },
                      "\(report.diagnostics.map(\.message))")
        XCTAssertFalse(report.diagnostics.contains { $0.message.contains("column") && $0.ruleID != "template-placeholder" },
                       "\(report.diagnostics.map(\.message))")
    }

    func testAScheduleForAKnownQuerySourceGetsQueryPlaceholders() throws {
        XCTAssertEqual(runGenerate(["postgres:query:source", "purchases", "-p", "wh"]).status, 0)
        XCTAssertEqual(runGenerate(["schedule", "nightly", "--parent", "purchases"]).status, 0)
        let text = try contents("schedules/nightly.js")
        XCTAssertTrue(text.contains("query: \"...\"") && text.contains("propertyId: \"...\""), text)
    }

    func testAScheduleForAnUnknownSourceKeepsEmptyOptions() throws {
        XCTAssertEqual(runGenerate(["schedule", "nightly", "--parent", "elsewhere"]).status, 0)
        XCTAssertTrue(try contents("schedules/nightly.js").contains("      options: {},\n"))
        XCTAssertTrue(runGenerate(["schedule", "--describe"]).output.contains("\"...\" placeholders"))
    }
}
