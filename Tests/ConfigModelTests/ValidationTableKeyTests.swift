@testable import ConfigModel
import XCTest

/// The entry rules read an object's keys through their rows in its class's fields (`TableRows`); each row and look-up
/// must answer what the plain look-up by key it replaces answers.
final class ValidationTableKeyTests: XCTestCase {
    func testClassOrdinalsArePositionsInAllCases() {
        let rawValues = PerClass { $0.rawValue }
        for (position, configClass) in ConfigClass.allCases.enumerated() {
            XCTAssertEqual(configClass.ordinal, position)
            XCTAssertEqual(rawValues[configClass], configClass.rawValue)
        }
    }

    /// A row is found with `==` on keys of one length, a byte comparison only when the fields' keys are ASCII.
    func testFieldKeysAreASCII() {
        for configClass in ConfigClass.allCases {
            for field in configClass.fields { XCTAssertTrue(field.key.isAllASCII, field.key) }
        }
    }

    func testRowsAgreeWithLookupsByKey() {
        let input = Self.trickyConfig()
        XCTAssertGreaterThan(input.entries.count, 2 * ConfigClass.allCases.count)
        // Over all entries at once and over chunks that cut the entries at other places.
        for rows in [[TableRows(input.entries.indices, of: input)],
                     stride(from: 0, to: input.entries.count, by: 5).map { TableRows($0..<min($0 + 5, input.entries.count), of: input) }] {
            var checked = 0
            for table in rows {
                table.forEachEntry { position, rows in
                    Self.assertRows(rows, of: input.entries[position])
                    checked += 1
                }
            }
            XCTAssertEqual(checked, input.entries.count)
        }
        // Every kind of row occurs.
        var kinds = Set<Int16>()
        TableRows(input.entries.indices, of: input).forEachEntry { _, rows in kinds.formUnion(rows.rows.map { min($0, 0) }) }
        XCTAssertEqual(kinds, [TableRows.notASCII, TableRows.none, 0])
    }

    private static func assertRows(_ rows: EntryRows, of entry: ConfigEntry) {
        guard let configClass = entry.dispatchClass else { return XCTAssertEqual(rows.rows.count, 0) }
        let (fields, properties) = (configClass.fields, entry.properties)
        XCTAssertEqual(rows.rows.count, properties.count)
        for (index, property) in properties.properties.enumerated() {
            let sameBytes = fields.firstIndex { $0.key.utf8.elementsEqual(property.key.utf8) }
            switch rows[index] {
            case TableRows.none: XCTAssertTrue(sameBytes == nil && property.key.isAllASCII, property.key)
            case TableRows.notASCII: XCTAssertFalse(property.key.isAllASCII, property.key)
            case let row: XCTAssertEqual(Int(row), sameBytes, property.key)
            }
            // What unknown-key and ignored-key ask of a row (non-ASCII keys are asked by key).
            if rows[index] != TableRows.notASCII { XCTAssertEqual(rows[index] >= 0, configClass.allowsKey(property.key), property.key) }
        }
        for field in fields {
            let row = TableRows.row(of: field.key, in: configClass)
            XCTAssertEqual(rows.firstProperty(at: row), properties.propertyIndex(field.key), field.key)
            XCTAssertEqual(rows.firstProperty(at: row), properties.properties.firstIndex { ByteScan.sameUTF8($0.key, field.key) })
            XCTAssertEqual(TableKeyState(row, rows: rows, in: properties), plainState(field.key, in: properties), field.key)
            let decoded = entry.decodedString(property: rows.firstProperty(at: row), of: properties)
            XCTAssertEqual(decoded?.value, entry.decodedString(field.key)?.value, field.key)
            XCTAssertEqual(decoded?.span, entry.decodedString(field.key)?.span, field.key)
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

    /// Objects of every class (and of none) holding each field's key: set, null, undefined, or absent behind keys that
    /// equal it as characters, not bytes (the Kelvin sign for `K`, a combining mark, another case); and keys no field has.
    private static func trickyConfig() -> ValidationInput {
        var objects: [String] = []
        let classes = ConfigClass.allCases.map(\.rawValue) + ["unknownThing"]
        for (number, className) in classes.enumerated() {
            let keys = ConfigClass(raw: className)?.fields.map(\.key).filter { $0 != "id" && $0 != "class" } ?? ["name"]
            for variant in 0..<4 {
                var members = ["id: \"o\(number)-\(variant)\"", "class: \"\(className)\""]
                for (place, key) in keys.enumerated() {
                    let lookalike = key.replacingOccurrences(of: "K", with: "\u{212A}").replacingOccurrences(of: "k", with: "\u{212A}")
                    members.append("\"\(lookalike)\u{301}\": 1")
                    members.append("\"\(key.uppercased())\": 2")
                    if lookalike != key { members.append("\"\(lookalike)\": 3") }
                    switch (variant + place) % 4 {
                    case 0: members.append("\"\(key)\": \"v\(place)\"")
                    case 1: members.append("\"\(key)\": null")
                    case 2: members.append("\"\(key)\": undefined")
                    default: break
                    }
                }
                members.append("cool\(variant): true")
                objects.append("{ " + members.joined(separator: ", ") + " }")
            }
        }
        let contents = "exports.default = [\n" + objects.joined(separator: ",\n") + "\n];\n"
        let file = ConfigReader().read(contents: Array(contents.utf8), path: "/virtual/tricky.js")
        return ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [file]))
    }
}
