import XCTest
import ConfigModel

/// `toJSValue()` gives back the config's keys and values, and reflects edits and code-built models.
final class ModelsRoundTripTests: XCTestCase {
    private let realistic: [ModelsJS] = [
        ["id": "s1", "class": "setting", "pluginName": "core", "key": "confirm-records-days", "value": 3],
        ["class": "model", "id": "users", "name": "Users", "type": "profile"],
        ["class": "App", "id": "db", "name": "DB", "type": "sqlite", "options": ["file": "data.sqlite"],
         "refresh": ["query": "SELECT 1", "recurringFrequency": 60000]],
        ["class": "Source", "id": "users", "modelId": "users", "name": "Users", "type": "sqlite-import-table",
         "appId": "db", "options": ["table": "users"], "mapping": ["id": "user_id"]],
        ["class": "Property", "id": "user_id", "key": "userId", "type": "integer", "unique": true, "isArray": false,
         "sourceId": "users", "options": ["column": "id", "sortColumn": nil], "filters": []],
        ["class": "Schedule", "id": "users_schedule", "name": "users_schedule", "sourceId": "users",
         "recurring": true, "recurringFrequency": 900000, "confirmProfiles": false, "options": ["column": "updated_at"],
         "filters": [["key": "id", "op": "gt", "match": 5, "note": "extra"]]],
        ["class": "Group", "id": "g", "name": "G", "modelId": "users", "matchType": "any",
         "rules": [["propertyId": "user_id", "op": "exists"], nil]],
        ["class": "Destination", "id": "d", "name": "D", "type": "x-export", "appId": "db", "modelId": "users",
         "collection": "model", "syncMode": "sync", "mapping": ["email": "email", "dropped": nil],
         "destinationGroupMemberships": ["Everyone": "g"]],
        ["class": "ApiKey", "id": "k", "name": "key-name", "options": ["permissionAllRead": nil,
                                                                      "permissionAllWrite": false],
         "permissions": [["topic": "app", "read": true, "write": false]]],
        ["class": "Team", "id": "t", "name": "Team", "locked": "config:code", "surprise": ["deep": [1, 2]]],
        ["class": "TeamMember", "id": "m", "teamId": "t", "email": "a@b.co",
         "options": ["firstName": "A", "lastName": "B"]],
        ["class": "Record", "id": "r", "modelId": "users", "properties": ["user_id": [1, 2], "email": "a@b.co",
                                                                         "gone": nil, "odd": [["x": 1]]]],
    ]

    func testDecodedObjectsRoundTripExactly() {
        for literal in realistic {
            let value = ModelsFixture.located(literal)
            let result = ConfigObject.decode(value)
            guard let object = result.object else { XCTFail("did not decode \(literal)"); continue }
            XCTAssertTrue(ModelsFixture.sameJS(object.toJSValue(), value.value), "round trip of \(object.configClass)")
        }
    }

    func testInvalidValuesSurviveTheRoundTrip() {
        let value = ModelsFixture.located(["class": "app", "id": "a", "name": ["x": 1], "type": 7, "options": "bad",
                                           "refresh": [1]])
        let result = ConfigObject.decode(value)
        XCTAssertFalse(result.diagnostics.isEmpty)
        guard case .app(let app)? = result.object else { return XCTFail("not an app") }
        guard case .object(let encoded) = app.toJSValue() else { return XCTFail("not an object") }
        XCTAssertEqual(encoded.keys, ["class", "id", "name", "type", "options", "refresh"])
        XCTAssertTrue(ModelsFixture.sameJS(encoded["name"]!.value, value[field: "name"].value))
        XCTAssertTrue(ModelsFixture.sameJS(encoded["options"]!.value, .string("bad")))
        // The number type was read as "7", so it is written back as the string JavaScript would store.
        XCTAssertTrue(ModelsFixture.sameJS(encoded["type"]!.value, .string("7")))
    }

    func testEditsAreReflectedInPlace() {
        let value = ModelsFixture.located(["class": "property", "id": "email", "type": "string", "key": "email",
                                           "sourceId": "users"])
        guard case .property(var property)? = ConfigObject.decode(value).object else { return XCTFail() }
        property.type = Field(.known(.email))
        property.unique = Field(true)
        guard case .object(let encoded) = property.toJSValue() else { return XCTFail() }
        XCTAssertEqual(encoded.keys, ["class", "id", "type", "key", "sourceId", "unique"])
        XCTAssertTrue(ModelsFixture.sameJS(encoded["type"]!.value, .string("email")))
        XCTAssertTrue(ModelsFixture.sameJS(encoded["unique"]!.value, .boolean(true)))
        XCTAssertEqual(encoded["key"]?.span, value[field: "key"].span, "untouched values keep their spans")
    }

    func testModelsBuiltInCodeEncodeLikeGenerateTemplates() {
        var apiKey = ApiKeyConfig(id: "website_key")
        apiKey.name = Field("website_key")
        apiKey.options = Field(PermissionOptions(permissionAllRead: false, permissionAllWrite: false))
        let expectedKey: ModelsJS = [
            "class": "apiKey", "id": "website_key", "name": "website_key",
            "options": ["permissionAllRead": false, "permissionAllWrite": false],
        ]
        XCTAssertTrue(ModelsFixture.sameJS(apiKey.toJSValue(), ModelsFixture.located(expectedKey).value))

        var group = GroupConfig(id: "new-group")
        group.name = Field("new-group")
        group.modelId = Field("mod_profiles")
        group.rules = Field([GroupRuleConfig(propertyId: "email", op: .exists)])
        let expectedGroup: ModelsJS = [
            "class": "group", "id": "new-group", "name": "new-group", "modelId": "mod_profiles",
            "rules": [["propertyId": "email", "op": "exists"]],
        ]
        XCTAssertTrue(ModelsFixture.sameJS(group.toJSValue(), ModelsFixture.located(expectedGroup).value))

        var member = TeamMemberConfig(id: "person")
        member.email = Field("person@example.com")
        member.teamId = Field("admin_team")
        member.options = Field(TeamMemberOptions(firstName: "person", lastName: "Example"))
        guard case .object(let encodedMember) = member.toJSValue() else { return XCTFail() }
        // Keys a code-built model adds follow the field table: Grouparoo's column order.
        XCTAssertEqual(encodedMember.keys, ["class", "id", "teamId", "email", "options"])

        var record = RecordConfig(id: "r")
        record.properties = Field([RecordPropertyValue(propertyId: "user_id", values: [.number(1)])])
        guard case .object(let encodedRecord) = record.toJSValue() else { return XCTFail() }
        XCTAssertTrue(ModelsFixture.sameJS(encodedRecord["properties"]!.value,
                                           ModelsFixture.located(["user_id": [1]]).value))
    }

    func testDecodingWhatWasEncodedGivesTheSameModel() {
        var destination = DestinationConfig(id: "dst")
        destination.name = Field("Out")
        destination.collection = Field(.known(.untracked))
        destination.mapping = Field([KeyedReference(key: "email", target: "email")])
        let encoded = LocatedValue(destination.toJSValue(), span: .synthesized)
        let result = ConfigObject.decode(encoded)
        XCTAssertEqual(result.diagnostics.count, 0)
        guard case .destination(let decoded)? = result.object else { return XCTFail() }
        XCTAssertEqual(decoded.header.rawClass.value, "destination")
        XCTAssertEqual(decoded.collection?.value.rawValue, "none")
        XCTAssertEqual(decoded.mapping?.value.first?.target?.value, "email")
    }
}
