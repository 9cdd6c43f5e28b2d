import XCTest
import ConfigModel

final class ModelsEnumTests: XCTestCase {
    func testEnumRawValuesAreGrouparoos() {
        XCTAssertEqual(PropertyType.allCases.map(\.rawValue),
                       ["boolean", "date", "email", "float", "integer", "phoneNumber", "string", "url"])
        XCTAssertEqual(ModelType.allCases.map(\.rawValue), ["profile", "account", "event", "custom"])
        XCTAssertEqual(SyncMode.allCases.map(\.rawValue), ["sync", "additive", "enrich"])
        XCTAssertEqual(DestinationCollection.allCases.map(\.rawValue), ["none", "group", "model"])
        XCTAssertEqual(RelativeMatchUnit.allCases.map(\.rawValue), ["days", "weeks", "months", "quarters", "years"])
        XCTAssertEqual(RelativeMatchDirection.allCases.map(\.rawValue), ["add", "subtract"])
        XCTAssertEqual(FilterOp.allCases.map(\.rawValue),
                       ["eq", "ne", "gt", "gte", "lt", "lte", "substring", "notSubstring", "in", "exists", "notExists"])
    }

    func testPermissionTopics() {
        XCTAssertEqual(PermissionTopic.allCases.count, 18)
        XCTAssertEqual(PermissionTopic(rawValue: "setupStep"), .setupStep)
        XCTAssertEqual(PermissionTopic(rawValue: "import"), .import)
        XCTAssertNil(PermissionTopic(rawValue: "apikey"), "topics are case-sensitive (R-PERM-03)")
    }

    func testEnumValueKeepsUnknownStrings() {
        XCTAssertEqual(EnumValue<PropertyType>("text"), .unrecognized("text"))
        XCTAssertEqual(EnumValue<PropertyType>("text").rawValue, "text")
        XCTAssertNil(EnumValue<PropertyType>("String").knownValue, "enums match case-sensitively")
        XCTAssertEqual(EnumValue<PropertyType>("phoneNumber").knownValue, .phoneNumber)
    }

    func testGroupRuleOpsDependOnTypeAndDialect() {
        XCTAssertEqual(GroupRuleOp.dictionaryOps(for: .boolean, dialect: .sqlite), [.exists, .notExists, .eq, .ne])
        XCTAssertEqual(GroupRuleOp.dictionaryOps(for: .string, dialect: .sqlite).map(\.rawValue),
                       ["exists", "notExists", "eq", "ne", "like", "notLike", "startsWith", "endsWith", "substring"])
        XCTAssertEqual(GroupRuleOp.dictionaryOps(for: .email, dialect: .postgres).map(\.rawValue),
                       ["exists", "notExists", "eq", "ne", "like", "notLike", "iLike", "notILike", "startsWith",
                        "endsWith", "substring"])
        XCTAssertEqual(GroupRuleOp.dictionaryOps(for: .date, dialect: .sqlite).suffix(2), [.relativeGt, .relativeLt])
        XCTAssertEqual(GroupRuleOp.relativeGt.rawValue, "relative_gt")
        XCTAssertFalse(GroupRuleOp.iLike.isAccepted(for: .string, dialect: .sqlite))
        XCTAssertTrue(GroupRuleOp.iLike.isAccepted(for: .string, dialect: .postgres))
        // relative_* become gt/lt, valid on numbers and dates only (R-RULE-05).
        XCTAssertTrue(GroupRuleOp.relativeGt.isAccepted(for: .integer, dialect: .sqlite))
        XCTAssertTrue(GroupRuleOp.relativeLt.isAccepted(for: .date, dialect: .sqlite))
        XCTAssertFalse(GroupRuleOp.relativeGt.isAccepted(for: .string, dialect: .postgres))
        XCTAssertFalse(GroupRuleOp.relativeLt.isAccepted(for: .boolean, dialect: .sqlite))
        for type in PropertyType.allCases {
            XCTAssertTrue(GroupRuleOp.exists.isAccepted(for: type, dialect: .sqlite))
            XCTAssertTrue(GroupRuleOp.notExists.isAccepted(for: type, dialect: .sqlite))
        }
        XCTAssertFalse(GroupRuleOp.gt.isAccepted(for: .boolean, dialect: .postgres))
    }

    func testConvenienceConversions() {
        XCTAssertEqual(GroupRuleOp.exists.convenienceConversion?.op, .ne)
        XCTAssertEqual(GroupRuleOp.exists.convenienceConversion?.match, "null")
        XCTAssertEqual(GroupRuleOp.notExists.convenienceConversion?.op, .eq)
        XCTAssertEqual(GroupRuleOp.relativeGt.convenienceConversion?.direction, .subtract)
        XCTAssertEqual(GroupRuleOp.relativeLt.convenienceConversion?.direction, .add)
        XCTAssertNil(GroupRuleOp.relativeLt.convenienceConversion?.match)
        XCTAssertNil(GroupRuleOp.like.convenienceConversion)
        XCTAssertEqual(GroupRuleOp.like.convertedOp, .like)
    }

    func testTopLevelRulesAndReservedKeys() {
        XCTAssertEqual(TopLevelGroupRule.all.map(\.key), ["grouparooId", "grouparooCreatedAt"])
        XCTAssertEqual(TopLevelGroupRule.named("grouparooCreatedAt")?.column, "createdAt")
        XCTAssertEqual(TopLevelGroupRule.named("grouparooCreatedAt")?.type, .date)
        XCTAssertEqual(TopLevelGroupRule.named("grouparooId")?.type, .string)
        XCTAssertNil(TopLevelGroupRule.named("grouparooid"))
        XCTAssertEqual(reservedPropertyKeys, ["_meta", "grouparooId", "grouparooCreatedAt"])
    }

    func testDeprecatedFilterOps() {
        XCTAssertEqual(FilterOp.deprecatedReplacements.count, 8)
        XCTAssertEqual(FilterOp.replacement(forDeprecated: "equals"), .eq)
        XCTAssertEqual(FilterOp.replacement(forDeprecated: "does not contain"), .notSubstring)
        XCTAssertEqual(FilterOp.replacement(forDeprecated: "greater than or equal to"), .gte)
        XCTAssertNil(FilterOp.replacement(forDeprecated: "eq"))
        XCTAssertNil(FilterOp.replacement(forDeprecated: "Equals"))
    }

    func testRegisteredSettings() {
        XCTAssertEqual(RegisteredSetting.all.count, 16)
        XCTAssertEqual(RegisteredSetting.all.filter { $0.pluginName == "core" }.count, 14)
        let clusterName = RegisteredSetting.lookup(pluginName: "core", key: "cluster-name")
        XCTAssertEqual(clusterName?.type, .string)
        XCTAssertEqual(clusterName?.defaultValue, "My Grouparoo Cluster")
        XCTAssertEqual(RegisteredSetting.lookup(pluginName: "core", key: "groups-calculation-delay-minutes")?
            .defaultValue, "1440")
        XCTAssertEqual(RegisteredSetting.lookup(pluginName: "core", key: "runs-previous-can-include-errors")?.type,
                       .boolean)
        XCTAssertEqual(RegisteredSetting.lookup(pluginName: "interface", key: "status-calculation-frequency-seconds")?
            .type, .number)
        XCTAssertNotNil(RegisteredSetting.lookup(pluginName: "telemetry", key: "customer-id"))
        XCTAssertNil(RegisteredSetting.lookup(pluginName: "core", key: "customer-id"))
        XCTAssertNil(RegisteredSetting.lookup(pluginName: "Core", key: "cluster-name"))
    }
}
