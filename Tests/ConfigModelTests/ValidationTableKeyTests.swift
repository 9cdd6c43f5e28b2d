@testable import ConfigModel
import XCTest

/// The generic value rules read an object through its class's field table by shortcuts; each must answer what the
/// plain look-up it replaces answers.
final class ValidationTableKeyTests: XCTestCase {
    func testClassOrdinalsArePositionsInAllCases() {
        let rawValues = PerClass { $0.rawValue }
        for (position, configClass) in ConfigClass.allCases.enumerated() {
            XCTAssertEqual(configClass.ordinal, position)
            XCTAssertEqual(rawValues[configClass], configClass.rawValue)
        }
    }

    func testTableKeyStateAgreesWithTheSubscript() {
        let keys = Set(ConfigClass.allCases.flatMap { $0.fields.map(\.key) })
        for key in keys {
            // The shortcut compares with `==`, a byte comparison only for ASCII keys.
            XCTAssertTrue(key.isAllASCII, key)
            // Absent; spelled with the Kelvin sign, or with a mark after its last letter (other bytes, one longer or
            // canonically different); null, undefined, or set.
            let lookalikes = [key.replacingOccurrences(of: "K", with: "\u{212A}"), key + "\u{301}", key.uppercased()]
            let values: [JSValue?] = [nil, .null, .undefined, .string(""), .boolean(false)]
            for value in values {
                var object = JSObject()
                for lookalike in lookalikes where lookalike != key { object.set(lookalike, LocatedValue(.null, span: .synthesized)) }
                if let value { object.set(key, LocatedValue(value, span: .synthesized)) }
                XCTAssertEqual(TableKeyState(key, in: object), Self.plainState(key, in: object), "\(key) \(String(describing: value))")
            }
        }
    }

    private static func plainState(_ key: String, in object: JSObject) -> TableKeyState {
        switch object[key]?.value {
        case nil: .absent
        case .null?: .null
        case .undefined?: .undefined
        default: .set
        }
    }
}
