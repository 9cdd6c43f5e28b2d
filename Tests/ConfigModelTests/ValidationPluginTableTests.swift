import ConfigModel
import Foundation
import XCTest

/// The compiled-in plugin table (`Scripts/generate-plugin-table.py`) must still say what
/// `../shared/reference/plugins.json` says. Skips when the reference is absent.
final class ValidationPluginTableTests: XCTestCase {
    private func loadReference() throws -> [String: Any] {
        let url = try ConformanceSupport.sharedDirectory().appendingPathComponent("reference/plugins.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw XCTSkip("no \(url.path)") }
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testGeneratedTableMatchesPluginsJSON() throws {
        let reference = try loadReference()
        let regenerate = "run Scripts/generate-plugin-table.py"
        for (listKey, catalog) in [("plugins", PluginCatalog.bundled), ("testOnly", PluginCatalog.testPlugin)] {
            let plugins = try XCTUnwrap(reference[listKey] as? [[String: Any]])
            var appCount = 0, connectionCount = 0
            for plugin in plugins {
                for app in plugin["apps"] as? [[String: Any]] ?? [] {
                    appCount += 1
                    let type = try XCTUnwrap(app["type"] as? String)
                    let ours = try XCTUnwrap(catalog.apps[type], "app \(type) missing; \(regenerate)")
                    XCTAssertEqual(ours.plugin, plugin["name"] as? String)
                    assertOptions(ours.options, app["options"], "app \(type)")
                    XCTAssertEqual(ours.supportsRefreshQuery, (app["methods"] as? [String] ?? []).contains("appQuery"), type)
                }
                for connection in plugin["connections"] as? [[String: Any]] ?? [] {
                    connectionCount += 1
                    let type = try XCTUnwrap(connection["type"] as? String)
                    let ours = try XCTUnwrap(catalog.connections[type], "connection \(type) missing; \(regenerate)")
                    XCTAssertEqual(ours.direction.rawValue, connection["direction"] as? String, type)
                    XCTAssertEqual(ours.apps, connection["apps"] as? [String], type)
                    assertOptions(ours.options, connection["options"], "connection \(type)")
                    if ours.direction == .importing {
                        assertOptions(ours.scheduleOptions, connection["scheduleOptions"] ?? [], "\(type) schedules")
                        if let propertyOptions = ours.propertyOptions {
                            assertOptions(propertyOptions, connection["propertyOptions"], "\(type) properties")
                        } else {
                            XCTAssertTrue(connection["propertyOptions"] == nil || connection["propertyOptions"] is NSNull, type)
                        }
                    } else {
                        XCTAssertEqual(ours.syncModes, connection["syncModes"] as? [String] ?? [], type)
                        XCTAssertEqual(ours.defaultSyncMode, connection["defaultSyncMode"] as? String, type)
                    }
                }
            }
            XCTAssertEqual(catalog.apps.count, appCount, "\(listKey): app count; \(regenerate)")
            XCTAssertEqual(catalog.connections.count, connectionCount, "\(listKey): connection count; \(regenerate)")
        }
        let counts = try XCTUnwrap(reference["counts"] as? [String: Any])
        XCTAssertEqual(PluginCatalog.bundled.apps.count, counts["appTypes"] as? Int)
        XCTAssertEqual(PluginCatalog.bundled.connections.count, counts["connectionTypes"] as? Int)
    }

    private func assertOptions(_ ours: [PluginOption], _ theirs: Any?, _ label: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        let definitions = theirs as? [[String: Any]] ?? []
        XCTAssertEqual(ours.map(\.key), definitions.compactMap { $0["key"] as? String }, label, file: file, line: line)
        XCTAssertEqual(ours.map(\.isRequired), definitions.map { ($0["required"] as? Bool) ?? false }, label,
                       file: file, line: line)
    }

    func testBundledCatalogKnowsTheCommonTypes() {
        let catalog = PluginCatalog.bundled
        XCTAssertEqual(catalog.connections["postgres-import-table"]?.apps, ["postgres"])
        XCTAssertEqual(catalog.connections["mailchimp-export-contacts"]?.apps, ["mailchimp", "mailchimp-oauth"])
        XCTAssertEqual(catalog.connections["onesignal-export-users"]?.syncModes, ["enrich"])
        XCTAssertEqual(catalog.apps["postgres"]?.options.filter(\.isRequired).map(\.key), ["database"])
        XCTAssertNil(catalog.apps["test-plugin-app"], "the test plugin is not installed by default")
        XCTAssertNotNil(catalog.merging(.testPlugin).apps["test-plugin-app"])
        XCTAssertFalse(catalog.connections["calculated-property-import"]!.features.contains(.schedules))
        XCTAssertTrue(catalog.connections["redshift-import-query"]!.features.contains(.schedules))
    }
}
