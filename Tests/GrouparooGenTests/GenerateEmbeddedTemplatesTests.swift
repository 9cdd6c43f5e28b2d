import Foundation
import XCTest

@testable import grouparoo_gen

/// The binary carries its templates; this fails when `Templates/` changed without running
/// `Scripts/embed-templates.sh`.
final class GenerateEmbeddedTemplatesTests: XCTestCase {
    func testEmbeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".template") }
        XCTAssertEqual(Set(names), Set(EmbeddedTemplates.files.keys), "run Scripts/embed-templates.sh")
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(EmbeddedTemplates.files[name], onDisk, "\(name) is out of date: run Scripts/embed-templates.sh")
        }
    }

    func testEveryGeneratorsTemplateIsEmbeddedAndParses() throws {
        for generator in GeneratorCatalog.all {
            XCTAssertNoThrow(try TemplateStore.embedded.template(generator.templateFile), generator.name)
        }
        XCTAssertNoThrow(try TemplateStore.embedded.template("table-property.js.template"))
    }
}
