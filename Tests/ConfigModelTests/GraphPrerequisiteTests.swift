@testable import ConfigModel
import XCTest

/// Builds a dependency graph from objects held in memory, as one config file would hold them.
enum GraphFixture {
    static func graph(_ objects: String) -> ConfigGraph {
        graph(files: [objects])
    }

    /// One virtual file per string, read in the given order.
    static func graph(files: [String]) -> ConfigGraph {
        let reader = ConfigReader()
        let read = files.enumerated().map { index, objects in
            reader.read(contents: Array("exports.default = [\n\(objects)\n];\n".utf8), path: "/virtual/file\(index).js")
        }
        return ConfigGraph(ConfigReadResult(directory: "/virtual", files: read))
    }

    /// The objects of Grouparoo's own code-config tests (R-DEP-13): a warehouse app, the profiles
    /// model, a users table source with its bootstrapped `user_id`, an email property, a group on
    /// email, a destination of that group, and a query source with a templated `ltv` property.
    static let grouparooTestConfig = """
        { id: "data_warehouse", class: "app", name: "Data Warehouse", type: "postgres", options: { database: "db" } },
        { id: "mod_profiles", class: "model", name: "Profiles", type: "profile" },
        { id: "users_table", class: "source", name: "Users Table", type: "postgres-import-table", appId: "data_warehouse",
          modelId: "mod_profiles", options: { table: "users" }, mapping: { id: "user_id" } },
        { id: "user_id", class: "property", key: "userId", type: "integer", unique: true, sourceId: "users_table",
          options: { column: "id" } },
        { id: "email", class: "property", key: "email", type: "email", sourceId: "users_table", options: { column: "email" } },
        { id: "email_group", class: "group", name: "People with Email", modelId: "mod_profiles",
          rules: [{ propertyId: "email", op: "exists" }] },
        { id: "test_destination", class: "destination", name: "Test Destination", type: "postgres-export-records",
          appId: "data_warehouse", modelId: "mod_profiles", collection: "group", groupId: "email_group", syncMode: "sync",
          options: { table: "output" }, mapping: { "primary-id": "user_id", email: "email" },
          destinationGroupMemberships: { "Email People": "email_group" } },
        { id: "query_source", class: "source", name: "Purchases", type: "postgres-query-import", appId: "data_warehouse",
          modelId: "mod_profiles", mapping: { id: "user_id" } },
        { id: "ltv", class: "property", key: "ltv", type: "float", sourceId: "query_source",
          options: { query: "SELECT SUM(price) from purchases where user_id = {{{userId}}}" } },
        { id: "nightly", class: "schedule", name: "Nightly", sourceId: "users_table", recurring: true,
          recurringFrequency: 86400000, options: { column: "updated_at" } },
        { id: "admins", class: "team", name: "Admins", options: { permissionAllRead: true } },
        { id: "ada", class: "teamMember", teamId: "admins", email: "ada@example.com", options: { firstName: "Ada" } }
        """
}

/// The prerequisites each object gets (R-DEP-02..08, the sets of R-DEP-13).
final class GraphPrerequisiteTests: XCTestCase {
    private let graph = GraphFixture.graph(GraphFixture.grouparooTestConfig)

    func testDestinationNeedsItsAppModelGroupAndMappedProperties() {
        XCTAssertEqual(graph.prerequisites(of: "destination:test_destination").sorted(),
                       ["app:data_warehouse", "group:email_group", "model:mod_profiles", "property:email", "property:user_id"])
    }

    func testSourceDoesNotNeedItsOwnBootstrappedProperty() {
        XCTAssertEqual(graph.prerequisites(of: "source:users_table"), ["app:data_warehouse", "model:mod_profiles"])
    }

    func testAnAppNeedsNothing() {
        XCTAssertEqual(graph.prerequisites(of: "app:data_warehouse"), [], "option values are not references")
    }

    func testTemplateVariablesComeFirstAndResolveKeysToIDs() {
        XCTAssertEqual(graph.prerequisites(of: "property:ltv"), ["property:user_id", "source:query_source"])
        let ltv = graph.index(of: "property:ltv")!
        let templateEdge = graph.edges[graph.outgoing[ltv][0]]
        XCTAssertEqual(templateEdge.via, "options.query {{userId}}")
    }

    func testEdgesSayWhy() {
        let destination = graph.index(of: "destination:test_destination")!
        let labels = Dictionary(uniqueKeysWithValues: graph.outgoing[destination].map {
            (graph.nodes[graph.edges[$0].to].id, graph.edges[$0].via)
        })
        XCTAssertEqual(labels["app:data_warehouse"], "appId")
        XCTAssertEqual(labels["group:email_group"], "groupId, destinationGroupMemberships.Email People",
                       "a target named twice is one edge listing both keys")
        XCTAssertEqual(labels["property:email"], "mapping.email")
        XCTAssertEqual(graph.prerequisites(of: "group:email_group"), ["model:mod_profiles", "property:email"])
        XCTAssertEqual(graph.edges[graph.outgoing[graph.index(of: "group:email_group")!][1]].via, "rules[0].propertyId")
    }

    func testNodesUseGrouparooIDsAndKeepWhereTheyAreWritten() throws {
        let member = try XCTUnwrap(graph.node(id: "teammember:ada"), "node ids use the lower-cased class (R-DEP-01)")
        XCTAssertEqual(member.objectClass, "teamMember")
        XCTAssertEqual(member.objectID, "ada")
        XCTAssertEqual(member.name, "ada@example.com")
        XCTAssertEqual(member.file, "/virtual/file0.js")
        XCTAssertNotNil(member.line)
        XCTAssertEqual(graph.node(id: "property:user_id")?.name, "userId", "properties are recognised by key")
        XCTAssertFalse(graph.nodes.contains(where: \.isMissing))
    }

    func testScheduleOptionsPropertyIdAndRecordPropertiesAreReferences() {
        let graph = GraphFixture.graph("""
            { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m" },
            { id: "sch", class: "schedule", name: "Sch", sourceId: "s", options: { propertyId: "p" } },
            { id: "r1", class: "record", modelId: "m", properties: { email: "x@example.com" } }
            """)
        XCTAssertEqual(graph.prerequisites(of: "schedule:sch"), ["source:s", "property:p"])
        XCTAssertEqual(graph.prerequisites(of: "record:r1"), ["model:m", "property:email"])
    }

    func testReferencesToAbsentObjectsBecomeMissingNodes() throws {
        let graph = GraphFixture.graph("""
            { id: "m", class: "model", name: "M", type: "profile" },
            { id: "g", class: "group", name: "G", modelId: "m", rules: [{ propertyId: "ghost", op: "exists" }] },
            { id: "p", class: "property", key: "p", type: "string", sourceId: "nowhere", options: { query: "{{{nokey}}} x" } }
            """)
        XCTAssertTrue(graph.nodes.contains(where: \.isMissing))
        let ghost = try XCTUnwrap(graph.node(id: "property:ghost"))
        XCTAssertTrue(ghost.isMissing)
        XCTAssertNil(ghost.file)
        XCTAssertEqual(graph.node(id: "source:nowhere")?.isMissing, true)
        XCTAssertEqual(graph.node(id: "property:{{nokey}}")?.isMissing, true, "a template key no property has")
        XCTAssertEqual(graph.nodes.prefix(3).map(\.isMissing), [false, false, false], "objects come first, in config order")
        XCTAssertEqual(graph.analysis().order.map { graph.nodes[$0].id }, ["model:m", "group:g", "property:p"],
                       "missing nodes are never in the order")
    }

    func testSelfReferencesAreDroppedAndDuplicatesKeepTheFirstObject() {
        let graph = GraphFixture.graph("""
            { id: "p", class: "property", key: "pk", type: "string", sourceId: "s", options: { query: "{{{pk}}} x" } },
            { id: "s", class: "source", name: "S", type: "t", appId: "a", modelId: "m", mapping: { id: "p" } },
            { id: "s", class: "source", name: "Copy", type: "t", appId: "other", modelId: "m" }
            """)
        XCTAssertEqual(graph.prerequisites(of: "property:p"), ["source:s"], "R-DEP-09 removes self-references")
        XCTAssertEqual(graph.nodes.filter { $0.id == "source:s" }.count, 1)
        XCTAssertEqual(graph.node(id: "source:s")?.name, "S")
        XCTAssertNil(graph.node(id: "app:other"), "the duplicate's references are not followed")
    }
}
