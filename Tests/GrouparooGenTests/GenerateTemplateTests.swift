import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Every template, generated into a temporary config dir and read back with our reader,
/// must give the objects Grouparoo's own template gave for the same inputs.
final class GenerateTemplateTests: GenerateTestCase {
    /// The request the expected objects were rendered for.
    static func standardRequest(for generator: Generator, id: String = "my_id") -> GenerateRequest {
        var request = GenerateRequest(templateName: generator.name, id: id)
        switch generator.parentKey {
        case "appId": request.parent = "data_warehouse"
        case "sourceId": request.parent = "users_table"
        case "teamId": request.parent = "admin_team"
        default: break
        }
        switch generator.kind {
        case .setting:
            request.pluginName = "core"
            request.key = "cluster-name"
            request.value = "My Cluster"
        case .destination(let destination) where destination.needsSyncModeChoice:
            request.syncMode = destination.syncModes[0]
        case .teamMember:
            request.email = "ada@example.com"
        default:
            break
        }
        return request
    }

    func testCatalogHasGrouparoosTemplatesPlusSchedule() {
        XCTAssertEqual(GeneratorCatalog.all.count, GrouparooExpectedObjects.byTemplate.count + 1)
        XCTAssertEqual(Set(GeneratorCatalog.all.map(\.name)), Set(GrouparooExpectedObjects.byTemplate.keys).union(["schedule"]))
        XCTAssertEqual(GeneratorCatalog.all.map(\.name), GeneratorCatalog.all.map(\.name).sorted())
    }

    func testEveryTemplateProducesTheObjectsGrouparoosTemplateProduced() throws {
        var compared = 0
        for generator in GeneratorCatalog.all where generator.name != "schedule" {
            let plan = try generate(Self.standardRequest(for: generator))
            XCTAssertEqual(plan.files.count, 1, generator.name)
            let relativePath = try XCTUnwrap(plan.files.first?.relativePath)
            XCTAssertEqual(relativePath, "\(generator.directory)/my_id.js", generator.name)
            let actual = try readBack(relativePath)
            var expected = try JSONValue.parse(try XCTUnwrap(GrouparooExpectedObjects.byTemplate[generator.name], generator.name))
            if generator.name == "calculated-property:property" {
                expected = Self.replacingCustomFunction(in: expected, with: actual)
            }
            expected = GrouparooExpectedObjects.withDeliberateDifferences(expected, for: generator)
            XCTAssertEqual(actual, expected, generator.name)
            try FileManager.default.removeItem(at: configDirectory)
            compared += 1
        }
        XCTAssertEqual(compared, GrouparooExpectedObjects.byTemplate.count)
    }

    func testCalculatedPropertyKeepsAFunctionSourceAsCustomFunction() throws {
        let generator = try XCTUnwrap(GeneratorCatalog.find("calculated-property:property"))
        let plan = try generate(Self.standardRequest(for: generator))
        let object = try XCTUnwrap(try readBack(plan.files[0].relativePath)[0])
        guard case .string(let source)? = object["options"]?["customFunction"] else { return XCTFail("\(object)") }
        XCTAssertTrue(source.hasPrefix("function customFunction() {"), source)
        XCTAssertEqual(object["filters"], .null)
    }

    func testScheduleTemplate() throws {
        try generate(GenerateRequest(templateName: "schedule", id: "users_schedule").with { $0.parent = "users_table" })
        XCTAssertEqual(try readBack("schedules/users_schedule.js"), try JSONValue.parse(#"""
            [{"class":"schedule","id":"users_schedule","name":"users_schedule","sourceId":"users_table","recurring":true,
              "recurringFrequency":900000,"confirmRecords":false,"options":{}}]
            """#))
        try generate(GenerateRequest(templateName: "schedule", id: "hwm").with { $0.parent = "users_table"; $0.highWaterMark = "updated_at" })
        XCTAssertEqual(try readBack("schedules/hwm.js")[0]?["options"], .object(["column": .string("updated_at")]))
    }

    /// Node loads every generated file exactly as Grouparoo's loader does (require, unwrap
    /// `default`, call the function) and gets the same objects as our reader.
    func testEveryGeneratedFileRunsInNodeAndMatchesOurReader() throws {
        guard Node.executable != nil else { throw XCTSkip("node is not on PATH") }
        var ours: [String: JSONValue] = [:]
        for (index, generator) in GeneratorCatalog.all.enumerated() {
            let plan = try GeneratePlanner.plan(Self.standardRequest(for: generator), templates: .embedded)
            let directory = root.appendingPathComponent("set\(index)")
            try SafeFileWriter(configDirectory: directory.path, overwrite: false).write(plan.files)
            let path = directory.appendingPathComponent(plan.files[0].relativePath).path
            let result = ConfigReader(options: ReaderOptions()).readFile(at: path)
            ours[path] = try JSONValue.parse(try XCTUnwrap(JSONOutput.stringify(.array(result.objects))))
        }
        let list = root.appendingPathComponent("files.json")
        try JSONEncoder().encode(Array(ours.keys)).write(to: list)
        let script = root.appendingPathComponent("load.js")
        try Data(Self.loaderScript.utf8).write(to: script)
        let result = try Node.run([script.path, list.path])
        XCTAssertEqual(result.status, 0, result.errors)
        guard case .object(let theirs) = try JSONValue.parse(result.output) else { return XCTFail(result.output) }
        XCTAssertEqual(theirs.count, GeneratorCatalog.all.count)
        for (path, objects) in ours {
            XCTAssertEqual(theirs[path], objects, path)
        }
    }

    /// Grouparoo's loader steps (R-LOAD-05..08) in Node.
    static let loaderScript = """
        const files = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
        (async () => {
          const out = {};
          for (const file of files) {
            let payload = require(file);
            const keys = Object.keys(payload);
            if (keys.length === 1 && keys[0] === "default") payload = payload.default;
            if (typeof payload === "function") payload = await payload({});
            out[file] = Array.isArray(payload) ? payload : [payload];
          }
          process.stdout.write(JSON.stringify(out));
        })().catch((error) => { console.error(error.stack); process.exit(1); });
        """

    private static func replacingCustomFunction(in expected: JSONValue, with actual: JSONValue) -> JSONValue {
        guard case .array(var objects) = expected, case .object(var object) = objects[0],
              case .object(var options)? = object["options"], let ours = actual[0]?["options"]?["customFunction"]
        else { return expected }
        options["customFunction"] = ours
        object["options"] = .object(options)
        objects[0] = .object(object)
        return .array(objects)
    }
}

extension GenerateRequest {
    /// A modified copy, for compact test setup.
    func with(_ change: (inout GenerateRequest) -> Void) -> GenerateRequest {
        var copy = self
        change(&copy)
        return copy
    }
}
