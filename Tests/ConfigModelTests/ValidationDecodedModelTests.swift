@testable import ConfigModel
import XCTest

/// Validation decodes each model straight into its `Decoded` wrapper, one object after another with the worker's one
/// `DecodeContext`; the models and diagnostics (with the class and id they are tagged with) must be those
/// `ConfigObject.decode` gives with a context of its own, for every class.
final class ValidationDecodedModelTests: XCTestCase {
    func testEveryClassDecodesAsConfigObjectDecodeDoes() {
        let objects = """
            { class: "setting", id: "s1", pluginName: "core", key: "k", value: 3 },
            { class: "model", id: "m", name: "M", type: "profile" },
            { class: "APP", id: 7, name: "A", type: "postgres", options: { host: "h" }, refresh: { query: 1 } },
            { class: "source", id: "src", appId: 7, modelId: "m", mapping: { id: "p" }, options: "x" },
            { class: "property", id: "p", sourceId: "src", type: "nope", unique: "yes", filters: [1, { op: "eq" }] },
            { class: "schedule", id: "sc", sourceId: "src", recurring: true, recurringFrequency: "60000" },
            { class: "group", id: "g", type: "calculated", rules: [{ propertyId: "p", op: "eq", match: [1] }] },
            { class: "destination", id: "d", appId: "a", destinationGroupMemberships: { x: "g", y: 2 } },
            { class: "apiKey", id: "k", permissionAllRead: true, permissions: [{ topic: "app", read: null }] },
            { class: "team", id: "t", permissions: "all" },
            { class: "teamMember", id: "tm", teamId: "t", email: 3, options: { firstName: "F" } },
            { class: "record", id: "r", modelId: "m", properties: { email: ["a"] } },
            { class: "profile", id: "r2", properties: {} },
            { class: "nothing", id: "n" },
            { class: 3, id: "c" },
            { id: "noclass" },
            { class: "app", id: "after", name: 5 }
            """
        let read = ConfigReader().read(contents: Array(RuleExample(objects: objects).files["config.js"]!.utf8),
                                       path: "/virtual/config.js")
        let input = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
        XCTAssertEqual(input.entries.count, 17)
        var decoded: [Int: any TypedConfig] = [:]
        func file<Model: TypedConfig>(_ list: [Decoded<Model>]) { for item in list { decoded[item.entry.position] = item.config } }
        file(input.settings); file(input.models); file(input.apps); file(input.sources); file(input.properties)
        file(input.schedules); file(input.groups); file(input.destinations); file(input.apiKeys); file(input.teams)
        file(input.teamMembers); file(input.records)
        var plainDiagnostics: [Diagnostic] = []
        for entry in input.entries {
            let plain = ConfigObject.decode(entry.value)
            plainDiagnostics += plain.diagnostics
            XCTAssertEqual(decoded[entry.position].map { Self.text($0) }, plain.object.map { Self.text($0.model) }, entry.label)
            XCTAssertEqual(decoded[entry.position]?.header.configClass, plain.object?.configClass, entry.label)
        }
        XCTAssertEqual(decoded.count, 14)
        XCTAssertEqual(input.decodeDiagnostics, plainDiagnostics)
        XCTAssertGreaterThan(plainDiagnostics.count, 5)
    }

    private static func text(_ model: any TypedConfig) -> String? { JSONOutput.stringify(model.toJSValue()) }
}
