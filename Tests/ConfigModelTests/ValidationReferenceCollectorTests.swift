@testable import ConfigModel
import XCTest

/// `ReferenceCollector.references` walks an object's keys once; it must find what looking each
/// container up by name finds, in the same order.
final class ValidationReferenceCollectorTests: XCTestCase {
    func testOneWalkAgreesWithLookingUpEachContainer() {
        let objects = """
            { class: "group", id: "g", rules: [{ propertyId: "p", op: "eq", match: 1 }, { key: "k", recordId: "lastName" }],
              mapping: { email: "p", id: "boot" }, zId: null, aId: "x", "Id": "not a reference" },
            { class: "destination", id: "d", appId: "a", groupId: "g", destinationGroupMemberships: { "Members": "g" },
              source: { propertyId: "p" }, destination: { propertyId: 3 }, options: { propertyId: "p", table: "t" },
              mapping: {}, properties: "not an object" },
            { class: "record", id: "r", modelId: "m", properties: { email: ["a@b.co"], "first name": "A" } },
            { class: "group", id: "h", rules: { first: { propertyId: "p" }, second: "not an object" },
              options: "x", source: null, destination: [] },
            { class: "property", id: "p", sourceId: "s", options: { column: "c", propertyId: undefined } },
            { class: "app", id: "plain", name: "nothing refers" },
            { class: "source", id: "s", mapping: { id: "boot", email: "boot" }, "optionsId": "o", mappings: {} }
            """
        let read = ConfigReader().read(contents: Array(RuleExample(objects: objects).files["config.js"]!.utf8),
                                       path: "/virtual/config.js")
        let input = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
        XCTAssertEqual(input.entries.count, 7)
        var compared = 0
        for entry in input.entries {
            for bootstrapped in [nil, "boot"] {
                let fast = ReferenceCollector.references(of: entry, bootstrappedPropertyID: bootstrapped)
                let plain = Self.plainReferences(of: entry, bootstrappedPropertyID: bootstrapped)
                XCTAssertEqual(fast.map(Self.facts), plain, entry.label)
                compared += fast.count
            }
        }
        XCTAssertGreaterThan(compared, 30)
    }

    func testContainerKeysAreRecognisedExactly() {
        for key in ["options", "source", "destination", "rules", "mapping", "destinationGroupMemberships", "properties"] {
            guard case .container(let container) = ReferenceCollector.role(of: key) else { return XCTFail(key) }
            XCTAssertEqual(container.key, key)
        }
        for key in ["Options", "mappings", "rule", "sourcE", "opt\u{0}ons", "", "propertiesX", "Mapping", "sourc\u{E9}"] {
            XCTAssertEqual(ReferenceCollector.role(of: key), .other, key.debugDescription)
        }
    }

    private static func facts(_ reference: ConfigReference) -> String {
        facts(reference.kind, reference.path, reference.targetClass, reference.targetID, reference.span, reference.isNullish)
    }

    private static func facts(_ kind: ConfigReference.Kind, _ path: String, _ targetClass: String, _ targetID: String,
                              _ span: SourceSpan, _ isNullish: Bool) -> String {
        "\(kind) \(path) \(targetClass) \(targetID) \(span) \(isNullish)"
    }

    /// The elements `for…of`/`for…in` visit, each with its label spelled out.
    private static func elements(of value: JSValue, path: String) -> [(String, LocatedValue)] {
        switch value {
        case .array(let items): return items.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
        case .object(let object): return object.properties.map { ("\(path).\($0.key)", $0.value) }
        default: return []
        }
    }

    /// The collector as it was before the one walk (each container looked up by name, paths spelled out at once),
    /// as the facts `facts` prints.
    private static func plainReferences(of entry: ConfigEntry, bootstrappedPropertyID: String?) -> [String] {
        var found: [String] = []
        let object = entry.properties
        func make(_ kind: ConfigReference.Kind, _ path: String, _ targetClass: String, _ value: LocatedValue) -> String {
            facts(kind, path, targetClass, JavaScriptValues.string(value.value), value.span, JavaScriptValues.isNullish(value.value))
        }
        for property in object.properties where property.key.count > 2 && property.key.hasSuffix("Id") {
            found.append(make(.idKey, property.key, String(property.key.dropLast(2)), property.value))
        }
        for container in ["options", "source", "destination"] {
            if case .object(let nested)? = object[container]?.value, let target = nested.property("propertyId") {
                found.append(make(.nestedPropertyID, "\(container).propertyId", "property", target.value))
            }
        }
        if let rules = object["rules"] {
            for (label, rule) in elements(of: rules.value, path: "rules") {
                guard case .object(let ruleObject) = rule.value else { continue }
                for property in ruleObject.properties where property.key.count > 2 && property.key.hasSuffix("Id") {
                    if case .string(let text) = property.value.value, ReferenceCollector.topLevelRuleKeys.contains(text) { continue }
                    found.append(make(.groupRule, "\(label).\(property.key)", "property", property.value))
                }
            }
        }
        if case .object(let mapping)? = object["mapping"]?.value {
            for property in mapping.properties {
                if case .string(let text) = property.value.value, text == bootstrappedPropertyID { continue }
                found.append(make(.mapping, "mapping.\(property.key)", "property", property.value))
            }
        }
        if case .object(let memberships)? = object["destinationGroupMemberships"]?.value {
            for property in memberships.properties {
                found.append(make(.groupMembership, "destinationGroupMemberships.\(property.key)", "group", property.value))
            }
        }
        if case .object(let recordProperties)? = object["properties"]?.value {
            for property in recordProperties.properties {
                found.append(facts(.recordProperty, "properties.\(property.key)", "property", property.key, property.keySpan,
                                   false))
            }
        }
        return found
    }
}
