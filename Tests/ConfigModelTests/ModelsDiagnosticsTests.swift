import XCTest
import ConfigModel

/// Type mismatches become diagnostics with the right span; hostile input never crashes.
final class ModelsDiagnosticsTests: XCTestCase {
    func testNumberNameIsCoercedWithWarningAtValueSpan() throws {
        let value = ModelsFixture.located(["class": "App", "id": "warehouse", "name": 42, "type": "postgres"])
        let result = ConfigObject.decode(value)
        guard case .app(let app)? = result.object else { return XCTFail("not an app") }
        XCTAssertEqual(app.name?.value, "42", "Sequelize stores String(42)")
        let diagnostic = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(diagnostic.ruleID, "invalid-value-type")
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.span, value[field: "name"].span)
        XCTAssertEqual(diagnostic.objectClass, "App")
        XCTAssertEqual(diagnostic.objectID, "warehouse")
        XCTAssertTrue(diagnostic.message.contains("`name`"), diagnostic.message)
    }

    func testStructuredValueWhereStringExpectedIsAnError() throws {
        let value = ModelsFixture.located(["class": "source", "id": "s", "appId": ["a"], "name": ["x": 1]])
        let result = ConfigObject.decode(value)
        guard case .source(let source)? = result.object else { return XCTFail("not a source") }
        XCTAssertNil(source.appId)
        XCTAssertNil(source.name)
        XCTAssertEqual(result.diagnostics.map(\.severity), [.error, .error])
        XCTAssertEqual(result.diagnostics.map(\.span), [value[field: "appId"].span, value[field: "name"].span])
        XCTAssertTrue(result.diagnostics[0].message.contains("an array"))
        XCTAssertTrue(result.diagnostics[1].message.contains("an object"))
    }

    func testNestedMismatchesPointAtTheNestedValue() throws {
        let value = ModelsFixture.located([
            "class": "group", "id": "g", "name": "G",
            "rules": [["propertyId": "ltv", "op": "gt", "match": 1], 5, ["propertyId": "x", "op": ["eq"]]],
        ])
        let result = ConfigObject.decode(value)
        guard case .group(let group)? = result.object else { return XCTFail("not a group") }
        XCTAssertEqual(group.rules?.value.count, 3, "non-object rules are kept so the list keeps its length")
        XCTAssertNil(group.rules?.value[1].propertyId)
        XCTAssertNil(group.rules?.value[2].op)
        XCTAssertEqual(result.diagnostics.count, 2)
        XCTAssertEqual(result.diagnostics[0].span, value[field: "rules"][item: 1].span)
        XCTAssertTrue(result.diagnostics[0].message.contains("`rules[1]`"), result.diagnostics[0].message)
        XCTAssertEqual(result.diagnostics[1].span, value[field: "rules"][item: 2][field: "op"].span)
        XCTAssertTrue(result.diagnostics[1].message.contains("`rules[2].op`"), result.diagnostics[1].message)
    }

    /// A nested reader keeps its path as parts (`ReaderPath`); spelled out, it names each level as written.
    func testNestedLabelsSpellOutEveryLevel() {
        let labels = { (literal: ModelsJS) in
            ConfigObject.decode(ModelsFixture.located(literal)).diagnostics.map { $0.message.split(separator: "`")[0] }
        }
        XCTAssertEqual(labels(["class": "teamMember", "id": "m", "teamId": 1, "email": "a@b.co",
                               "options": ["firstName": ["A"], "lastName": "B"]]), ["teamId", "options.firstName"])
        XCTAssertEqual(labels(["class": "apiKey", "id": "k", "name": "Key",
                               "permissions": [["topic": "app", "read": true, "write": false], ["topic": 2, "read": "x"]]]),
                       ["permissions[1].topic", "permissions[1].read"])
        XCTAssertEqual(labels(["class": "record", "id": "r", "modelId": "m", "properties": ["email": [["x": 1]], "ltv": ["y": 2]]]),
                       ["properties.email[0]", "properties.ltv"])
    }

    func testBooleanAndNumberMismatches() {
        let value = ModelsFixture.located([
            "class": "schedule", "id": "s", "recurring": "false", "recurringFrequency": "soon",
            "refreshEnabled": 1, "confirmRecords": ["x"], "incremental": nil,
        ])
        let result = ConfigObject.decode(value)
        guard case .schedule(let schedule)? = result.object else { return XCTFail("not a schedule") }
        XCTAssertNil(schedule.recurring)
        XCTAssertNil(schedule.recurringFrequency)
        XCTAssertNil(schedule.refreshEnabled)
        XCTAssertNil(schedule.confirmRecords)
        XCTAssertNil(schedule.incremental, "null decodes as absent, without a diagnostic")
        XCTAssertEqual(result.diagnostics.map(\.span), [
            value[field: "recurring"].span, value[field: "recurringFrequency"].span,
            value[field: "confirmRecords"].span, value[field: "refreshEnabled"].span,
        ])
        XCTAssertEqual(result.diagnostics.map(\.severity), [.warning, .warning, .error, .warning])
    }

    func testOptionsAndMappingMustBeObjects() {
        let value = ModelsFixture.located([
            "class": "destination", "id": "d", "options": "x", "mapping": ["a", "b"],
            "destinationGroupMemberships": ["List": 7], "permissions": 3,
        ])
        let result = ConfigObject.decode(value)
        guard case .destination(let destination)? = result.object else { return XCTFail("not a destination") }
        XCTAssertNil(destination.options)
        XCTAssertNil(destination.mapping)
        XCTAssertEqual(destination.destinationGroupMemberships?.value.first?.target?.value, "7")
        XCTAssertEqual(result.diagnostics.map(\.span), [
            value[field: "options"].span, value[field: "mapping"].span,
            value[field: "destinationGroupMemberships"][field: "List"].span,
        ], "permissions is not a destination key, so it is not decoded")
    }

    func testUnrecognisedOrMissingClassGivesNoModel() {
        XCTAssertNil(ConfigObject.decode(ModelsFixture.located(["class": " APP ", "id": "a"])).object)
        XCTAssertNil(ConfigObject.decode(ModelsFixture.located(["class": "widget", "id": "a"])).object)
        XCTAssertNil(ConfigObject.decode(ModelsFixture.located(["id": "a", "name": "no class"])).object)
        XCTAssertEqual(ConfigObject.decode(ModelsFixture.located(["class": "widget", "id": "a"])).diagnostics.count, 0)
        let numeric = ModelsFixture.located(["class": 5, "id": "a"])
        let result = ConfigObject.decode(numeric)
        XCTAssertNil(result.object)
        XCTAssertEqual(result.diagnostics.first?.span, numeric[field: "class"].span)
        XCTAssertEqual(result.diagnostics.first?.severity, .error)
    }

    func testHostileValuesNeverCrash() {
        let hostile: [ModelsJS] = [
            nil, .undefined, true, 0, "app", [], [["class": "app"]], [:],
            ["class": nil], ["class": ["app"]], ["class": "app", "id": ["x": ["y": nil]]],
            ["class": "group", "rules": [nil, [], "x", [[[]]]]],
            ["class": "record", "properties": ["p": [["nested": 1], nil, [1, 2]], "q": ["x": 1]]],
            ["class": "apikey", "options": [nil], "permissions": [nil, ["topic": ["x": 1]]]],
            ["class": "teammember", "options": "secret"],
            ["class": "app", "refresh": ["query": nil, "recurringFrequency": ["x": 1]]],
            ["class": "property", "filters": ["key": "x"], "options": [1, 2]],
            ["class": "profile", "properties": []],
        ]
        for literal in hostile {
            let value = ModelsFixture.located(literal)
            let result = ConfigObject.decode(value)
            _ = result.object?.toJSValue()
            _ = result.object?.header.unknownKeys
        }
        let topLevel = ConfigObject.decode(ModelsFixture.located([1, 2]))
        XCTAssertNil(topLevel.object)
        XCTAssertEqual(topLevel.diagnostics.first?.severity, .error)
    }

    func testDeeplyNestedValuesAreNotWalked() {
        var deep: ModelsJS = "bottom"
        for _ in 0..<1_000 { deep = ["next": deep] }
        var deepArray: ModelsJS = []
        for _ in 0..<1_000 { deepArray = [deepArray] }
        let value = ModelsFixture.located(["class": "app", "id": "deep", "options": deep, "refresh": deep,
                                           "type": deepArray])
        let result = ConfigObject.decode(value)
        guard case .app(let app)? = result.object else { return XCTFail("not an app") }
        XCTAssertEqual(app.options?.value.keys, ["next"])
        XCTAssertNil(app.refresh?.value.query)
        XCTAssertNil(app.type)
        XCTAssertEqual(result.diagnostics.count, 1, "only `type` is the wrong shape")
    }
}
