import ConfigModel
import Foundation
import XCTest

/// `import` and `diff --host` against the fake Grouparoo: the success path and the failure table.
final class ImportCommandTests: RemoteTestCase {
    func testImportWritesValidConfigAndDiffAgainstTheInstanceFindsNothing() throws {
        let snapshot = Self.exampleSnapshot()
        let server = try FakeGrouparoo(snapshot: snapshot)
        let run = runCLI(["import", "--host", server.host], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("import: 16 objects written"), run.output)
        XCTAssertTrue(server.requests.contains { $0.hasPrefix("GET /api/v1/apps?") && $0.hasSuffix(" header") }, "\(server.requests)")
        XCTAssertTrue(server.requests.allSatisfy { $0.hasSuffix(" header") })
        XCTAssertTrue(files().contains("config/apps/data_warehouse.js"), "\(files())")
        let app = try String(contentsOf: root.appendingPathComponent("config/apps/data_warehouse.js"), encoding: .utf8)
        XCTAssertTrue(app.contains("password: process.env.DATA_WAREHOUSE_PASSWORD,"), app)
        let envExample = try String(contentsOf: root.appendingPathComponent(".env.example"), encoding: .utf8)
        XCTAssertTrue(envExample.contains("\nDATA_WAREHOUSE_PASSWORD=\n"), envExample)
        XCTAssertTrue(envExample.contains("\nWEBSITE_KEY_APIKEY=\n"), envExample)

        // The user's next step: copy .env.example to .env and fill in the secrets.
        let filled = envExample.split(separator: "\n").map { $0.hasSuffix("=") ? $0 + "value-\($0.count)" : String($0) }
        try Data(filled.joined(separator: "\n").utf8).write(to: root.appendingPathComponent(".env"))
        let validate = runCLI(["validate", "config", "--env-file", ".env"], in: root.path)
        XCTAssertEqual(validate.status, 0, validate.errors + validate.output)
        XCTAssertTrue((validate.output + validate.errors).contains("0 errors"), validate.output + validate.errors)
        let diff = runCLI(["diff", "--host", server.host, "config"], in: root.path, environment: environment(server))
        XCTAssertEqual(diff.status, 0, diff.output + diff.errors)
        XCTAssertTrue(diff.output.contains("No differences"), diff.output)
        assertNoSecrets([run.output, run.errors, diff.output, diff.errors, validate.output, validate.errors], server: server, snapshot: snapshot)
    }

    func testJSONFormatUsesTheConfigWriterLayoutAndValidates() throws {
        let snapshot = Self.exampleSnapshot()
        let server = try FakeGrouparoo(snapshot: snapshot)
        let run = runCLI(["import", "--host", server.host, "--format", "json"], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        let source = try String(contentsOf: root.appendingPathComponent("config/sources/users_table.json"), encoding: .utf8)
        XCTAssertTrue(source.hasPrefix("[\n  {\n    \"class\": \"Source\",\n    \"id\": \"users_table\""), source)
        XCTAssertTrue(source.contains("\"class\": \"Schedule\""), source)
        let app = try String(contentsOf: root.appendingPathComponent("config/apps/data_warehouse.json"), encoding: .utf8)
        XCTAssertTrue(app.contains("\"password\": \"DATA_WAREHOUSE_PASSWORD\""), app)
        let envExample = try String(contentsOf: root.appendingPathComponent(".env.example"), encoding: .utf8)
        XCTAssertTrue(envExample.contains("GROUPAROO_OPTION__APP__DATA_WAREHOUSE_PASSWORD="), envExample)
        let validate = runCLI(["validate", "config"], in: root.path)
        XCTAssertEqual(validate.status, 0, validate.errors + validate.output)
        assertNoSecrets([run.output, run.errors], server: server, snapshot: snapshot)
    }

    func testLockedObjectsAreSkippedUnlessIncluded() throws {
        var snapshot = Self.exampleSnapshot("csv-team")
        snapshot[.app] = snapshot[.app].map { RemoteTestSupport.setting($0, "locked", .string("config:code")) }
        snapshot[.team] = snapshot[.team].map { RemoteTestSupport.setting($0, "locked", .string("team:initialize")) }
        let server = try FakeGrouparoo(snapshot: snapshot)
        let run = runCLI(["import", "--host", server.host, "--only", "app,team,model"], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("import: 2 objects written, 1 skipped (locked by code config)"), run.output)
        XCTAssertFalse(files().contains("config/apps/csv.js"))
        XCTAssertTrue(files().contains("config/teams/analysts.js"), "team:initialize is not code config: \(files())")
        let included = runCLI(["import", "--host", server.host, "--only", "app", "--include-locked"], in: root.path, environment: environment(server))
        XCTAssertEqual(included.status, 0, included.errors)
        XCTAssertTrue(files().contains("config/apps/csv.js"))
    }

    func testSeveralPagesAreReadUntilTheTotal() throws {
        let snapshot = Self.exampleSnapshot()
        let server = try FakeGrouparoo(snapshot: snapshot, behaviour: .init(maxPage: 2))
        let run = runCLI(["import", "--host", server.host, "--only", "property,source,app,model"], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        let propertyPages = server.requests.filter { $0.hasPrefix("GET /api/v1/properties?") }
        XCTAssertEqual(propertyPages.count, 3, "\(propertyPages)")  // 6 properties, 2 per page, although 100 were asked for
        XCTAssertTrue(propertyPages[1].contains("offset=2"), propertyPages[1])
        XCTAssertEqual(files().filter { $0.hasPrefix("config/properties/") }.count, 6, "\(files())")
    }

    /// Schedules come from `GET /schedules` (paginated, topic source) and are written with their source.
    func testSchedulesAreReadFromTheSchedulesList() throws {
        var snapshot = Self.exampleSnapshot()
        snapshot[.source] = snapshot[.source].map { RemoteTestSupport.setting($0, "schedule", .null) }
        snapshot[.schedule] = snapshot[.schedule].map { RemoteTestSupport.setting($0, "recurringFrequency", .number(120_000)) }
        XCTAssertEqual(snapshot[.schedule].count, 1)
        let server = try FakeGrouparoo(snapshot: snapshot)
        let run = runCLI(["import", "--host", server.host, "--only", "source,app,model,property"], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(server.requests.contains { $0.hasPrefix("GET /api/v1/schedules?limit=100&offset=0&") }, "\(server.requests)")
        let source = try String(contentsOf: root.appendingPathComponent("config/sources/users_table.js"), encoding: .utf8)
        XCTAssertTrue(source.contains("class: \"schedule\""), source)
        XCTAssertTrue(source.contains("recurringFrequency: 120000,"), source)

        snapshot[.schedule] = snapshot[.schedule].map { RemoteTestSupport.setting($0, "state", .string("draft")) }
        let draft = try FakeGrouparoo(snapshot: snapshot)
        let dryRun = runCLI(["import", "--host", draft.host, "--only", "source,app,model,property", "--dry-run", "--config-dir", "other"], in: root.path,
                            environment: environment(draft))
        XCTAssertEqual(dryRun.status, 0, dryRun.errors)
        XCTAssertTrue(dryRun.output.contains("1 skipped (draft or deleted)"), dryRun.output)
    }

    func testARetriedServerErrorStillImports() throws {
        let server = try FakeGrouparoo(snapshot: Self.exampleSnapshot(), behaviour: .init(failFirst: 1))
        let run = runCLI(["import", "--host", server.host], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(server.requests.filter { $0.hasPrefix("GET /api/v1/models?") }.count, 2)
    }

    func testAListBrokenByOneObjectIsReadAroundIt() throws {
        let snapshot = Self.exampleSnapshot("csv-team")
        let server = try FakeGrouparoo(snapshot: snapshot, behaviour: .init(brokenId: "plan"))
        let run = runCLI(["import", "--host", server.host], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("warning: left out an object the instance could not serve (properties, position"), run.errors)
        XCTAssertTrue(run.errors.contains("(plan)"), run.errors)
        let properties = files().filter { $0.hasPrefix("config/properties/") }
        XCTAssertEqual(properties.count, snapshot[.property].count - 1, "\(properties)")
        XCTAssertFalse(properties.contains("config/properties/plan.js"))
    }

    /// Failure table: each case exits with its code, says why, and writes nothing.
    func testFailuresWriteNothing() throws {
        let snapshot = Self.exampleSnapshot()
        let cases: [(String, FakeGrouparoo.Behaviour, [String], String?, String)] = [
            ("wrong key", .init(), [], "not-the-key", "the instance refused the API key: apiKey not found"),
            ("topic not permitted", .init(forbiddenTopics: ["source"]), [], nil,
             "the API key has no read permission for topic `source`"),
            ("slow server", .init(delayMilliseconds: 4000), ["--timeout", "1"], nil, "did not answer within 1 s"),
            ("truncated body", .init(truncate: true), [], nil, "the connection closed before the instance's answer was complete"),
            ("not JSON", .init(notJSON: true), [], nil, "is not JSON"),
            ("server keeps failing", .init(failFirst: 100), [], nil, "HTTP 502"),
        ]
        for (name, behaviour, extra, key, message) in cases {
            let server = try FakeGrouparoo(snapshot: snapshot, behaviour: behaviour)
            let run = runCLI(["import", "--host", server.host] + extra, in: root.path, environment: environment(server, key: key))
            XCTAssertEqual(run.status, 1, "\(name): \(run.errors)")
            XCTAssertTrue(run.errors.contains(message), "\(name): \(run.errors)")
            XCTAssertTrue(run.errors.hasSuffix("import: nothing written\n"), "\(name): \(run.errors)")
            XCTAssertEqual(files(), [], name)
            let diff = runCLI(["diff", "--host", server.host, "."] + extra, in: root.path, environment: environment(server, key: key))
            XCTAssertEqual(diff.status, 2, "\(name): \(diff.errors)")
            XCTAssertTrue(diff.errors.contains(message), "\(name): \(diff.errors)")
            assertNoSecrets([run.output, run.errors, diff.output, diff.errors], server: server, snapshot: snapshot)
        }
    }

    func testTheKeyComesOnlyFromTheEnvironment() throws {
        let server = try FakeGrouparoo(snapshot: Self.exampleSnapshot())
        let missing = runCLI(["import", "--host", server.host], in: root.path, environment: [:])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.errors.contains("set $GROUPAROO_API_KEY"), missing.errors)
        let named = runCLI(["import", "--host", server.host, "--api-key-env", "MY_KEY", "--dry-run"], in: root.path,
                           environment: ["MY_KEY": server.apiKey])
        XCTAssertEqual(named.status, 0, named.errors)
        XCTAssertTrue(named.output.contains("would write config/apps/data_warehouse.js"), named.output)
        XCTAssertEqual(files(), [], "a dry run writes nothing")
        XCTAssertTrue(named.output.contains("import (dry run): ") && named.output.contains(" to write"), named.output)
        XCTAssertFalse((named.output + named.errors).contains("written"), "a dry run never claims to write: \(named.output)")
        XCTAssertEqual(runCLI(["import"], in: root.path, environment: ["GROUPAROO_API_KEY": "k"]).status, 2, "no host")
    }

    func testExistingObjectsAreLeftAlone() throws {
        let snapshot = Self.exampleSnapshot()
        let server = try FakeGrouparoo(snapshot: snapshot)
        XCTAssertEqual(runCLI(["import", "--host", server.host, "--only", "model,app"], in: root.path, environment: environment(server)).status, 0)
        let appFile = root.appendingPathComponent("config/apps/mailchimp.js")
        try Data("// mine\nexports.default = async function () { return [{ class: \"app\", id: \"mailchimp\", name: \"Mailchimp\", type: \"mailchimp\", options: { apiKey: \"MAILCHIMP_API_KEY\" } }]; };\n".utf8).write(to: appFile)
        let again = runCLI(["import", "--host", server.host], in: root.path, environment: environment(server))
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertTrue(again.errors.contains("notice: app:mailchimp already exists in config/apps/mailchimp.js; left alone"), again.errors)
        XCTAssertTrue(again.output.contains("skipped (already in the config directory)"), again.output)
        XCTAssertTrue(try String(contentsOf: appFile, encoding: .utf8).hasPrefix("// mine"))
        let overwrite = runCLI(["import", "--host", server.host, "--only", "app", "--overwrite"], in: root.path, environment: environment(server))
        XCTAssertEqual(overwrite.status, 0, overwrite.errors)
        XCTAssertFalse(try String(contentsOf: appFile, encoding: .utf8).hasPrefix("// mine"))
    }
}

/// A temporary root (with a `.git` folder) and helpers for tests that talk to the fake Grouparoo.
class RemoteTestCase: XCTestCase {
    var root: URL!
    static let secrets = ["hunter2-warehouse-secret", "choose-a-long-passphrase-1"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("import-tests-\(UUID().uuidString)")
            .standardizedFileURL.resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// The postgres-mailchimp example as an instance built in the UI would serve it, secrets included.
    static func exampleSnapshot(_ example: String = "postgres-mailchimp", locked: String? = nil) -> InstanceSnapshot {
        let environment = ["DATA_WAREHOUSE_PASSWORD": secrets[0], "ADMIN_PASSWORD": secrets[1]]
        let read = ConfigReader(options: ReaderOptions(environment: environment))
            .readDirectory(at: RemoteTestSupport.examples.appendingPathComponent("\(example)/config").path)
        return InstanceSimulation(locked: locked).serve(PlainConfigObject.objects(of: read))
    }

    func environment(_ server: FakeGrouparoo, key: String? = nil) -> [String: String] {
        ["GROUPAROO_API_KEY": key ?? server.apiKey, "GROUPAROO_GEN_RETRY_DELAY": "0"]
    }

    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return ((enumerator?.allObjects as? [String]) ?? []).filter { !$0.hasPrefix(".git") }.sorted()
    }

    /// Every file under the root and the given output contain none of the server's secrets.
    func assertNoSecrets(_ texts: [String], server: FakeGrouparoo, snapshot: InstanceSnapshot, file: StaticString = #filePath, line: UInt = #line) {
        var secrets = Self.secrets + [server.apiKey]
        secrets += snapshot[.apiKey].compactMap { $0["apiKey"]?.stringValue }
        var all = texts
        for path in files() {
            if let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) { all.append(text) }
        }
        for secret in secrets {
            for text in all { XCTAssertFalse(text.contains(secret), "a secret leaked", file: file, line: line) }
        }
    }
}

enum RemoteTestSupport {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func setting(_ value: ConfigValue, _ key: String, _ newValue: ConfigValue) -> ConfigValue {
        var members = value.members ?? []
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = newValue } else { members.append(ConfigMember(key, newValue)) }
        return .object(members)
    }
}
