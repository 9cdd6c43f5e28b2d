@testable import ConfigModel
import XCTest

/// `ApplicableLists` shares one applicable-definition list between objects whose deciding values agree; every
/// list must still be what filtering the definitions gives.
final class ApplicableListsTests: XCTestCase {
    func testSharedListsEqualFilteredDefinitions() {
        let catalog = PluginCatalog.bundled
        let definitionLists = catalog.connections.values.flatMap { [$0.options, $0.propertyOptions ?? [], $0.scheduleOptions] }
            + catalog.apps.values.map(\.options)
        let lists = ApplicableLists()
        for round in 0..<3 {
            for definitions in definitionLists {
                for seed in 0..<4 {
                    let applies = { (definition: PluginOption) in (definition.key.utf8.count + seed) % 3 != 0 }
                    let plain = definitions.filter(applies)
                    XCTAssertEqual(lists.list(definitions, applies: applies), plain, "round \(round)")
                }
            }
        }
        let definitions = [PluginOption.required("a"), .optional("b"), .required("c", onlyWhen: ("a", ["x"]))]
        let first = lists.list(definitions) { $0.key != "c" }
        let again = lists.list(definitions) { $0.key != "c" }
        XCTAssertEqual(first.withUnsafeBufferPointer(\.baseAddress), again.withUnsafeBufferPointer(\.baseAddress),
                       "the same answers share one list")
        XCTAssertEqual(lists.list(definitions) { _ in true }.map(\.key), ["a", "b", "c"])
        XCTAssertEqual(lists.list(definitions) { _ in false }, [])
    }
}
