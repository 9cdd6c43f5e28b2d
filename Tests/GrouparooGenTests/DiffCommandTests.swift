import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// `diff` between directories, git revisions and (through import) a live instance, plus the round trip
/// config → served apiData → import → diff with the original.
final class DiffCommandTests: RemoteTestCase {

    func copyExample(_ name: String, to folder: String) throws -> URL {
        let target = root.appendingPathComponent(folder)
        try FileManager.default.copyItem(at: RemoteTestSupport.examples.appendingPathComponent("\(name)/config"), to: target)
        return target
    }

    func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    func testDirectoriesWithChangesCreationsAndDeletions() throws {
        let a = try copyExample("postgres-mailchimp", to: "a")
        let b = try copyExample("postgres-mailchimp", to: "b")
        XCTAssertEqual(runCLI(["diff", "a", "b"], in: root.path).status, 0)
        let secretLine = "password: process.env.DATA_WAREHOUSE_PASSWORD || undefined"
        try edit(a.appendingPathComponent("apps/data_warehouse.js"), secretLine, "password: \"an-old-secret-value\"")
        try edit(b.appendingPathComponent("apps/data_warehouse.js"), secretLine, "password: \"an-inline-secret-value\"")
        try edit(b.appendingPathComponent("apps/data_warehouse.js"), "schema: \"public\"", "schema: \"analytics\"")
        try FileManager.default.removeItem(at: b.appendingPathComponent("groups/high_value.js"))
        try edit(b.appendingPathComponent("destinations/mailchimp_newsletter.js"), "high_value", "high_value_gone")
        try Data(#"{ "class": "model", "id": "accounts", "name": "Accounts", "type": "account" }"#.utf8)
            .write(to: b.appendingPathComponent("models/accounts.json"))
        let run = runCLI(["diff", "a", "b"], in: root.path)
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.output.contains("~ app:data_warehouse (b/apps/data_warehouse.js)\n    options.schema: \"public\" → \"analytics\"\n"), run.output)
        XCTAssertTrue(run.output.contains("    options.password: changed (secret, values not shown)\n"), run.output)
        XCTAssertFalse(run.output.contains("an-inline-secret-value"))
        XCTAssertTrue(run.output.contains("+ model:accounts (b/models/accounts.json)\n"), run.output)
        XCTAssertTrue(run.output.contains("- group:high_value (a/groups/high_value.js)\n"), run.output)
        XCTAssertTrue(run.output.hasSuffix("differences: 1 to create, 2 to change, 1 to delete\n"), run.output)
        // Apply order: the model before the app that does not need it is fine, but the app comes before the destination.
        let lines = run.output.split(separator: "\n").map(String.init)
        let app = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("~ app:") })
        let destination = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("~ destination:") })
        XCTAssertLessThan(app, destination)

        let json = runCLI(["diff", "a", "b", "--format", "json"], in: root.path)
        XCTAssertEqual(json.status, 1)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        XCTAssertEqual(document["summary"] as? [String: Int], ["created": 1, "changed": 2, "deleted": 1])
        let changes = try XCTUnwrap(document["changes"] as? [[String: Any]])
        let appChange = try XCTUnwrap(changes.first { $0["id"] as? String == "data_warehouse" })
        let fields = try XCTUnwrap(appChange["fields"] as? [[String: Any]])
        XCTAssertEqual(fields.map { $0["path"] as? String }, ["options.schema", "options.password"])
        XCTAssertNil(fields[1]["after"], "secret values are never in the JSON")
        XCTAssertFalse(json.output.contains("an-inline-secret-value"))
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(runCLI(["diff", "nowhere", "elsewhere"], in: root.path).status, 2)
        XCTAssertEqual(runCLI(["diff"], in: root.path).status, 2)
        XCTAssertEqual(runCLI(["diff", "a", "b", "--format", "yaml"], in: root.path).status, 2)
        XCTAssertEqual(runCLI(["diff", "git:no-such-revision", "."], in: root.path).status, 2)
    }

    func testGitRevisions() throws {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".git"))
        let git = { (arguments: [String]) throws -> Void in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = self.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { throw XCTSkip("git is not installed") }
        try git(["init", "-q"])
        let config = try copyExample("csv-team", to: "config")
        try git(["add", "-A"])
        try git(["commit", "-qm", "first"])
        try edit(config.appendingPathComponent("apps/csv.json"), "\"CSV Files\"", "\"Spreadsheets\"")
        for arguments in [["diff", "git:HEAD", "config"], ["diff", "git:HEAD"], ["diff", "git:HEAD:config", "config"]] {
            let run = runCLI(arguments, in: root.path)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.errors)")
            XCTAssertTrue(run.output.hasPrefix("~ app:csv (config/apps/csv.json)\n    name: \"CSV Files\" → \"Spreadsheets\"\n"), "\(arguments): \(run.output)")
        }
        try git(["commit", "-qam", "second"])
        XCTAssertEqual(runCLI(["diff", "git:HEAD", "config"], in: root.path).status, 0)
        let between = runCLI(["diff", "git:HEAD~1", "git:HEAD"], in: root.path)
        XCTAssertEqual(between.status, 1, between.errors)
        XCTAssertTrue(between.output.contains("~ app:csv (git:HEAD:config/apps/csv.json)"), between.output)
    }

    /// config → what the instance serves → import into an empty dir → diff with the original, for
    /// every example that validates.
    func testExamplesRoundTripThroughAFakeInstance() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: RemoteTestSupport.examples.path).sorted().compactMap { name -> (String, URL)? in
            let directory = RemoteTestSupport.examples.appendingPathComponent("\(name)/config")
            guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
            let read = ConfigReader(options: ReaderOptions()).readDirectory(at: directory.path)
            let valid = !Validator().validate(read).diagnostics.contains { $0.severity == .error }
            return valid ? (name, directory) : nil
        }
        XCTAssertEqual(examples.map(\.0), ["csv-team", "postgres-mailchimp"], "examples/broken is the only one that does not validate")
        for (name, directory) in examples { try assertRoundTrip(name, directory, behaviour: .init(maxPage: 2)) }
    }

    /// The issue's scale: 10,000 properties served in pages of 100 (about 100 requests), 10,005
    /// files written (a model, an app, a source with its schedule, a group and 10,001 properties), and
    /// the two trees compared.
    func testTenThousandPropertiesRoundTripThroughAFakeInstance() throws {
        let generated = try GeneratedConfig.write(properties: 10_000, to: root.appendingPathComponent("generated"))
        try assertRoundTrip("generated", generated, behaviour: .init(), expectedFiles: 10_005)
    }

    private func assertRoundTrip(_ name: String, _ directory: URL, behaviour: FakeGrouparoo.Behaviour, expectedFiles: Int? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let read = ConfigReader(options: ReaderOptions()).readDirectory(at: directory.path)
        let originals = PlainConfigObject.objects(of: read)
        let server = try FakeGrouparoo(snapshot: InstanceSimulation().serve(originals), behaviour: behaviour, lifetime: 600)
        let target = "imported-\(name)"
        let run = runCLI(["import", "--host", server.host, "--config-dir", target], in: root.path, environment: environment(server))
        XCTAssertEqual(run.status, 0, "\(name): \(run.errors)", file: file, line: line)
        XCTAssertTrue(run.output.contains("import: \(originals.count) objects written\n"), "\(name): \(run.output)", file: file, line: line)
        if let expectedFiles {
            let written = FileManager.default.enumerator(atPath: root.appendingPathComponent(target).path)?.allObjects
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".js") }
            XCTAssertEqual(written?.count, expectedFiles, name, file: file, line: line)
        }
        let diff = runCLI(["diff", directory.path, target], in: root.path)
        XCTAssertEqual(diff.status, 0, "\(name): \(diff.output.prefix(2000))", file: file, line: line)
        XCTAssertTrue(diff.output.contains("No differences"), "\(name): \(diff.output.prefix(2000))", file: file, line: line)
    }
}

/// A larger config: a model, an app, a source with a schedule, and one file per property.
enum GeneratedConfig {
    static func write(properties: Int, to directory: URL) throws -> URL {
        let manager = FileManager.default
        for folder in ["models", "apps", "sources", "properties", "groups"] {
            try manager.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Without Foundation's fsync per file (see PlainFileWrite): 10,000 of them take minutes.
        func put(_ path: String, _ text: String) throws {
            try PlainFileWrite.create(directory.appendingPathComponent(path).path, contents: Data(text.utf8))
        }
        try put("models/users.json", #"{ "class": "model", "id": "users", "name": "Users", "type": "profile" }"#)
        try put("apps/warehouse.js", """
            exports.default = async function buildConfig() {
              return [{ class: "app", id: "warehouse", name: "Warehouse", type: "postgres",
                        options: { host: "db", port: 5432, database: "dw", user: "reader", password: process.env.WAREHOUSE_PASSWORD } }];
            };
            """)
        try put("sources/users_table.js", """
            exports.default = async function buildConfig() {
              return [
                { class: "source", id: "users_table", name: "Users Table", type: "postgres-import-table", appId: "warehouse",
                  modelId: "users", options: { table: "users" }, mapping: { id: "user_id" } },
                { class: "schedule", id: "users_schedule", name: "Users schedule", sourceId: "users_table", recurring: true,
                  recurringFrequency: 900000, options: { column: "updated_at" } },
              ];
            };
            """)
        try put("properties/user_id.json", #"{ "class": "property", "id": "user_id", "key": "userId", "type": "integer", "unique": true, "sourceId": "users_table", "options": { "column": "id" } }"#)
        for index in 0..<properties {
            try put("properties/p\(index).json", """
                { "class": "property", "id": "p\(index)", "key": "column\(index)", "type": "\(["string", "integer", "float", "date"][index % 4])",
                  "sourceId": "users_table", "options": { "column": "c\(index)", "aggregationMethod": "exact" },
                  "filters": [\(index % 7 == 0 ? #"{ "key": "deleted", "op": "eq", "match": "false" }"# : "")] }
                """)
        }
        try put("groups/active.json", #"{ "class": "group", "id": "active", "name": "Active", "modelId": "users", "rules": [ { "propertyId": "p1", "op": "gt", "match": 3 }, { "propertyId": "p3", "op": "relative_gt", "relativeMatchNumber": 7, "relativeMatchUnit": "days" }, { "propertyId": "p2", "op": "exists" } ] }"#)
        return directory
    }
}
