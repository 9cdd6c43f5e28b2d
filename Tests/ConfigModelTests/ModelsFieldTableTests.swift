import XCTest
@testable import ConfigModel

/// The field tables: one declaration per key, read by decoding, encoding, the rules and the schemas.
final class ModelsFieldTableTests: XCTestCase {
    func testEveryKeyIsDeclaredOnceWithHelp() {
        for configClass in ConfigClass.allCases {
            let keys = configClass.fields.map(\.key)
            XCTAssertEqual(Set(keys).count, keys.count, "\(configClass) declares a key twice")
            XCTAssertEqual(Array(keys.prefix(2)), ["class", "id"])
            for field in configClass.fields {
                XCTAssertFalse(field.help.isEmpty, "\(configClass).\(field.key) has no help")
                if case .alias(let primary) = field.status {
                    XCTAssertNotNil(configClass.field(primary), "\(configClass).\(field.key) is an alias of a key the class lacks")
                }
            }
        }
    }

    func testTheTableHoldsGrouparoosFacts() throws {
        let destination = ConfigClass.destination
        XCTAssertEqual(destination.field("syncMode")?.allowedValues, ["sync", "additive", "enrich"])
        XCTAssertEqual(destination.field("collection")?.allowedValues, ["none", "group", "model"])
        XCTAssertEqual(destination.field("appId")?.requirement, .parentLookup)
        XCTAssertEqual(destination.field("appId")?.references, .app)
        XCTAssertEqual(destination.field("modelId")?.requirement, .parentColumn)
        XCTAssertEqual(destination.field("destinationGroupMemberships")?.references, .group)
        XCTAssertEqual(ConfigClass.team.field("name")?.length, 3...191)
        XCTAssertEqual(ConfigClass.team.field("permissionAllRead")?.status, .ignored(use: "options.permissionAllRead", managed: false))
        XCTAssertEqual(ConfigClass.schedule.field("confirmProfiles")?.status, .deprecated(use: "confirmRecords"))
        XCTAssertEqual(ConfigClass.schedule.field("recurring")?.requirement, .notNull)
        XCTAssertFalse(try XCTUnwrap(ConfigClass.model.field("createdAt")).isSuggested, "Grouparoo sets it")
        guard case .list(let filterFields)? = ConfigClass.property.field("filters")?.type else { return XCTFail("filters is a list") }
        XCTAssertEqual(filterFields.filter { $0.requirement == .required }.map(\.key), ["key", "op"])
        guard case .object(let memberOptions)? = ConfigClass.teamMember.field("options")?.type else { return XCTFail() }
        XCTAssertEqual(memberOptions.map(\.key), ["firstName", "lastName", "password"])
    }

    /// Decoding reads every bound key of the table and encoding writes it back, so a key declared
    /// in the table round-trips without any other code.
    func testEveryDeclaredValueKeyDecodesAndEncodes() throws {
        for configClass in ConfigClass.allCases where configClass != .profile {
            var object = JSObject()
            object.set("class", LocatedValue(.string(configClass.rawValue), span: .synthesized))
            object.set("id", LocatedValue(.string("x"), span: .synthesized))
            let valueFields = configClass.fields.dropFirst(2).filter { field in
                if case .any = field.type { return false } else { return true }
            }
            for field in valueFields { object.set(field.key, LocatedValue(Self.sample(field), span: .synthesized)) }
            let result = ConfigObject.decode(LocatedValue(.object(object), span: .synthesized))
            XCTAssertEqual(result.diagnostics.map(\.message), [], "\(configClass)")
            let decoded = try XCTUnwrap(result.object)
            // Re-encode from the typed fields alone: a model built in code from what was decoded.
            var fresh = decoded.model
            fresh.header = ConfigObjectHeader(configClass: configClass, id: "x")
            guard case .object(let encoded) = fresh.toJSValue() else { return XCTFail() }
            XCTAssertEqual(encoded.keys, ["class", "id"] + valueFields.map(\.key), "\(configClass) encodes every table key")
        }
    }

    /// Decoding finds each bound key's property in one pass over the object: every field must read the
    /// property a plain look-up by key gives, whatever the key order and the other keys (same length or not).
    func testOnePassKeyMatchingReadsWhatALookUpByKeyFinds() throws {
        for configClass in ConfigClass.allCases where configClass != .profile {
            let valueFields = configClass.fields.dropFirst(2).filter { field in
                if case .any = field.type { return false } else { return true }
            }
            var object = JSObject()
            var line = 0
            func add(_ key: String, _ value: JSValue) {
                line += 1
                let span = SourceSpan(file: "t.js", start: TextPosition(line: line, column: 1),
                                      end: TextPosition(line: line, column: 9))
                object.set(key, LocatedValue(value, span: span), keySpan: span)
            }
            for field in valueFields.reversed() {
                add(String(field.key.dropLast()) + "~", Self.sample(field)) // same length, other bytes
                add(field.key, Self.sample(field))
                add(field.key + "s", Self.sample(field))
            }
            add("id", .string("x"))
            add("class", .string(configClass.rawValue))
            let decoded = try XCTUnwrap(ConfigObject.decode(LocatedValue(.object(object), span: .synthesized)).object)
            let encoded = decoded.model.encodedFields
            for field in valueFields {
                let value = encoded.first { $0.key == field.key }?.value
                XCTAssertEqual(value?.span, object[field.key]?.span, "\(configClass).\(field.key)")
            }
        }
    }

    /// Fields decode in table order whatever the key order, so type mismatches are reported in the order
    /// reading each key in turn gave.
    func testMismatchesAreReportedInTableOrder() {
        let value = ModelsFixture.located(["isArray": 1, "unique": "yes", "type": 5, "key": ["k"],
                                           "class": "property", "id": "p"])
        XCTAssertEqual(ConfigObject.decode(value).diagnostics.map(\.message), [
            "`key` must be a string, but it is an array",
            "`type` should be a string, but it is a number; Grouparoo will read it as \"5\"",
            "`unique` should be a boolean (true or false), but it is a string",
            "`isArray` should be a boolean (true or false), but it is a number",
        ])
    }

    /// Enum fields classify their text through `EnumCases`, which must agree with `EnumValue.init`.
    func testEnumCasesAgreeWithEnumValue() {
        func check<Known>(_ type: Known.Type)
        where Known: CaseIterable & RawRepresentable & Sendable & Hashable, Known.RawValue == String {
            let cases = EnumCases<Known>()
            let texts = Known.allCases.flatMap { known in
                let raw = known.rawValue
                return [raw, raw.uppercased(), raw + " ", String(raw.dropLast()) + "\u{212A}", raw.replacingOccurrences(of: "K", with: "\u{212A}")]
            } + ["", "K", "\u{212A}", "e\u{301}", "\u{E9}", "nope"]
            for text in texts { XCTAssertEqual(cases.value(text), EnumValue<Known>(text), "\(Known.self) \(text)") }
        }
        check(PropertyType.self)
        check(FilterOp.self)
        check(GroupRuleOp.self)
        check(RelativeMatchUnit.self)
        check(RelativeMatchDirection.self)
        check(SyncMode.self)
        check(DestinationCollection.self)
        check(ModelType.self)
        check(PermissionTopic.self)
    }

    private static func sample(_ field: ConfigField) -> JSValue {
        if let first = field.allowedValues.first { return .string(first) }
        switch field.type {
        case .string, .scalar: return .string("v")
        case .boolean, .nullableBoolean: return .boolean(true)
        case .number: return .number(60000)
        case .pluginOptions, .object, .idMap, .valueMap: return .object(JSObject())
        case .list: return .array([])
        case .any: return .null
        }
    }
}
