import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `--files` (and file paths given as arguments) and `.grouparoo-gen.json`.
final class ValidateFilesAndSettingsTests: ValidateTestCase {
    private let validSetting = """
        exports.default = [{ class: "setting", id: "cluster", pluginName: "core", key: "cluster-name", value: "Test" }];

        """

    // MARK: --files

    func testFilesReportOnlyTheirOwnDiagnostics() throws {
        try write("config/ok.js", validSetting)
        try write("config/broken.js", "exports.default = [ { class: \"app\", \n")
        let onlyOK = validate(["config", "--files", "config/ok.js"])
        XCTAssertEqual(onlyOK.status, 0, onlyOK.errors)
        XCTAssertEqual(onlyOK.errors, "0 errors, 0 warnings in 1 file (1 object)\n")
        let both = validate(["config", "--files", "config/ok.js", "config/broken.js"])
        XCTAssertEqual(both.status, 1, "a file after --files' value is a file to report on too")
        XCTAssertTrue(both.errors.contains("config/broken.js:2:1: error: "), both.errors)
        XCTAssertTrue(both.errors.hasSuffix("in 2 files (1 object)\n"), both.errors)
    }

    func testFilesAsPositionalsAfterDoubleDash() throws {
        try write("config/ok.js", validSetting)
        try write("config/broken.js", "exports.default = [ { class: \"app\", \n")
        XCTAssertEqual(validate(["--", "config/ok.js"]).status, 0)
        XCTAssertEqual(validate(["--", "config/broken.js"]).status, 1)
        XCTAssertEqual(validate(["config/ok.js", "config/broken.js"]).status, 1)
    }

    func testReferencesStillResolveAcrossTheWholeDirectory() throws {
        try writeConfig("a.js", objects: #"{ class: "team", id: "admins", name: "Admins A" },"#)
        try writeConfig("b.js", objects: #"{ class: "team", id: "admins", name: "Admins B" },"#)
        let diagnostics = try jsonDiagnostics(["config", "--files", "config/b.js"])
        let duplicates = diagnostics.filter { $0["rule_id"] as? String == "duplicate-id" }
        XCTAssertFalse(duplicates.isEmpty, "the duplicate in b.js is found although a.js is not selected")
        XCTAssertTrue(diagnostics.allSatisfy { $0["file"] as? String == "config/b.js" }, "\(diagnostics)")
        let document = try validate(["config", "--files", "config/b.js", "--format", "json"]).json()
        XCTAssertEqual(document["file_count"] as? Int, 1)
        XCTAssertEqual(document["object_count"] as? Int, 1)
        XCTAssertEqual(document["error_count"] as? Int, diagnostics.count { $0["severity"] as? String == "error" })
    }

    /// A commit adding a second object with an existing id: the error sits in the unchanged file
    /// (the later one in glob order), with a note pointing into the committed file.
    func testFilesKeepADuplicateWhoseNotePointsIntoASelectedFile() throws {
        try write("config/z.js", #"module.exports={class:"team",id:"ops",name:"Ops Team"}"# + "\n")
        try write("config/a.js", #"module.exports={class:"team",id:"ops",name:"Other Ops"}"# + "\n")
        let run = validate(["config", "--files", "config/a.js"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("[duplicate-id]"), run.errors)
        XCTAssertTrue(run.errors.contains("1 error, 0 warnings in 1 file"), run.errors)
        XCTAssertEqual(validate(["config", "--files", "config/z.js"]).status, 1)
    }

    func testFilesKeepDiagnosticsWithoutALocationAndDropUnrelatedOnes() throws {
        let selected = configDirectory.appendingPathComponent("a.js").path
        let other = configDirectory.appendingPathComponent("b.js").path
        var pointing = SampleDiagnostics.duplicate(in: other)
        pointing.notes = [DiagnosticNote("first defined here", span: SampleDiagnostics.span(selected, 1, 1))]
        let unrelated = SampleDiagnostics.duplicate(in: other)
        let report = ValidationReport(diagnostics: [SampleDiagnostics.unlocated(), pointing, unrelated,
                                                    SampleDiagnostics.warning(in: other)],
                                      fileCount: 2, objectCount: 2)
        let read = ConfigReader().readDirectory(at: configDirectory.path)
        let outcome = ValidationOutcome(report: report, read: read, onlyFiles: [selected], strict: false)
        XCTAssertEqual(outcome.diagnostics, [SampleDiagnostics.unlocated(), pointing])
        XCTAssertEqual(outcome.errorCount, 2)
        XCTAssertEqual(outcome.warningCount, 0)
    }

    func testFileOutsideTheConfigDirectoryIsNoted() throws {
        try write("config/ok.js", validSetting)
        try write("scripts/tool.js", "module.exports = 1;\n")
        let run = validate(["config", "--files", "scripts/tool.js"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("note: \(root.path)/scripts/tool.js is not inside the config directory"), run.errors)
        XCTAssertTrue(run.errors.hasSuffix("0 errors, 0 warnings in 0 files (0 objects)\n"), run.errors)
    }

    // MARK: .grouparoo-gen.json

    func testSettingsFileMakesTheRunStrictAndFlagsOverrideIt() throws {
        try writeUnsetVariableSetting()
        try write(".grouparoo-gen.json", #"{ "strict": true }"#)
        XCTAssertEqual(validate(["config"]).status, 1)
        XCTAssertEqual(validate(["config", "--no-strict"]).status, 0)
    }

    func testSettingsFileDisablesRulesAndTheCommandLineReenablesThem() throws {
        try writeUnsetVariableSetting()
        try write(".grouparoo-gen.json", #"{ "strict": true, "disable": ["unset-env-var"], "dialect": "postgres" }"#)
        XCTAssertEqual(validate(["config"]).status, 0)
        let reenabled = validate(["config", "--enable", "unset-env-var"])
        XCTAssertEqual(reenabled.status, 1, reenabled.errors)
        XCTAssertTrue(reenabled.errors.contains("[unset-env-var]"))
    }

    func testNearestSettingsFileWins() throws {
        try writeUnsetVariableSetting()
        try write(".grouparoo-gen.json", #"{ "strict": true }"#)
        try write("config/.grouparoo-gen.json", #"{ "strict": false }"#)
        XCTAssertEqual(validate(["config"]).status, 0)
    }

    func testLookupStopsAtTheRepositoryRoot() throws {
        try write("outer/.grouparoo-gen.json", #"{ "strict": true }"#)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outer/repo/.git"), withIntermediateDirectories: true)
        try write("outer/repo/config/settings.js", "exports.default = [{ class: \"setting\", id: \"c\", pluginName: \"core\", "
            + "key: \"cluster-name\", value: process.env.CLUSTER_NAME_FOR_TESTS }];\n")
        let run = runCLI(["validate", "config"], in: root.appendingPathComponent("outer/repo").path)
        XCTAssertEqual(run.status, 0, "the settings above the repository are not applied: \(run.errors)")
        XCTAssertNil(ProjectSettings.find(startingAt: root.appendingPathComponent("outer/repo/config").path))
        XCTAssertEqual(ProjectSettings.find(startingAt: root.appendingPathComponent("outer").path),
                       root.appendingPathComponent("outer/.grouparoo-gen.json").path)
    }

    /// The walk up by the path's text finds what the walk with `URL`'s path methods finds, from folders below, at and
    /// above a settings file and a repository root, spelled with `.`, `..`, a trailing slash and non-ASCII names.
    func testSettingsLookupByPathTextEqualsTheURLWalk() throws {
        func urlWalk(_ directory: String) -> String? {
            var current = URL(fileURLWithPath: directory).standardizedFileURL
            while true {
                let candidate = current.appendingPathComponent(ProjectSettings.fileName).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return nil }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { return nil }
                current = parent
            }
        }
        try write("a/.grouparoo-gen.json", "{}")
        try write("a/b/\u{301}c/é/x.js", "")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/b/\u{301}c/.git"), withIntermediateDirectories: true)
        try write("a/d/e/x.js", "")
        let base = root.path
        let starts = ["a", "a/", "a/b", "a/b/\u{301}c", "a/b/\u{301}c/é", "a/b/\u{301}c/é/", "a/d/e", "a/d/./e/..", "a/d/e/../../b",
                      "", ".", "/", "/tmp"].map { $0.hasPrefix("/") ? $0 : base + "/" + $0 }
        for start in starts { XCTAssertEqual(ProjectSettings.find(startingAt: start), urlWalk(start), start) }
        XCTAssertEqual(ProjectSettings.find(startingAt: base + "/a/d/e"), base + "/a/.grouparoo-gen.json")
        XCTAssertNil(ProjectSettings.find(startingAt: base + "/a/b/\u{301}c/é"))
    }

    func testBadSettingsFilesAreUsageErrors() throws {
        let cases: [(String, String)] = [
            (#"{ "stirct": true }"#, #"unknown setting "stirct" (did you mean "strict"?)"#),
            (#"{ "strict": "yes" }"#, #""strict" must be true or false"#),
            (#"{ "strict": 1 }"#, #""strict" must be true or false"#),
            (#"{ "disable": "duplicate-id" }"#, #""disable" must be a list of rule ids"#),
            (#"{ "disable": ["duplicate-idd"] }"#, "unknown rule 'duplicate-idd'"),
            (#"{ "dialect": "mysql" }"#, #""dialect" must be "sqlite" or "postgres""#),
            ("{ strict: true", "is not valid JSON"),
            ("[]", "must hold a JSON object"),
        ]
        for (contents, expected) in cases {
            try write(".grouparoo-gen.json", contents)
            let run = validate(["config"])
            XCTAssertEqual(run.status, 2, contents)
            XCTAssertTrue(run.errors.contains(expected), "\(contents): \(run.errors)")
            XCTAssertTrue(run.errors.contains(".grouparoo-gen.json"), "the message names the file")
        }
    }

    func testSettingsFileMistakesHaveLineAndColumn() throws {
        let cases: [(String, String)] = [
            ("{\n  \"strict\": true,\n  \"disable\": [\"a\" \"b\"]\n}\n", ".grouparoo-gen.json:3:19: the settings file is not valid JSON: "),
            ("{\n  \"strict\": \"yes\"\n}\n", ".grouparoo-gen.json:2:13: \"strict\" must be true or false"),
            ("{\n  \"disable\": [\"duplicate-id\", 3]\n}\n", ".grouparoo-gen.json:2:31: \"disable\" must be a list of rule ids"),
            ("{ \"strict\": true,\n  \"stirct\": true }", ".grouparoo-gen.json:2:3: unknown setting \"stirct\""),
        ]
        for (contents, expected) in cases {
            try write(".grouparoo-gen.json", contents)
            let run = validate(["config"])
            XCTAssertEqual(run.status, 2, contents)
            XCTAssertTrue(run.errors.contains(expected), "\(contents): \(run.errors)")
        }
    }

    func testAFileArgumentWithoutAConfigDirectorySaysItWasTakenAsFiles() throws {
        try FileManager.default.removeItem(at: configDirectory)
        try write("some/file.js", "module.exports = [];\n")
        let run = validate(["some/file.js"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("config directory \(configDirectory.path) does not exist. some/file.js is a file, "
            + "so it was taken as --files some/file.js"), run.errors)
        XCTAssertTrue(run.errors.contains("`grouparoo-gen validate some --files some/file.js`"), run.errors)
    }

    /// Issue 9 §5.7: `validate proj/config/teams/x.js` suggested `validate proj/config/teams`, a folder
    /// inside the config dir. The suggestion is the config dir, and running it works.
    func testAFileArgumentSuggestsTheConfigDirectoryItIsIn() throws {
        try FileManager.default.removeItem(at: configDirectory)
        try write("proj/config/teams/x.js", "exports.default = { class: \"team\", id: \"x\", name: \"X Team\" };\n")
        let cases: [(directory: String, file: String, suggestion: String)] = [
            (root.path, "proj/config/teams/x.js", "validate proj/config --files proj/config/teams/x.js"),
            (root.path + "/proj/config", "teams/x.js", "validate . --files teams/x.js"),
            (root.path + "/proj/config/teams", "x.js", "validate .. --files x.js"),
        ]
        for (directory, file, suggestion) in cases {
            let run = runCLI(["validate", file], in: directory)
            XCTAssertEqual(run.status, 2, file)
            XCTAssertTrue(run.errors.contains("`grouparoo-gen \(suggestion)`"), run.errors)
            let suggested = runCLI(suggestion.split(separator: " ").map(String.init), in: directory)
            XCTAssertEqual(suggested.status, 0, "\(suggestion): \(suggested.errors)")
            XCTAssertTrue(suggested.errors.contains("0 errors, 0 warnings in 1 file (1 object)"), suggested.errors)
        }
        XCTAssertEqual(ValidateOptions.likelyConfigDirectory(of: "/a/b/c.js"), "/a/b", "no config folder: the file's own folder")
        XCTAssertEqual(ValidateOptions.relativePath("/x/y", from: "/a/b"), "/x/y")
    }

    func testResolvedOptionsCombineSettingsAndFlags() throws {
        try write(".grouparoo-gen.json", #"{ "dialect": "postgres", "disable": ["unset-env-var", "ignored-key"], "enable": ["duplicate-id"] }"#)
        let context = CommandContext(environment: [:], currentDirectory: root.path, write: { _ in }, writeError: { _ in },
                                     errorIsTerminal: false)
        let spec = ValidateCommand.spec
        let fromFile = try ValidateOptions.resolve(try ArgumentParser.parse(["config"], spec: spec), context: context)
        XCTAssertEqual(fromFile.dialect, .postgres)
        XCTAssertEqual(fromFile.selection.disabled, ["unset-env-var", "ignored-key"])
        XCTAssertEqual(fromFile.settingsPath, root.appendingPathComponent(".grouparoo-gen.json").path)
        let arguments = try ArgumentParser.parse(["config", "--dialect", "sqlite", "--enable", "ignored-key",
                                                  "--disable", "duplicate-id,invalid-id", "--format", "sarif"], spec: spec)
        let overridden = try ValidateOptions.resolve(arguments, context: context)
        XCTAssertEqual(overridden.dialect, .sqlite)
        XCTAssertEqual(overridden.selection.disabled, ["unset-env-var", "duplicate-id", "invalid-id"])
        XCTAssertEqual(overridden.selection.enabled, ["ignored-key"])
        XCTAssertEqual(overridden.format, .sarif)
        XCTAssertEqual(overridden.configDirectory, configDirectory.path)
    }

    func testSettingsParsing() throws {
        try write("s.json", #"{ "disable": ["a", "b"], "enable": [], "strict": false, "dialect": "sqlite" }"#)
        let settings = try ProjectSettings.load(from: root.appendingPathComponent("s.json").path)
        XCTAssertEqual(settings.disable, ["a", "b"])
        XCTAssertEqual(settings.enable, [])
        XCTAssertEqual(settings.strict, false)
        XCTAssertEqual(settings.dialect, .sqlite)
    }
}
