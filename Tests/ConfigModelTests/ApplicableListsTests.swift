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

    /// `SourceConnectionMemo` answers from the last source id asked: it must give what the plain look-up gives for
    /// any sequence of ids (repeats, a change, an unknown source, a source of an unknown type, none).
    func testSourceConnectionMemoEqualsThePlainLookUp() {
        let objects = """
            module.exports = [
              { id: "app", class: "app", type: "postgres", options: {} },
              { id: "s1", class: "source", type: "postgres-import-table", appId: "app" },
              { id: "s2", class: "source", type: "postgres-import-query", appId: "app" },
              { id: "s3", class: "source", type: "no-such-plugin", appId: "app" },
            ];
            """
        let read = ConfigReader().read(contents: Array(objects.utf8), path: "/virtual/sources.js")
        let input = ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
        let plugins = PluginCatalog.bundled
        let memo = SourceConnectionMemo()
        let ids: [String?] = ["s1", "s1", "s2", "s2", "s1", "missing", "missing", "s3", nil, "s1", nil, nil, "s2", "s3", "s3"]
        for id in ids {
            let field = id.map { Field($0) }
            let plain = PluginOptionTarget.sourceConnection(field, input, plugins)
            let memoized = memo.options(field, input, plugins)
            XCTAssertEqual(memoized?.type, plain?.0, "\(String(describing: id))")
            XCTAssertEqual(memoized?.propertyOptions, plain?.1.propertyOptions, "\(String(describing: id))")
            XCTAssertEqual(memoized?.scheduleOptions, plain?.1.scheduleOptions, "\(String(describing: id))")
        }
        XCTAssertNotNil(PluginOptionTarget.sourceConnection(Field("s1"), input, plugins), "the config has known sources")
    }
}
