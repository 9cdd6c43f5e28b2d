import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// Once a user fills in the `"..."` placeholders, every generated file must decode into the typed
/// model without errors, with the values it was generated from.
final class GenerateRoundTripTests: GenerateTestCase {
    func testEveryGeneratedConfigDecodesIntoTheTypedModel() throws {
        for generator in GeneratorCatalog.all {
            var request = GenerateTemplateTests.standardRequest(for: generator)
            if case .tableSource = generator.kind {
                request.with = "id,email,first_name"
                request.mapping = "id=user_id"
                request.highWaterMark = "updated_at"
            }
            let plan = try generate(request)
            for file in plan.files {
                let url = configDirectory.appendingPathComponent(file.relativePath)
                let filled = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"...\"", with: "\"filled\"")
                try Data(filled.utf8).write(to: url)
                let read = ConfigReader(options: ReaderOptions()).readFile(at: url.path)
                XCTAssertEqual(read.diagnostics.map(\.message), [], "\(generator.name) \(file.relativePath)")
                XCTAssertFalse(read.objects.isEmpty, "\(generator.name) \(file.relativePath)")
                for value in read.objects {
                    let decoded = ConfigObject.decode(value)
                    let errors = decoded.diagnostics.filter { $0.severity == .error }
                    XCTAssertEqual(errors.map(\.message), [], "\(generator.name) \(file.relativePath)")
                    let object = try XCTUnwrap(decoded.object, "\(generator.name) \(file.relativePath)")
                    XCTAssertEqual(
                        try JSONValue.parse(XCTUnwrap(JSONOutput.stringify(object.toJSValue()))),
                        try JSONValue.parse(XCTUnwrap(JSONOutput.stringify(value.value))),
                        "\(generator.name) \(file.relativePath)")
                }
                if file == plan.files.first {
                    XCTAssertEqual(ConfigObject.decode(read.objects[0]).object?.id, plan.id, generator.name)
                }
            }
            try FileManager.default.removeItem(at: configDirectory)
        }
    }
}
