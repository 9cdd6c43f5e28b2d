@testable import ConfigModel
import XCTest

/// `ConfigEntry` takes a class spelled as its raw value as clean and reads the id in place; both must agree with
/// the plain readings (`ConfigClass.cleanClass`, `String(id)` of a truthy id).
final class ValidationConfigEntryTests: XCTestCase {
    func testCleanClassAgreesWithGrouparoosCleanClass() {
        for configClass in ConfigClass.allCases {
            let spellings = [configClass.rawValue, configClass.preferredSpelling, configClass.rawValue.uppercased(),
                             " \(configClass.rawValue)", "\(configClass.rawValue)\n", "x\(configClass.rawValue)"]
            for spelling in spellings {
                let entry = Self.entry(["class": .string(spelling), "id": "x"])
                XCTAssertEqual(entry.cleanClass, ConfigClass.cleanClass(spelling), spelling.debugDescription)
                XCTAssertEqual(entry.dispatchClass, ConfigClass(raw: spelling), spelling.debugDescription)
            }
        }
        XCTAssertNil(Self.entry(["id": "x"]).cleanClass)
        XCTAssertNil(Self.entry(["class": 3, "id": "x"]).cleanClass)
    }

    func testIDIsStringOfATruthyValue() {
        let ids: [ModelsJS] = ["text", "", 0, 8, 1.5, true, false, nil, .undefined, [1, "a"], [], ["k": 1]]
        for id in ids {
            let value = ModelsFixture.located(["class": "app", "id": id])
            guard case .object(let object) = value.value, let idValue = object["id"]?.value else { return XCTFail() }
            let plain = JavaScriptValues.isTruthy(idValue) ? JavaScriptValues.string(idValue) : nil
            XCTAssertEqual(ConfigEntry(position: 0, file: "f.js", value: value).id, plain, "\(idValue)")
        }
        XCTAssertNil(Self.entry(["class": "app"]).id)
    }

    func testKeyOrNameTakesTheFirstTruthyOfTheTwo() {
        XCTAssertEqual(Self.entry(["key": "k", "name": "n"]).keyOrName, "k")
        XCTAssertEqual(Self.entry(["key": "", "name": "n"]).keyOrName, "n")
        XCTAssertEqual(Self.entry(["key": 0, "name": 7]).keyOrName, "7")
        XCTAssertEqual(Self.entry(["key": nil]).keyOrName, "undefined")
        XCTAssertEqual(Self.entry(["key": "k", "name": "n"]).nameOrKey, "n")
        XCTAssertEqual(Self.entry(["key": "k", "name": false]).nameOrKey, "k")
    }

    private static func entry(_ object: ModelsJS) -> ConfigEntry {
        ConfigEntry(position: 0, file: "f.js", value: ModelsFixture.located(object))
    }
}
