import XCTest
import ConfigModel

/// Each class decodes a realistic object into its typed model.
final class ModelsDecodeTests: XCTestCase {
    private func decode(_ literal: ModelsJS, file: StaticString = #filePath, line: UInt = #line) -> ConfigObject? {
        let result = ConfigObject.decode(ModelsFixture.located(literal))
        XCTAssertEqual(result.diagnostics.map(\.message), [], file: file, line: line)
        return result.object
    }

    func testSetting() throws {
        guard case .setting(let setting)? = decode([
            "id": "cluster_name", "class": "Setting", "pluginName": "core", "key": "cluster-name", "value": "Acme",
        ]) else { return XCTFail("not a setting") }
        XCTAssertEqual(setting.pluginName?.value, "core")
        XCTAssertEqual(setting.key?.value, "cluster-name")
        XCTAssertEqual(setting.value?.value, .string("Acme"))
        XCTAssertEqual(setting.registeredSetting?.type, .string)
        XCTAssertEqual(setting.header.rawClass.value, "Setting")
        XCTAssertEqual(setting.header.configClass, .setting)
    }

    func testModel() {
        guard case .model(let model)? = decode(["class": "Model", "id": "accounts", "name": "Accounts", "type": "account"])
        else { return XCTFail("not a model") }
        XCTAssertEqual(model.id, "accounts")
        XCTAssertEqual(model.name?.value, "Accounts")
        XCTAssertEqual(model.type?.value, .known(.account))
    }

    func testAppWithRefreshAndDefaults() {
        guard case .app(let app)? = decode([
            "class": "App", "id": "warehouse", "name": "Warehouse", "type": "postgres",
            "options": ["host": "localhost", "port": 5432, "ssl": false],
            "refresh": ["query": "SELECT MAX(updated_at) FROM users", "recurringFrequency": 60000],
        ]) else { return XCTFail("not an app") }
        XCTAssertEqual(app.type?.value, "postgres")
        XCTAssertEqual(app.options?.value.keys, ["host", "port", "ssl"])
        XCTAssertEqual(app.refresh?.value.query?.value, "SELECT MAX(updated_at) FROM users")
        XCTAssertEqual(app.refresh?.value.recurringFrequency?.value, 60000)
        guard case .app(let bare)? = decode(["class": "app", "id": "bare", "type": "csv"]) else { return XCTFail() }
        XCTAssertNil(bare.name)
        XCTAssertEqual(bare.effectiveName, "", "app name defaults to empty (R-APP-03)")
        XCTAssertNil(bare.refresh)
    }

    func testSourceMappingKeepsOrderAndUsesFirstNonNull() {
        guard case .source(let source)? = decode([
            "class": "Source", "id": "users", "modelId": "people", "name": "Users", "type": "sqlite-import-table",
            "appId": "product_db", "options": ["table": "users"], "mapping": ["legacy": nil, "id": "user_id", "x": "y"],
        ]) else { return XCTFail("not a source") }
        XCTAssertEqual(source.appId?.value, "product_db")
        XCTAssertEqual(source.modelId?.value, "people")
        XCTAssertEqual(source.mapping?.value.map(\.key), ["legacy", "id", "x"])
        XCTAssertNil(source.mapping?.value.first?.target)
        XCTAssertEqual(source.effectiveMapping?.key, "id")
        XCTAssertEqual(source.effectiveMapping?.target?.value, "user_id")
    }

    func testPropertyWithFiltersAndDefaults() {
        guard case .property(let property)? = decode([
            "class": "Property", "id": "ltv", "type": "float", "key": "LTV", "sourceId": "purchases",
            "identifying": false, "options": ["aggregationMethod": "sum", "column": "price"],
            "filters": [["key": "state", "op": "eq", "match": "successful"], ["key": "price", "op": "greater than",
                                                                             "match": 0]],
        ]) else { return XCTFail("not a property") }
        XCTAssertEqual(property.effectiveKey, "LTV")
        XCTAssertEqual(property.type?.value, .known(.float))
        XCTAssertEqual(property.sourceId?.value, "purchases")
        XCTAssertFalse(property.effectiveUnique, "unique defaults to false")
        XCTAssertFalse(property.effectiveIsArray, "isArray defaults to false")
        XCTAssertNil(property.unique)
        XCTAssertEqual(property.identifying?.value, false)
        let filters = property.filters?.value ?? []
        XCTAssertEqual(filters.count, 2)
        XCTAssertEqual(filters[0].op?.value, .known(.eq))
        XCTAssertEqual(filters[0].match?.value, .string("successful"))
        XCTAssertNil(filters[0].deprecatedOpReplacement)
        XCTAssertEqual(filters[1].op?.value, .unrecognized("greater than"))
        XCTAssertEqual(filters[1].deprecatedOpReplacement, .gt)
        XCTAssertEqual(filters[1].match?.value, .number(0))
    }

    func testPropertyRarelyWrittenFieldsKeepTheirValuesOutOfLine() {
        guard case .property(var property)? = decode(["class": "property", "id": "p", "name": "n", "identifying": true])
        else { return XCTFail("not a property") }
        XCTAssertEqual(property.name?.value, "n")
        XCTAssertEqual(property.identifying?.value, true)
        let copy = property
        property.identifying = nil
        XCTAssertEqual(property.name?.value, "n", "setting one field keeps the other")
        XCTAssertNil(property.identifying)
        XCTAssertEqual(copy.identifying?.value, true, "a copy keeps its own values")
        property.name = nil
        XCTAssertNil(property.name)
        property.identifying = Field(false)
        XCTAssertEqual(property.identifying?.value, false)
        XCTAssertNil(property.name)
    }

    func testHeaderReadsTheRawClassFromTheObject() {
        guard case .property(let property)? = decode(["class": "Property", "id": "p"]) else { return XCTFail() }
        let classProperty = property.header.object.property("class")
        XCTAssertEqual(property.header.rawClass.value, "Property")
        XCTAssertEqual(property.header.rawClass.span, classProperty?.value.span)
        XCTAssertEqual(property.header.rawClass.keySpan, classProperty?.keySpan)
        let built = PropertyConfig(id: "q")
        XCTAssertEqual(built.header.rawClass.value, "property")
        XCTAssertEqual(built.header.rawClass.span, .synthesized)
    }

    func testPropertyKeyFallsBackToName() {
        guard case .property(let named)? = decode(["class": "property", "id": "email", "name": "email", "type": "email",
                                                    "unique": true, "sourceId": "users"]) else { return XCTFail() }
        XCTAssertEqual(named.effectiveKey, "email")
        XCTAssertTrue(named.effectiveUnique)
        guard case .property(let emptyKey)? = decode(["class": "property", "id": "p", "key": "", "name": "fallback"])
        else { return XCTFail() }
        XCTAssertEqual(emptyKey.effectiveKey, "fallback", "an empty key is falsy (R-PROP-03)")
        guard case .property(let neither)? = decode(["class": "property", "id": "q", "type": "text"])
        else { return XCTFail() }
        XCTAssertEqual(neither.effectiveKey, "")
        XCTAssertEqual(neither.type?.value, .unrecognized("text"))
    }

    func testScheduleDefaultsAndConfirmProfilesRename() {
        guard case .schedule(let schedule)? = decode([
            "class": "Schedule", "id": "users_schedule", "sourceId": "users", "recurring": true,
            "recurringFrequency": 900000, "options": ["column": "updated_at"], "filters": [],
        ]) else { return XCTFail("not a schedule") }
        XCTAssertEqual(schedule.recurring?.value, true)
        XCTAssertEqual(schedule.recurringFrequency?.value, 900000)
        XCTAssertNil(schedule.refreshEnabled)
        XCTAssertNil(schedule.confirmRecords)
        XCTAssertEqual(schedule.filters?.value.count, 0)
        XCTAssertEqual(schedule.effectiveName(sourceName: "Users"), "Users schedule")
        XCTAssertNil(schedule.incremental)

        guard case .schedule(let legacy)? = decode([
            "class": "schedule", "id": "s", "name": "Nightly", "sourceId": "users", "confirmRecords": false,
            "confirmProfiles": true,
        ]) else { return XCTFail() }
        XCTAssertTrue(legacy.usesDeprecatedConfirmProfiles)
        XCTAssertEqual(legacy.confirmProfiles?.value, true)
        XCTAssertEqual(legacy.confirmRecords?.value, false)
        XCTAssertNil(legacy.recurring)
        XCTAssertEqual(legacy.effectiveName(sourceName: "Users"), "Nightly")
        XCTAssertEqual(legacy.unknownKeys.map(\.key), [])
    }

    func testGroupRules() {
        guard case .group(let group)? = decode([
            "id": "vip", "class": "Group", "type": "calculated", "modelId": "users", "name": "VIP",
            "rules": [
                ["propertyId": "ltv", "op": "gt", "match": 100],
                ["propertyId": "grouparooCreatedAt", "op": "relative_gt", "relativeMatchNumber": "8",
                 "relativeMatchUnit": "days"],
                ["key": "email", "op": "iLike", "match": "%@example.com"],
            ],
        ]) else { return XCTFail("not a group") }
        XCTAssertEqual(group.type?.value, "calculated")
        let rules = group.rules?.value ?? []
        XCTAssertEqual(rules.count, 3)
        XCTAssertEqual(rules[0].op?.value, .known(.gt))
        XCTAssertEqual(rules[0].match?.value, .number(100))
        XCTAssertEqual(rules[0].match?.value.javaScriptString, "100", "stored match is a string (R-RULE-09)")
        XCTAssertNil(rules[0].topLevelRule)
        XCTAssertEqual(rules[1].topLevelRule?.column, "createdAt")
        XCTAssertEqual(rules[1].op?.value, .known(.relativeGt))
        XCTAssertEqual(rules[1].relativeMatchNumber?.value, 8, "numeric strings are accepted (R-RULE-08)")
        XCTAssertEqual(rules[1].relativeMatchUnit?.value, .known(.days))
        XCTAssertEqual(rules[2].key?.value, "email")
        XCTAssertNil(rules[2].propertyId)
    }

    func testDestinationCollectionDefaultAndReferences() {
        guard case .destination(let destination)? = decode([
            "class": "Destination", "id": "newsletter", "modelId": "users", "name": "Newsletter",
            "type": "mailchimp-export-contacts", "appId": "mailchimp", "collection": "group", "groupId": "all_emails",
            "syncMode": "additive", "options": ["listId": "abc123"],
            "mapping": ["FNAME": "first_name", "email_address": "email"],
            "destinationGroupMemberships": ["High Value": "high_value"],
        ]) else { return XCTFail("not a destination") }
        XCTAssertEqual(destination.syncMode?.value, .known(.additive))
        XCTAssertEqual(destination.effectiveCollection, .known(.group))
        XCTAssertEqual(destination.groupId?.value, "all_emails")
        XCTAssertEqual(destination.mapping?.value.map(\.key), ["FNAME", "email_address"])
        XCTAssertEqual(destination.mapping?.value.compactMap(\.target?.value), ["first_name", "email"])
        XCTAssertEqual(destination.destinationGroupMemberships?.value.first?.target?.value, "high_value")

        guard case .destination(let untracked)? = decode([
            "class": "destination", "id": "d", "collection": nil, "syncMode": "mirror",
        ]) else { return XCTFail() }
        XCTAssertEqual(untracked.effectiveCollection, .known(.untracked), "null collection means none (R-DST-09)")
        XCTAssertEqual(untracked.effectiveCollection.rawValue, "none")
        XCTAssertEqual(untracked.syncMode?.value, .unrecognized("mirror"))
        XCTAssertEqual(untracked.effectiveName, "")
    }

    func testApiKeyAndTeamPermissions() {
        guard case .apiKey(let apiKey)? = decode([
            "id": "website_key", "class": "apiKey", "name": "web-api-key", "apiKey": "abc",
            "options": ["permissionAllRead": nil, "permissionAllWrite": nil],
            "permissions": [["topic": "app", "read": true, "write": true], ["topic": "apikey", "read": true,
                                                                            "write": false]],
        ]) else { return XCTFail("not an api key") }
        XCTAssertEqual(apiKey.apiKey?.value, "abc")
        XCTAssertNotNil(apiKey.options?.value.permissionAllRead, "null is present, not absent")
        XCTAssertNil(apiKey.options?.value.permissionAllRead?.value ?? nil)
        let permissions = apiKey.permissions?.value ?? []
        XCTAssertEqual(permissions.first?.topic?.value, .known(.app))
        XCTAssertEqual(permissions.first?.write?.value, true)
        XCTAssertEqual(permissions.last?.topic?.value, .unrecognized("apikey"))

        guard case .team(let team)? = decode([
            "id": "admin_team", "name": "Admin Team", "class": "team",
            "options": ["permissionAllRead": true, "permissionAllWrite": false],
        ]) else { return XCTFail("not a team") }
        XCTAssertEqual(team.name?.value, "Admin Team")
        XCTAssertEqual(team.options?.value.permissionAllRead?.value, true)
        XCTAssertEqual(team.options?.value.permissionAllWrite?.value, false)
        XCTAssertNil(team.permissions)
    }

    func testTeamMember() {
        guard case .teamMember(let member)? = decode([
            "id": "demo", "email": "demo@example.com", "teamId": "admin_team", "class": "teamMember",
            "options": ["firstName": "Example", "lastName": "Person", "password": "password"],
        ]) else { return XCTFail("not a team member") }
        XCTAssertEqual(member.teamId?.value, "admin_team")
        XCTAssertEqual(member.email?.value, "demo@example.com")
        XCTAssertEqual(member.options?.value.firstName?.value, "Example")
        XCTAssertEqual(member.options?.value.lastName?.value, "Person")
        XCTAssertEqual(member.options?.value.password?.value, "password")
    }

    func testRecordAndDeprecatedProfile() {
        guard case .record(let record)? = decode([
            "id": "rec_1", "class": "Record", "modelId": "users",
            "properties": ["user_id": [10], "email": "a@b.co", "gone": nil],
        ]) else { return XCTFail("not a record") }
        XCTAssertFalse(record.usesDeprecatedProfileClass)
        let properties = record.properties?.value ?? []
        XCTAssertEqual(properties.map(\.propertyId), ["user_id", "email", "gone"])
        XCTAssertEqual(properties[0].values.map(\.value), [.number(10)])
        XCTAssertEqual(properties[1].values.map(\.value), [.string("a@b.co")], "a scalar is one value")
        XCTAssertTrue(properties[2].isDropped)
        XCTAssertEqual(properties[2].values.count, 0)

        guard case .record(let profile)? = decode(["id": "p1", "class": "Profile", "modelId": "users"])
        else { return XCTFail("profile should decode as a record") }
        XCTAssertTrue(profile.usesDeprecatedProfileClass)
        XCTAssertEqual(profile.header.configClass, .profile)
        XCTAssertEqual(ConfigObject.record(profile).configClass, .profile)
    }

    func testUnknownKeysAreExposedNotReported() {
        let result = ConfigObject.decode(ModelsFixture.located([
            "class": "team", "id": "t", "name": "Team", "cool": 1, "thing": "x", "locked": "config:code",
        ]))
        XCTAssertEqual(result.diagnostics.count, 0)
        XCTAssertEqual(result.object?.header.unknownKeys.map(\.key), ["cool", "thing"])
        guard case .teamMember(let member)? = ConfigObject.decode(ModelsFixture.located([
            "class": "teamMember", "id": "m", "password": "x", "firstName": "A",
        ])).object else { return XCTFail() }
        XCTAssertEqual(member.unknownKeys.map(\.key), ["password"], "top-level firstName is allowed, password is not")
    }
}
