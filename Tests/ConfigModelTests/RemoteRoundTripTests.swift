import XCTest
@testable import ConfigModel

/// config → what an instance would serve → import conversion → diff with the original: nothing differs.
final class RemoteRoundTripTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func exampleObjects(_ name: String, environment: [String: String] = [:]) -> [PlainConfigObject] {
        let read = ConfigReader(options: ReaderOptions(environment: environment))
            .readDirectory(at: examples.appendingPathComponent("\(name)/config").path)
        return PlainConfigObject.objects(of: read)
    }

    func testExamplesRoundTripWithoutDifferences() throws {
        for example in ["postgres-mailchimp", "csv-team"] {
            for environment in [[:], ["DATA_WAREHOUSE_PASSWORD": "hunter2-secret", "ADMIN_PASSWORD": "long-passphrase-1"]] {
                let original = Self.exampleObjects(example, environment: environment)
                XCTAssertGreaterThan(original.count, 5, example)
                let served = InstanceSimulation().serve(original)
                let imported = ImportConversion().convert(served)
                XCTAssertEqual(imported.skipped, [], example)
                let changes = ConfigDiff.compare(original, imported.objects)
                XCTAssertEqual(changes.map { "\($0.kind.rawValue) \($0.key) \($0.fields.map(\.path))" }, [], example)
                XCTAssertEqual(Set(original.map(\.key)), Set(imported.objects.map(\.key)), example)
            }
        }
    }

    func testTheSchedulesListWinsOverTheScheduleEmbeddedInItsSource() {
        let original = Self.exampleObjects("postgres-mailchimp")
        var served = InstanceSimulation().serve(original)
        XCTAssertEqual(served[.schedule].count, 1)
        XCTAssertNotNil(served[.source].first?["schedule"]?["id"])
        func frequency(_ snapshot: InstanceSnapshot) -> ConfigValue? {
            ImportConversion().convert(snapshot).objects.first { $0.objectClass == "schedule" }?.value["recurringFrequency"]
        }
        XCTAssertEqual(frequency(served), .number(900_000))
        served[.schedule] = served[.schedule].map { Self.replacing($0, "recurringFrequency", .number(60_000)) }
        XCTAssertEqual(frequency(served), .number(60_000))
        served[.schedule] = served[.schedule].map { Self.replacing($0, "locked", .string(LockValue.codeConfig)) }
        let locked = ImportConversion().convert(served)
        XCTAssertNil(locked.objects.first { $0.objectClass == "schedule" })
        XCTAssertEqual(locked.skipped.map { "\($0.remoteClass) \($0.reason)" }, ["schedule lockedByCodeConfig"])
        served[.schedule] = []
        XCTAssertEqual(frequency(served), .number(900_000), "without the list, the embedded schedule is used")
    }

    static func replacing(_ value: ConfigValue, _ key: String, _ newValue: ConfigValue) -> ConfigValue {
        .object((value.members ?? []).map { $0.key == key ? ConfigMember(key, newValue) : $0 })
    }

    /// An unset variable is an unknown value in a diff, whether the config file reads it or a module it
    /// requires does (which other files then get from the require cache).
    func testDiffReadMarksUnsetVariablesReadDirectlyOrThroughARequiredModule() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("diff-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func app(_ id: String, _ password: String) -> String {
            "exports.default = async function () { return [{ class: \"app\", id: \"\(id)\", name: \"\(id)\", type: \"postgres\", "
                + "options: { host: \"h\", password: \(password) } }]; };\n"
        }
        let shared = "require(\"../../../lib/secrets\").password"
        let files = [("lib/secrets.js", "module.exports = { password: process.env.SHARED_SECRET };\n"),
                     ("direct/config/apps/c.js", app("c", "process.env.OWN_SECRET")), ("direct/config/apps/d.js", app("d", "\"plain\"")),
                     ("shared/config/apps/a.js", app("a", shared)), ("shared/config/apps/b.js", app("b", shared)),
                     ("shared/config/apps/c.js", app("c", "process.env.OWN_SECRET")), ("shared/config/apps/d.js", app("d", "\"plain\""))]
        for (file, text) in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for tree in ["direct", "shared"] {
            let objects = DiffRead.directory(root.appendingPathComponent("\(tree)/config").path, options: ReaderOptions()).objects
            let passwords = Dictionary(uniqueKeysWithValues: objects.map { ($0.id, $0.value["options"]?["password"]) })
            XCTAssertEqual(passwords["c"], .environmentVariable("OWN_SECRET"), tree)
            XCTAssertEqual(passwords["d"], .string("plain"), tree)
        }
        let objects = DiffRead.directory(root.appendingPathComponent("shared/config").path, options: ReaderOptions()).objects
        XCTAssertEqual(objects.map { $0.value["options"]?["password"] }.prefix(2), [.environmentVariable("SHARED_SECRET"),
                                                                                   .environmentVariable("SHARED_SECRET")],
                       "b gets the module from the require cache, so it has no read of its own")
    }

    func testSecretsBecomeEnvironmentVariablesWithDeterministicNames() {
        let original = Self.exampleObjects("postgres-mailchimp", environment: ["DATA_WAREHOUSE_PASSWORD": "hunter2-secret"])
        let imported = ImportConversion().convert(InstanceSimulation().serve(original))
        let app = imported.objects.first { $0.key == "app:data_warehouse" }
        XCTAssertEqual(app?.value["options"]?["password"], .environmentVariable("DATA_WAREHOUSE_PASSWORD"))
        XCTAssertTrue(imported.secrets.contains { $0.variable == "DATA_WAREHOUSE_PASSWORD" && $0.objectClass == "app" })
        XCTAssertFalse("\(imported)".contains("hunter2-secret"))
    }

    func testCodeConfigLocksAreSkippedUnlessIncluded() {
        let original = Self.exampleObjects("csv-team")
        let served = InstanceSimulation(locked: LockValue.codeConfig).serve(original)
        let skipped = ImportConversion().convert(served)
        XCTAssertEqual(skipped.objects, [])
        XCTAssertEqual(Set(skipped.skipped.map(\.reason)), [.lockedByCodeConfig])
        let included = ImportConversion(options: .init(includeLocked: true)).convert(served)
        XCTAssertEqual(ConfigDiff.compare(original, included.objects).count, 0)
    }

    func testGeneratedIdsComeFromNamesAndKeys() {
        XCTAssertEqual(ConfigIdentity.generateId("Users Table"), "users_table")
        XCTAssertEqual(ConfigIdentity.generateId("userId"), "userid")
        XCTAssertEqual(ConfigIdentity.generateId("cluster-name"), "cluster-name")
        XCTAssertEqual(ConfigIdentity.generateId("a -_b"), "a_b")
        XCTAssertNil(ConfigIdentity.generateId("!!"))
        XCTAssertTrue(ConfigIdentity.isDefault("app_2b7d1e3c-1e0f-4a9b-8c7d-6e5f4a3b2c1d", prefix: "app"))
        XCTAssertTrue(ConfigIdentity.isDefault("app_x_2b7d1e3c-1e0f-4a9b-8c7d-6e5f4a3b2c1d", prefix: "app"))
        XCTAssertFalse(ConfigIdentity.isDefault("data_warehouse", prefix: "app"))
        XCTAssertFalse(ConfigIdentity.isDefault("src_2b7d1e3c-1e0f-4a9b-8c7d-6e5f4a3b2c1d", prefix: "app"))
        XCTAssertEqual(ConfigIdentity.configId(liveId: "app_2b7d1e3c-1e0f-4a9b-8c7d-6e5f4a3b2c1d", prefix: "app", name: "Data Warehouse"),
                       "data_warehouse")
        XCTAssertEqual(ConfigIdentity.secretVariable(objectId: "data_warehouse", key: "password"), "DATA_WAREHOUSE_PASSWORD")
        XCTAssertEqual(ConfigIdentity.secretVariable(objectId: "1-key", key: "apiKey"), "_1_KEY_APIKEY")
    }

    func testGroupRulesFollowTheReferenceWorkedExample() {
        let email = PlainConfigObject(objectClass: "property", id: "email", value: .object([]))
        _ = email
        let snapshot = InstanceSnapshot(lists: [
            .model: [.object([.init("id", .string("mod_8a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")), .init("name", .string("Users")),
                              .init("type", .string("profile")), .init("state", .string("ready")), .init("locked", .null)])],
            .property: [.object([.init("id", .string("prp_4c5d6e7f-8091-42a3-b4c5-d6e7f8091a2b")), .init("key", .string("ltv")),
                                 .init("state", .string("ready")), .init("sourceId", .string("nowhere"))])],
            .group: [.object([
                .init("id", .string("grp_6e7f8091-a2b3-44c5-96e7-f8091a2b3c4d")), .init("name", .string("High Value")),
                .init("modelId", .string("mod_8a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")), .init("state", .string("ready")),
                .init("matchType", .string("all")), .init("locked", .null),
                .init("rules", .array([
                    rule("ltv", topLevel: false, type: "float", op: "gte", match: .string("100")),
                    rule("email", topLevel: false, type: "email", op: "ne", match: .string("null")),
                    rule("grouparooCreatedAt", topLevel: true, type: "date", op: "gt", match: .null, relative: 30, direction: "subtract"),
                    rule("grouparooCreatedAt", topLevel: true, type: "date", op: "lt", match: .string("1583020800000")),
                ])),
            ])],
        ])
        let result = ImportConversion().convert(snapshot)
        let group = result.objects.first { $0.objectClass == "group" }
        XCTAssertEqual(group?.id, "high_value")
        XCTAssertEqual(group?.value["modelId"], .string("users"))
        let rules = group?.value["rules"]?.arrayValue ?? []
        XCTAssertEqual(rules.count, 4)
        // ltv's source is not listed, so the property is skipped, but the rule still names its config id.
        XCTAssertEqual(rules[0], .object([.init("propertyId", .string("ltv")), .init("op", .string("gte")), .init("match", .string("100"))]))
        XCTAssertEqual(rules[1], .object([.init("propertyId", .string("email")), .init("op", .string("exists"))]))
        XCTAssertEqual(rules[2], .object([.init("propertyId", .string("grouparooCreatedAt")), .init("op", .string("relative_gt")),
                                          .init("relativeMatchNumber", .number(30)), .init("relativeMatchUnit", .string("days"))]))
        XCTAssertEqual(rules[3]["match"], .string("2020-03-01T00:00:00.000Z"))
        XCTAssertEqual(ISODate.milliseconds("2020-03-01T00:00:00.000Z"), 1_583_020_800_000)
        XCTAssertEqual(ISODate.milliseconds("2020-03-01"), 1_583_020_800_000)
        XCTAssertNil(ISODate.milliseconds("March 1"))
    }

    private func rule(_ key: String, topLevel: Bool, type: String, op: String, match: ConfigValue, relative: Double? = nil,
                      direction: String? = nil) -> ConfigValue {
        .object([.init("key", .string(key)), .init("topLevel", .boolean(topLevel)), .init("type", .string(type)),
                 .init("operation", .object([.init("op", .string(op))])), .init("match", match),
                 .init("relativeMatchNumber", relative.map { .number($0) } ?? .null), .init("relativeMatchUnit", relative == nil ? .null : .string("days")),
                 .init("relativeMatchDirection", direction.map { .string($0) } ?? .null)])
    }

    func testDiffReportsFieldLevelChangesAndHidesSecrets() {
        let before = [PlainConfigObject(objectClass: "app", id: "a", value: .object([
            .init("class", .string("app")), .init("id", .string("a")), .init("name", .string("A")),
            .init("options", .object([.init("password", .string("old-secret")), .init("host", .string("x"))])),
        ]), locked: LockValue.codeConfig), PlainConfigObject(objectClass: "model", id: "m", value: .object([]), locked: LockValue.codeConfig)]
        let after = [PlainConfigObject(objectClass: "app", id: "a", value: .object([
            .init("class", .string("app")), .init("id", .string("a")), .init("name", .string("A")),
            .init("options", .object([.init("password", .string("new-secret")), .init("host", .string("y")), .init("port", .number(1))])),
        ])), PlainConfigObject(objectClass: "group", id: "g", value: .object([]))]
        let changes = ConfigDiff.compare(before, after, order: ["group:g", "app:a"])
        XCTAssertEqual(changes.map(\.kind), [.created, .changed, .deleted])
        XCTAssertEqual(changes[1].fields.map(\.path), ["options.password", "options.host", "options.port"])
        XCTAssertEqual(changes[1].fields.map(\.isSecret), [true, false, false])
        XCTAssertTrue(changes[2].isDeletedByApply)
    }

    /// Objects written the same on both sides are equal, except a group whose rule names a property by
    /// key: each side resolves the key through its own properties, so the same text can change.
    func testIdenticalObjectsAreUnchangedButGroupRulesByKeyFollowTheirProperty() {
        func property(_ id: String) -> PlainConfigObject {
            PlainConfigObject(objectClass: "property", id: id, value: .object([
                .init("class", .string("property")), .init("id", .string(id)), .init("key", .string("email")),
                .init("type", .string("email")), .init("sourceId", .string("s")),
            ]))
        }
        let group = PlainConfigObject(objectClass: "group", id: "g", value: .object([
            .init("class", .string("group")), .init("id", .string("g")), .init("name", .string("G")),
            .init("rules", .array([.object([.init("key", .string("email")), .init("operation", .object([.init("op", .string("exists"))]))])])),
        ]))
        XCTAssertEqual(ConfigDiff.compare([property("email_one"), group], [property("email_one"), group]), [])
        let changes = ConfigDiff.compare([property("email_one"), group], [property("email_two"), group])
        XCTAssertEqual(changes.map(\.key), ["group:g", "property:email_one", "property:email_two"])
        XCTAssertEqual(changes[0].fields.map(\.path), ["rules[0].propertyId"])
        XCTAssertEqual(changes[0].fields.first?.after, .string("email_two"))
    }

    func testSettingsAtTheirDefaultAndDraftObjectsAreNotImported() {
        func setting(_ key: String, _ value: String, _ defaultValue: ConfigValue, plugin: String = "core") -> ConfigValue {
            .object([.init("id", .string("set_\(key)")), .init("pluginName", .string(plugin)), .init("key", .string(key)),
                     .init("value", .string(value)), .init("defaultValue", defaultValue), .init("locked", .null)])
        }
        func model(_ id: String, state: String) -> ConfigValue {
            .object([.init("id", .string(id)), .init("name", .string(id.uppercased())), .init("type", .string("profile")),
                     .init("state", .string(state)), .init("locked", .null)])
        }
        let snapshot = InstanceSnapshot(lists: [
            .setting: [setting("cluster-name", "Acme", .string("My Grouparoo Cluster")),
                       setting("groups-calculation-delay-minutes", "1440", .number(1440)),
                       setting("customer-id", "abc", .string(""), plugin: "telemetry")],
            .model: [model("ready_one", state: "ready"), model("gone", state: "deleted")],
            .source: [.object([.init("id", .string("s")), .init("name", .string("S")), .init("state", .string("ready")),
                               .init("appId", .string("no_such_app")), .init("modelId", .string("ready_one"))])],
        ])
        let result = ImportConversion().convert(snapshot)
        XCTAssertEqual(result.objects.map(\.key), ["setting:cluster-name", "model:ready_one"])
        XCTAssertEqual(result.objects[0].value["value"], .string("Acme"))
        XCTAssertEqual(result.skipped.map { "\($0.id) \($0.reason.rawValue)" }, ["gone draft or deleted", "s its parent is not ready"])
    }
}
