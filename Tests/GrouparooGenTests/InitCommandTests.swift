import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `grouparoo-gen init`, run in-process on scratch folders.
final class InitCommandTests: XCTestCase {
    var repository: ScratchRepository!
    var root: URL { repository.root }

    override func setUpWithError() throws {
        repository = try ScratchRepository.empty("init-tests")
    }

    override func tearDownWithError() throws {
        repository.remove()
    }

    func initialize(_ arguments: [String] = ["--with-app", "postgres"]) -> CLIRun {
        runCLI(["init"] + arguments, in: root.path)
    }

    static let folders = ["apiKeys", "apps", "destinations", "groups", "models", "properties", "sources", "teams"]
    static let repositoryFiles = [".env.example", ".github/workflows/grouparoo-validate.yml", ".gitignore", ".pre-commit-config.yaml"]
    static let starterConfig = ["config/apiKeys/default_api_key.js", "config/apps/data_warehouse.js",
                                "config/properties/user_id.js", "config/sources/users_table.js"]
    static var expectedFiles: [String] {
        (repositoryFiles + folders.map { "config/\($0)/README.md" } + ["config/models/mod_profiles.js"] + starterConfig).sorted()
    }

    /// The config as `validate` sees it, with an empty environment.
    func validationReport() -> ValidationReport {
        let read = ConfigReader(options: ReaderOptions(environment: [:])).readDirectory(at: root.appendingPathComponent("config").path)
        return Validator().validate(read)
    }

    func testWithPostgresWritesTheRepositoryAndItValidatesWithoutErrors() throws {
        let run = initialize()
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(repository.files(), Self.expectedFiles)
        for path in Self.expectedFiles { XCTAssertTrue(run.output.contains("wrote \(path)\n"), path) }
        XCTAssertTrue(run.output.contains("\(Self.expectedFiles.count) written, 0 skipped"), run.output)

        let report = validationReport()
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.message), [])
        // The only warnings are the app's placeholders and the unset api key variable.
        XCTAssertEqual(Set(report.diagnostics.map(\.ruleID)), ["template-placeholder", "unset-env-var"])

        let cli = runCLI(["validate", "config"], in: root.path)
        XCTAssertEqual(cli.status, 0, cli.errors)
        XCTAssertTrue(cli.errors.contains("0 errors"), cli.errors)
    }

    func testStarterObjectsAreWiredTogether() throws {
        XCTAssertEqual(initialize().status, 0)
        let objects = ConfigReader(options: ReaderOptions(environment: [:])).readDirectory(at: root.appendingPathComponent("config").path).objects
        let json = try JSONValue.parse(try XCTUnwrap(JSONOutput.stringify(.array(objects))))
        guard case .array(let list) = json else { return XCTFail("not a list") }
        func object(_ kind: String) -> JSONValue? { list.first { $0["class"] == .string(kind) } }

        XCTAssertEqual(object("model")?["id"], .string("mod_profiles"))
        XCTAssertEqual(object("model")?["type"], .string("profile"))
        XCTAssertEqual(object("app")?["type"], .string("postgres"))
        let source = try XCTUnwrap(object("source"))
        XCTAssertEqual(source["appId"], .string("data_warehouse"))
        XCTAssertEqual(source["mapping"], .object(["id": .string("user_id")]))
        let property = try XCTUnwrap(object("property"))
        XCTAssertEqual(property["id"], .string("user_id"))
        XCTAssertEqual(property["unique"], .bool(true))
        XCTAssertEqual(property["sourceId"], .string("users_table"))
        let schedule = try XCTUnwrap(object("schedule"))
        XCTAssertEqual(schedule["sourceId"], .string("users_table"))
        XCTAssertEqual(schedule["options"]?["column"], .string("updated_at"))
        XCTAssertEqual(object("apiKey")?["options"]?["permissionAllRead"], .bool(true))
        // With no environment the key's secret is undefined; the file reads it from GROUPAROO_API_KEY.
        XCTAssertTrue(try repository.read("config/apiKeys/default_api_key.js").contains("apiKey: process.env.GROUPAROO_API_KEY,"))
    }

    func testConfigFilesAreWhatGenerateWrites() throws {
        XCTAssertEqual(initialize().status, 0)
        let other = try ScratchRepository.empty("init-vs-generate")
        defer { other.remove() }
        let commands = [
            ["generate", "model", "mod_profiles"],
            ["generate", "postgres:app", "data_warehouse"],
            ["generate", "postgres:table:source", "users_table", "--parent", "data_warehouse", "--from", "users",
             "--mapping", "id=user_id", "--with", "id:integer", "--high-water-mark", "updated_at"],
            ["generate", "apiKey", "default_api_key", "--api-key-env", "GROUPAROO_API_KEY", "--read-all"],
        ]
        for command in commands {
            XCTAssertEqual(runCLI(command, in: other.root.path).status, 0, command.joined(separator: " "))
        }
        for path in ["config/models/mod_profiles.js"] + Self.starterConfig {
            XCTAssertEqual(try repository.read(path), try other.read(path), path)
        }
    }

    func testEnvExampleListsTheVariablesTheConfigReads() throws {
        XCTAssertEqual(initialize().status, 0)
        let text = try repository.read(".env.example")
        XCTAssertTrue(text.contains("# read by config/apiKeys/default_api_key.js\nGROUPAROO_API_KEY=\n"), text)
        let assignments = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }
        XCTAssertEqual(assignments, ["GROUPAROO_API_KEY="])
        XCTAssertEqual(try repository.read(".gitignore").split(separator: "\n").filter { !$0.hasPrefix("#") }, [".env"])

        // With the variable set (as from .env), nothing is left unset.
        let env = runCLI(["validate", "config", "--format", "json"], in: root.path, environment: ["GROUPAROO_API_KEY": "k"])
        let diagnostics = try XCTUnwrap(try env.json()["diagnostics"] as? [[String: Any]])
        XCTAssertFalse(diagnostics.contains { $0["rule_id"] as? String == "unset-env-var" })
    }

    func testWithoutAnAppOnlyTheModelIsWritten() throws {
        let run = initialize([])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(repository.files(), (Self.repositoryFiles + Self.folders.map { "config/\($0)/README.md" }
                                            + ["config/models/mod_profiles.js"]).sorted())
        XCTAssertEqual(validationReport().diagnostics.map(\.message), [])
        XCTAssertTrue(try repository.read(".env.example").contains("does not read any variable yet"))
    }

    func testSecondRunChangesNothing() throws {
        XCTAssertEqual(initialize().status, 0)
        let before = try snapshot()
        let second = initialize()
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertFalse(second.output.contains("wrote "), second.output)
        for path in Self.expectedFiles { XCTAssertTrue(second.output.contains("skipped \(path) (exists)\n"), path) }
        XCTAssertTrue(second.output.contains("0 written, \(Self.expectedFiles.count) skipped"), second.output)
        XCTAssertEqual(try snapshot(), before)
    }

    func testExistingFilesAreSkippedAndNeverChanged() throws {
        let model = "// our own model\nexports.default = [{ class: \"model\", id: \"mod_profiles\", name: \"People\", type: \"profile\" }];\n"
        try repository.write("config/models/mod_profiles.js", model)
        try repository.write(".gitignore", "node_modules/\n")
        let run = initialize()
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("skipped config/models/mod_profiles.js (exists)\n"), run.output)
        XCTAssertTrue(run.output.contains("skipped .gitignore (exists)\n"), run.output)
        XCTAssertTrue(run.output.contains("wrote config/apps/data_warehouse.js\n"), run.output)
        XCTAssertEqual(try repository.read("config/models/mod_profiles.js"), model)
        XCTAssertEqual(try repository.read(".gitignore"), "node_modules/\n")
        XCTAssertEqual(repository.files(), Self.expectedFiles)
        XCTAssertEqual(validationReport().diagnostics.filter { $0.severity == .error }.map(\.message), [])
    }

    func testObjectsTheConfigDefinesUnderAnotherFileNameAreSkipped() throws {
        try repository.write("config/models/profiles.js",
                             "exports.default = [{ class: \"model\", id: \"mod_profiles\", name: \"People\", type: \"profile\" }];\n")
        try repository.write("config/apps/warehouse.json", #"{ "class": "app", "id": "other", "name": "data_warehouse", "type": "postgres", "options": {} }"#)
        let run = initialize()
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains(
            "skipped config/models/mod_profiles.js (model mod_profiles is already defined in config/models/profiles.js)\n"), run.output)
        XCTAssertTrue(run.output.contains(
            "skipped config/apps/data_warehouse.js (app named \"data_warehouse\" is already defined in config/apps/warehouse.json)\n"), run.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("config/models/mod_profiles.js").path))
        XCTAssertTrue(run.output.contains("wrote config/sources/users_table.js\n"), run.output)
        // The app file was skipped, so "Next:" must not ask to fill it in.
        XCTAssertFalse(run.output.contains("fill in the"), run.output)
        XCTAssertEqual(validationReport().diagnostics.filter { $0.severity == .error && $0.ruleID.hasPrefix("duplicate") }.map(\.message), [])
    }

    func testTheDefaultModelElsewhereLeavesAConfigWithoutErrors() throws {
        try repository.write("config/models/profiles.js",
                             "exports.default = [{ class: \"model\", id: \"mod_profiles\", name: \"People\", type: \"profile\" }];\n")
        XCTAssertEqual(initialize().status, 0)
        XCTAssertEqual(validationReport().diagnostics.filter { $0.severity == .error }.map(\.message), [])
    }

    /// `config/teams` is a file, so writing its README fails after the files before it were written.
    func testAFailedWriteNamesTheFilesWrittenBeforeIt() throws {
        try repository.write("config/teams", "")
        let run = initialize()
        XCTAssertEqual(run.status, 1)
        let written = run.output.split(separator: "\n").filter { $0.hasPrefix("wrote ") }
        XCTAssertEqual(written.count, 12, run.output)
        for line in written {
            let path = String(line.dropFirst("wrote ".count))
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), path)
        }
        XCTAssertTrue(run.errors.contains("error: cannot write config/teams/README.md: config/teams is a file, not a folder\n"), run.errors)
        XCTAssertTrue(run.errors.contains("12 files written before the failure (listed above)"), run.errors)
        XCTAssertFalse(run.errors.contains("nothing was written"), run.errors)
        XCTAssertFalse(run.errors.contains("Error Domain"), run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".gitignore").path), "nothing after the failure")

        try FileManager.default.removeItem(at: root.appendingPathComponent("config/teams"))
        let again = initialize()
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertEqual(repository.files(), Self.expectedFiles)
    }

    func testASymbolicLinkIsSkippedNotFollowed() throws {
        let outside = try ScratchRepository.empty("init-outside")
        defer { outside.remove() }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".gitignore").path,
                                                   withDestinationPath: outside.root.appendingPathComponent("target").path)
        let run = initialize([])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("skipped .gitignore (exists)\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.root.appendingPathComponent("target").path))
    }

    func testDryRunWritesNothing() throws {
        let target = root.appendingPathComponent("new-repo")
        let run = runCLI(["init", "new-repo", "--with-app", "postgres", "--dry-run"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        XCTAssertTrue(run.output.contains("would write new-repo/config/models/mod_profiles.js\n"), run.output)
        XCTAssertTrue(run.output.contains("nothing was written"), run.output)
    }

    func testADirectoryArgumentIsCreatedAndShownInPaths() throws {
        let run = runCLI(["init", "nested/repo"], in: root.path)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("wrote nested/repo/config/models/mod_profiles.js\n"), run.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("nested/repo/.pre-commit-config.yaml").path))
    }

    func testEveryPluginWithATableSourceValidates() throws {
        XCTAssertEqual(InitPlanner.appPlugins, ["bigquery", "clickhouse", "mongo", "mysql", "postgres", "redshift", "snowflake", "sqlite"])
        for plugin in InitPlanner.appPlugins {
            let run = runCLI(["init", plugin, "--with-app", plugin.uppercased()], in: root.path)
            XCTAssertEqual(run.status, 0, "\(plugin): \(run.errors)")
            let read = ConfigReader(options: ReaderOptions(environment: [:])).readDirectory(at: root.appendingPathComponent("\(plugin)/config").path)
            let errors = Validator().validate(read).diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { "\($0.ruleID): \($0.message)" }, [], plugin)
        }
    }

    func testUnknownOrUnsuitablePluginIsAUsageError() {
        let typo = initialize(["--with-app", "postgress"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.errors.contains("unknown plugin (did you mean postgres?)"), typo.errors)
        XCTAssertTrue(typo.errors.contains("bigquery, clickhouse"), typo.errors)

        let noTable = initialize(["--with-app", "mailchimp"])
        XCTAssertEqual(noTable.status, 2)
        XCTAssertTrue(noTable.errors.contains("mailchimp: the plugin has no :table:source template"), noTable.errors)
        XCTAssertEqual(repository.files(), [], "nothing is written after a usage error")
    }

    func testDirectoryThatIsAFileIsAUsageError() throws {
        try repository.write("taken", "x")
        let run = runCLI(["init", "taken"], in: root.path)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.errors.contains("exists and is not a directory"), run.errors)
        XCTAssertEqual(runCLI(["init", "a", "b"], in: root.path).status, 2)
    }

    func testHelpHasUsageOptionsAndExamples() {
        let help = runCLI(["init", "--help"], in: root.path)
        XCTAssertEqual(help.status, 0)
        for part in ["USAGE: grouparoo-gen init [DIR]", "--with-app <plugin>", "--dry-run", "EXAMPLES:", "postgres"] {
            XCTAssertTrue(help.output.contains(part), part)
        }
        XCTAssertTrue(runCLI(["--help"], in: root.path).output.contains("  init "))
    }

    /// Contents and modification times of every file.
    private func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        for path in repository.files() {
            let url = root.appendingPathComponent(path)
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            result[path] = "\(modified?.timeIntervalSince1970 ?? -1)\n" + (try repository.read(path))
        }
        return result
    }
}
