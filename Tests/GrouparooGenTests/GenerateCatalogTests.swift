import ConfigModel
import XCTest

@testable import grouparoo_gen

/// The plugin templates add only names, placeholders and help to the plugin table validate uses,
/// and every generated file passes our own validator with no errors.
final class GenerateCatalogTests: GenerateTestCase {
    func testEveryTemplateNamesTypesAndOptionsThePluginTableHas() {
        let table = PluginCatalog.bundled
        for app in PluginTemplates.apps {
            let options = Set(table.apps[app.type]?.options.map(\.key) ?? [])
            XCTAssertNotNil(table.apps[app.type], app.type)
            XCTAssertEqual(Set(app.hints.keys).subtracting(options), [], "\(app.type): hints for options the table does not have")
        }
        for destination in PluginTemplates.destinations {
            let connection = table.connections[destination.type]
            XCTAssertEqual(connection?.direction, .exporting, destination.name)
            XCTAssertEqual(Set(destination.hints.keys).subtracting(connection?.options.map(\.key) ?? []), [], destination.name)
        }
        for source in PluginTemplates.singleSources {
            let connection = table.connections[source.sourceType]
            XCTAssertEqual(connection?.direction, .importing, source.plugin)
            XCTAssertEqual(Set(source.sourceHints.keys).subtracting(connection?.options.map(\.key) ?? []), [], source.plugin)
            XCTAssertEqual(Set(source.propertyHints.keys).subtracting(connection?.propertyOptions?.map(\.key) ?? []), [], source.plugin)
        }
    }

    func testRequiredOptionsAndSyncModesComeFromThePluginTable() throws {
        let facebook = try XCTUnwrap(PluginTemplates.destinations.first { $0.name == "facebook" })
        XCTAssertEqual(facebook.syncModes, PluginCatalog.bundled.connections[facebook.type]?.syncModes)
        XCTAssertTrue(facebook.needsSyncModeChoice)
        XCTAssertEqual(GeneratorCatalog.find("facebook:destination")?.inputs.first { $0.name == "sync-mode" }?.required, true)
        // Every required option of an app is written, in the table's order.
        for app in PluginTemplates.apps {
            let required = PluginCatalog.bundled.apps[app.type]?.options.filter { $0.isRequired && $0.onlyWhenKey == nil }.map(\.key) ?? []
            let written = app.options?.map(\.key) ?? []
            XCTAssertEqual(written.filter(required.contains), required, app.type)
        }
    }

    /// Each template rendered with only its required inputs, into a config dir holding the objects it
    /// refers to (model, app, source, team), validates with 0 errors; placeholders are warnings.
    func testEveryTemplateWithOnlyRequiredInputsValidatesWithoutErrors() throws {
        for (index, generator) in GeneratorCatalog.all.enumerated() {
            let directory = root.appendingPathComponent("set\(index)")
            var written: [String] = []
            for request in try parents(of: generator) + [GenerateTemplateTests.standardRequest(for: generator)] {
                // As the command plans it: with the models and source types already in the directory.
                let existing = ConfigReader(options: ReaderOptions()).readDirectory(at: directory.path)
                let plan = try GeneratePlanner.plan(GenerateCommand.withConfigFacts(request, from: existing), templates: .embedded)
                written += try SafeFileWriter(configDirectory: directory.path, overwrite: false).write(plan.files).map(\.path)
            }
            let report = Validator().validate(ConfigReader(options: ReaderOptions()).readDirectory(at: directory.path))
            XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map { "\($0.ruleID): \($0.message)" }, [], generator.name)
            let warnings = Set(report.diagnostics.filter { $0.severity == .warning }.map(\.ruleID))
            XCTAssertTrue(warnings.isSubset(of: ["template-placeholder", "hardcoded-secret"]), "\(generator.name): \(warnings)")
        }
    }

    /// The objects a generator's file refers to, made with their own generators (ids as in `standardRequest`).
    private func parents(of generator: Generator) throws -> [GenerateRequest] {
        func made(_ template: String, _ id: String, parent: String? = nil) throws -> GenerateRequest {
            var request = GenerateTemplateTests.standardRequest(for: try XCTUnwrap(GeneratorCatalog.find(template), template), id: id)
            request.parent = parent
            return request
        }
        let model = try made("model", GeneratorCatalog.defaultModelId)
        let plugin = String(generator.name.split(separator: ":")[0])
        switch generator.kind {
        case .destination, .tableSource, .querySource, .singleSource:
            return [model, try made("\(plugin):app", "data_warehouse")]
        case .tableProperty, .queryProperty:
            let kind = generator.name.split(separator: ":")[1]
            return [model, try made("\(plugin):app", "data_warehouse"), try made("\(plugin):\(kind):source", "users_table", parent: "data_warehouse")]
        case .singleProperty:
            return [model, try made("\(plugin):app", "data_warehouse"), try made("\(plugin):source", "users_table", parent: "data_warehouse")]
        case .schedule:
            return [model, try made("postgres:app", "data_warehouse"), try made("postgres:table:source", "users_table", parent: "data_warehouse")]
        case .teamMember:
            return [try made("team", "admin_team")]
        case .group:
            return [model]
        default:
            return []
        }
    }
}
