@testable import ConfigModel
import XCTest

/// `NodeLookup` finds a reference's provider without spelling out `class:id`; it must agree with the node
/// table in every case, including the ones where spelled-out node ids meet in unusual ways.
final class ValidationNodeLookupTests: XCTestCase {
    /// The validation input of one config file holding `objects`.
    private static func input(_ objects: String) -> ValidationInput {
        let read = ConfigReader().read(contents: Array(RuleExample(objects: objects).files["config.js"]!.utf8),
                                       path: "/virtual/config.js")
        return ValidationInput(read: ConfigReadResult(directory: "/virtual", files: [read]))
    }

    /// Every id's positions as a plain dictionary of arrays (the form `PositionsByID` replaces).
    private static func plainPositions(_ entries: [ConfigEntry]) -> [String: [Int]] {
        var plain: [String: [Int]] = [:]
        for entry in entries { if let id = entry.id { plain[id, default: []].append(entry.position) } }
        return plain
    }

    func testProvidersAgreeWithTheNodeTable() {
        let objects = """
            { class: "app", name: "no id" },
            { class: "App", id: "undefined", name: "the id undefined" },
            { id: "x", name: "no class" },
            { class: "a:b", id: "c" },
            { class: "a", id: "b:c" },
            { class: " Source ", id: "s", appId: undefined, modelId: "m", undefinedId: "x", aId: "b:c", "a:bId": "c" },
            { class: "model", id: "m" },
            { class: "model", id: "m", name: "the same node twice" },
            { class: "property", id: "p", sourceId: "s", teamMemberId: "t" },
            { class: "teammember", id: "t" },
            { class: "Model", id: "m:n" },
            { class: "model", id: "m:n", name: "a dispatched class with a `:` in its id, twice" }
            """
        let input = Self.input(objects)
        XCTAssertEqual(input.entries.count, 12)
        // The plain table it replaces: every node id spelled out, first object wins.
        var table: [String: Int] = [:]
        for entry in input.entries where table[entry.nodeID] == nil { table[entry.nodeID] = entry.position }
        for entry in input.entries {
            XCTAssertEqual(input.nodeProviders[entry.position], table[entry.nodeID], entry.nodeID)
            for reference in input.references[entry.position] {
                XCTAssertEqual(reference.provider, table[reference.nodeID], reference.nodeID)
            }
        }
        for nodeID in Array(table.keys) + ["a:b", "b:c", "app", "model:undefined", "undefined:undefined", ":", "x:"] {
            XCTAssertEqual(input.nodes.provider(nodeID: nodeID), table[nodeID], nodeID)
        }
        let source = input.entries[5]
        XCTAssertEqual(input.references[source.position].map { $0.provider.map { input.entries[$0].nodeID } },
                       ["app:undefined", "model:m", "undefined:x", "a:b:c", "a:b:c"])
        XCTAssertEqual(input.nodeProviders[7], 6, "a repeated node id is provided by its first object")
        XCTAssertEqual(input.nodeProviders[11], 10, "so is one with a `:` in its id")
        XCTAssertEqual(input.references[8].map(\.provider), [5, nil], "`teamMember` keeps its case and never resolves")
    }

    /// Entries sharing an id are provided by the first of their own class (`NodeLookup.entryProviders`).
    func testAnIDSharedAcrossClassesIsProvidedPerClass() {
        let input = Self.input("""
            { class: "group", id: "r" }, { class: "app", id: "r" }, { class: "Group", id: "r" },
            { class: "app", id: "r" }, { class: "model", id: "r" }, { class: "a:b", id: "r" }, { class: "a:b", id: "r" }
            """)
        XCTAssertEqual(input.nodeProviders, [0, 1, 0, 1, 4, 5, 5])
    }

    func testPositionsByIDListEveryEntryWithAnIDInOrder() {
        let objects = """
            { class: "model", id: "m" }, { class: "app", name: "no id" }, { class: "app", id: "m" },
            { class: "source", id: "s" }, { class: "property", id: "m" }, { class: "team", id: 0 },
            { class: "team", id: "s" }, { class: "team", id: 7 }, { class: "team", id: "7" }
            """
        let input = Self.input(objects)
        let entries = input.entries
        // The plain form it replaces: an array of positions per id.
        let plain = Self.plainPositions(entries)
        let positions = input.entriesByID
        for id in plain.keys + ["absent", "0", "undefined"] {
            XCTAssertEqual(positions[id], plain[id] ?? [], id)
            for wanted in ["model", "app", "property", "team", "source", "group"] {
                XCTAssertEqual(positions.first(withID: id) { entries[$0].cleanClass == wanted },
                               plain[id]?.first { entries[$0].cleanClass == wanted }, "\(id) \(wanted)")
            }
        }
        XCTAssertEqual(positions["m"], [0, 2, 4])
    }

    /// ASCII ids are hashed by their bytes: lookups must still find what `String`'s equality finds, also with a
    /// query equal to an ASCII id but spelled otherwise (KELVIN SIGN for `K`), and in a table holding other ids.
    func testPositionsByIDFindWhatStringEqualityFinds() {
        for objects in ["""
            { class: "team", id: "K" }, { class: "team", id: "a;b" }, { class: "team", id: "x`" },
            { class: "team", id: "a-much-longer-id-of-several-words" }, { class: "team", id: "K" }, { class: "team" }
            """, """
            { class: "team", id: "K" }, { class: "team", id: "caf\u{E9}" }, { class: "team", id: "cafe\u{301}" },
            { class: "team", id: "\u{212A}" }, { class: "team", id: "a;b" }
            """] {
            let input = Self.input(objects)
            let plain = Self.plainPositions(input.entries)
            let positions = input.entriesByID
            let queries = ["K", "\u{212A}", "a;b", "a\u{037E}b", "x`", "x\u{1FEF}", "caf\u{E9}", "cafe\u{301}", "k", "",
                           "a-much-longer-id-of-several-words", "a-much-longer-id-of-several-wordz", "\u{212A}\u{301}"]
            for id in queries {
                XCTAssertEqual(positions[id], plain[id] ?? [], id)
                XCTAssertEqual(positions.first(withID: id) { _ in true }, plain[id]?.first, id)
            }
        }
    }

    /// `IDHash.asciiEquivalent` maps the only non-ASCII scalars `String` finds equal to an ASCII one: every
    /// scalar is checked.
    func testASCIISingletonsAreEveryScalarEqualToAnASCIIOne() {
        let ascii = Dictionary(uniqueKeysWithValues: (0..<128).map { (String(Unicode.Scalar(UInt8($0))), Unicode.Scalar(UInt8($0))) })
        var found: [Unicode.Scalar: Unicode.Scalar] = [:]
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let equal = ascii[String(scalar)] else { continue }
            found[scalar] = equal
        }
        XCTAssertEqual(found, IDHash.asciiSingletons)
    }

    /// Typed lookups by id go through the id table: each must give what a plain dictionary per typed list gives
    /// (the first object of the class with the id wins), also for ids other classes share and classes spelled oddly.
    func testTypedLookupsEqualAPlainTablePerClass() {
        let objects = """
            { class: "model", id: "m" }, { class: "app", name: "no id" }, { class: "app", id: "m" },
            { class: "App", id: "a" }, { class: " app", id: "a" }, { class: "app", id: "a", name: "second" },
            { class: "source", id: "s" }, { class: "property", id: "m" }, { class: "team", id: 0 },
            { class: "group", id: "s" }, { class: "team", id: 7 }, { class: "team", id: "7" }, { class: "model", id: "m" },
            { class: "property", id: "p" }, { class: "source", id: "m" }, { class: "group", id: "g" }, { id: "a" }
            """
        let input = Self.input(objects)
        // The plain form it replaces: id → first index in the typed list.
        func plain<Model>(_ list: [Decoded<Model>]) -> [String: ObjectIdentifier] {
            var table: [String: ObjectIdentifier] = [:]
            for item in list { if let id = item.entry.id, table[id] == nil { table[id] = ObjectIdentifier(item) } }
            return table
        }
        let ids = Set(input.entries.compactMap(\.id)).union(["absent", "0", "undefined"])
        for id in ids {
            XCTAssertEqual(input.model(id: id).map(ObjectIdentifier.init), plain(input.models)[id], id)
            XCTAssertEqual(input.app(id: id).map(ObjectIdentifier.init), plain(input.apps)[id], id)
            XCTAssertEqual(input.source(id: id).map(ObjectIdentifier.init), plain(input.sources)[id], id)
            XCTAssertEqual(input.property(id: id).map(ObjectIdentifier.init), plain(input.properties)[id], id)
            XCTAssertEqual(input.group(id: id).map(ObjectIdentifier.init), plain(input.groups)[id], id)
            XCTAssertEqual(input.team(id: id).map(ObjectIdentifier.init), plain(input.teams)[id], id)
        }
        XCTAssertEqual(input.app(id: "a")?.entry.position, 3)
    }

    /// Property keys (`key || name`) are filed by the hash their worker found: `propertyEntry(key:)` must find what a
    /// plain dictionary of first positions finds, with ASCII keys only and with others (every key then hashed as a
    /// `String`), for queries equal to a key but spelled otherwise, and for keys given twice or not at all.
    func testPropertyKeysFindWhatStringEqualityFinds() {
        for objects in ["""
            { class: "property", id: "p1", key: "K" }, { class: "property", id: "p2", name: "a;b" },
            { class: "Property", id: "p3", key: "K" }, { class: "property", id: "p4", key: "", name: "x`" },
            { class: "property", id: "p5" }, { class: "property", id: "p6", key: "a-much-longer-key-of-words" },
            { class: "app", id: "a", key: "app-key" }, { class: "property", id: "p7", key: 7 }
            """, """
            { class: "property", id: "p1", key: "K" }, { class: "property", id: "p2", key: "caf\u{E9}" },
            { class: "property", id: "p3", key: "cafe\u{301}" }, { class: "property", id: "p4", key: "\u{212A}" },
            { class: "property", id: "p5", name: "a;b" }, { class: "property", id: "p6" }
            """] {
            let input = Self.input(objects)
            var plain: [String: Int] = [:]
            for entry in input.entries where entry.dispatchClass == .property {
                let key = entry.keyOrName == "undefined" ? "" : entry.keyOrName
                if plain[key] == nil { plain[key] = entry.position }
            }
            let queries = ["K", "\u{212A}", "a;b", "a\u{037E}b", "x`", "x\u{1FEF}", "caf\u{E9}", "cafe\u{301}", "k", "",
                           "7", "app-key", "a-much-longer-key-of-words", "a-much-longer-key-of-wordz", "\u{212A}\u{301}"]
            for key in queries {
                XCTAssertEqual(input.propertyEntry(key: key)?.position, plain[key], key)
            }
        }
    }
}

/// `ReferencesByPosition` keeps every entry's references in one array; each entry must get back exactly
/// the list it was built from.
final class ReferencesByPositionTests: XCTestCase {
    func testEachPositionGetsItsOwnList() {
        func reference(_ id: String) -> ConfigReference {
            ReferenceCollector.references(of: entry(appId: id), bootstrappedPropertyID: nil)[0]
        }
        func entry(appId: String) -> ConfigEntry {
            var object = JSObject()
            object.set("appId", LocatedValue(.string(appId), span: .synthesized))
            return ConfigEntry(position: 0, file: "/virtual/config.js", value: LocatedValue(.object(object), span: .synthesized))
        }
        // Each list in memory of its own, as a worker hands it over (`ScratchStack.moveOutBuffer`).
        func buffers(_ lists: [[ConfigReference]]) -> [UnsafeMutableBufferPointer<ConfigReference>] {
            let stack = ScratchStack<ConfigReference>()
            return lists.map { list in
                for reference in list { stack.push(reference) }
                return stack.moveOutBuffer(from: 0)
            }
        }
        let lists: [[ConfigReference]] = [[], [reference("a")], [], [reference("b"), reference("c")], []]
        let stored = ReferencesByPosition(movingFrom: buffers(lists))
        XCTAssertEqual(stored.count, lists.count)
        for (position, list) in lists.enumerated() {
            XCTAssertEqual(stored[position].map(\.targetID), list.map(\.targetID), "position \(position)")
        }
        XCTAssertEqual(Array(stored.joined()).map(\.targetID), ["a", "b", "c"])

        // A large config's lists are moved in two halves at once: each position still gets exactly its own list.
        let many = (0..<(ReferencesByPosition.halvesFrom + 7)).map { position in
            (0..<(position * 7 % 4)).map { reference("\(position).\($0)") }
        }
        let halves = ReferencesByPosition(movingFrom: buffers(many))
        XCTAssertEqual(halves.count, many.count)
        XCTAssertEqual(halves.map { $0.map(\.targetID) }, many.map { $0.map(\.targetID) })
    }
}
