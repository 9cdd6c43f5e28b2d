import Foundation
import XCTest

/// The JSON value kinds a schema field may have.
indirect enum JSONKind: Sendable {
    case integer, boolean, string, array, object
    case nullable(JSONKind)

    func matches(_ value: Any) -> Bool {
        switch self {
        case .nullable(let kind): return value is NSNull || kind.matches(value)
        case .integer: return !isBoolean(value) && (value as? NSNumber).map { Double(truncating: $0).rounded() == Double(truncating: $0) } ?? false
        case .boolean: return isBoolean(value)
        case .string: return value is String
        case .array: return value is [Any]
        case .object: return value is [String: Any]
        }
    }

    private func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}

/// A small structural check of `validate --format json` against docs/validate-json-schema.md.
enum JSONSchemaCheck {
    static let report: [(String, JSONKind)] = [
        ("format_version", .integer), ("tool", .object), ("config_dir", .string), ("valid", .boolean), ("strict", .boolean),
        ("error_count", .integer), ("warning_count", .integer), ("file_count", .integer), ("object_count", .integer),
        ("diagnostics", .array),
    ]
    static let tool: [(String, JSONKind)] = [("name", .string), ("version", .string)]
    static let diagnostic: [(String, JSONKind)] = [
        ("severity", .string), ("rule_id", .string), ("message", .string), ("grouparoo_message", .nullable(.string)),
        ("file", .nullable(.string)), ("line", .nullable(.integer)), ("column", .nullable(.integer)),
        ("end_line", .nullable(.integer)), ("end_column", .nullable(.integer)),
        ("object_class", .nullable(.string)), ("object_id", .nullable(.string)), ("notes", .array),
    ]
    static let note: [(String, JSONKind)] = [
        ("message", .string), ("file", .nullable(.string)), ("line", .nullable(.integer)), ("column", .nullable(.integer)),
    ]

    /// Exactly the schema's keys, each of its kind; counts agree with the diagnostics.
    static func checkReport(_ document: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        check(document, against: report, what: "report", file: file, line: line)
        check(try XCTUnwrap(document["tool"] as? [String: Any]), against: tool, what: "tool", file: file, line: line)
        let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]], file: file, line: line)
        for entry in diagnostics {
            check(entry, against: diagnostic, what: "diagnostic", file: file, line: line)
            XCTAssertTrue(["error", "warning", "note"].contains(entry["severity"] as? String ?? ""), file: file, line: line)
            if let position = entry["line"] as? Int { XCTAssertGreaterThan(position, 0, file: file, line: line) }
            for noteEntry in try XCTUnwrap(entry["notes"] as? [[String: Any]], file: file, line: line) {
                check(noteEntry, against: note, what: "note", file: file, line: line)
            }
        }
        let errors = diagnostics.count { $0["severity"] as? String == "error" }
        let warnings = diagnostics.count { $0["severity"] as? String == "warning" }
        XCTAssertEqual(document["error_count"] as? Int, errors, file: file, line: line)
        XCTAssertEqual(document["warning_count"] as? Int, warnings, file: file, line: line)
    }

    static func check(_ object: [String: Any], against schema: [(String, JSONKind)], what: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(object.keys), Set(schema.map(\.0)), "keys of a \(what)", file: file, line: line)
        for (key, kind) in schema {
            guard let value = object[key] else { continue }
            XCTAssertTrue(kind.matches(value), "\(what).\(key) has the wrong type: \(value)", file: file, line: line)
        }
    }

    static var allKeys: Set<String> { Set((report + tool + diagnostic + note).map(\.0)) }
}

/// A structural check of a SARIF 2.1.0 log: the parts code-scanning tools rely on.
enum SARIFCheck {
    static func check(_ log: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(log["version"] as? String, "2.1.0", file: file, line: line)
        XCTAssertTrue((log["$schema"] as? String)?.hasPrefix("https://") ?? false, file: file, line: line)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]], file: file, line: line)
        XCTAssertEqual(runs.count, 1, file: file, line: line)
        let run = runs[0]
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(driver["name"] as? String, "grouparoo-gen", file: file, line: line)
        XCTAssertNotNil(driver["version"] as? String, file: file, line: line)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]], file: file, line: line)
        let ids = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids.count, rules.count, "every rule has an id", file: file, line: line)
        XCTAssertEqual(Set(ids).count, ids.count, "rule ids are unique", file: file, line: line)
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String, file: file, line: line)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertTrue(["error", "warning", "note"].contains(level ?? ""), file: file, line: line)
            XCTAssertNotNil((rule["properties"] as? [String: Any])?["grouparooRules"] as? [String], file: file, line: line)
        }
        let results = try XCTUnwrap(run["results"] as? [[String: Any]], file: file, line: line)
        for result in results {
            let ruleID = try XCTUnwrap(result["ruleId"] as? String, file: file, line: line)
            let index = try XCTUnwrap(result["ruleIndex"] as? Int, file: file, line: line)
            XCTAssertTrue(ids.indices.contains(index), file: file, line: line)
            if ids.indices.contains(index) { XCTAssertEqual(ids[index], ruleID, "ruleIndex points at the rule", file: file, line: line) }
            XCTAssertTrue(["error", "warning", "note"].contains(result["level"] as? String ?? ""), file: file, line: line)
            XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String, file: file, line: line)
            let locations = try XCTUnwrap(result["locations"] as? [[String: Any]], file: file, line: line)
            let related = result["relatedLocations"] as? [[String: Any]] ?? []
            for location in locations + related {
                try checkPhysicalLocation(location["physicalLocation"], file: file, line: line)
            }
        }
    }

    private static func checkPhysicalLocation(_ value: Any?, file: StaticString, line: UInt) throws {
        let physical = try XCTUnwrap(value as? [String: Any], file: file, line: line)
        let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any], file: file, line: line)
        let uri = try XCTUnwrap(artifact["uri"] as? String, file: file, line: line)
        XCTAssertNotNil(URL(string: uri), "uri is a valid URI reference: \(uri)", file: file, line: line)
        if !uri.hasPrefix("file:") { XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%", file: file, line: line) }
        let region = try XCTUnwrap(physical["region"] as? [String: Any], file: file, line: line)
        let startLine = try XCTUnwrap(region["startLine"] as? Int, file: file, line: line)
        XCTAssertGreaterThan(startLine, 0, file: file, line: line)
        XCTAssertGreaterThan(region["startColumn"] as? Int ?? 0, 0, file: file, line: line)
        if let endLine = region["endLine"] as? Int { XCTAssertGreaterThanOrEqual(endLine, startLine, file: file, line: line) }
    }
}
