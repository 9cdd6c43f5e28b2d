@testable import ConfigModel
import XCTest

/// `PositionHashTable` stores positions only and finds them through their keys; it must find what a
/// dictionary from key to first position finds, also after growing and with keys whose hashes collide.
final class PositionHashTableTests: XCTestCase {
    func testFindsWhatADictionaryFinds() {
        let keys = (0..<3_000).map { "key\($0 % 1_700)" }
        // Hashes that collide whole, hashes that collide only in the bits that pick a slot (the table tells them
        // apart by the bits it stores beside each value), and plain ones.
        let hashes: [(String) -> Int] = [{ $0.utf8.count }, { $0.hashValue & ~0xFFFF_FFFF | 5 }, { $0.hashValue }]
        for hash in hashes {
            var table = PositionHashTable(minimumCapacity: 1)
            var plain: [String: Int] = [:]
            for (position, key) in keys.enumerated() {
                let found = table.firstOrInsert(Int32(position), hash: hash(key), where: { keys[Int($0)] == key },
                                                hashOf: { hash(keys[Int($0)]) })
                XCTAssertEqual(found.map(Int.init), plain[key])
                if plain[key] == nil { plain[key] = position }
            }
            XCTAssertEqual(table.count, plain.count)
            for key in plain.keys + ["absent", ""] {
                XCTAssertEqual(table.first(hash: hash(key)) { keys[Int($0)] == key }.map(Int.init), plain[key], key)
            }
            // Owners store negative values too (PositionsByID: an index into its lists of repeated ids).
            table.replace(Int32(plain["key7"]!), with: -3, hash: hash("key7"))
            XCTAssertEqual(table.first(hash: hash("key7")) { $0 == -3 }, -3)
            table.replace(-3, with: 2_999, hash: hash("key7"))
            XCTAssertEqual(table.first(hash: hash("key7")) { $0 == 2_999 }, 2_999)
            XCTAssertNil(table.first(hash: hash("key7")) { $0 == -3 })
        }
    }
}
