@testable import ConfigModel
import XCTest

/// `PositionHashTable` stores positions only and finds them through their keys; it must find what a
/// dictionary from key to first position finds, also after growing and with keys whose hashes collide.
final class PositionHashTableTests: XCTestCase {
    func testFindsWhatADictionaryFinds() {
        let keys = (0..<3_000).map { "key\($0 % 1_700)" }
        for collide in [false, true] {
            let hash = { (key: String) in collide ? key.utf8.count : key.hashValue }
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
            table.replace(Int32(plain["key7"]!), with: 2_999, hash: hash("key7"))
            XCTAssertEqual(table.first(hash: hash("key7")) { $0 == 2_999 }, 2_999)
        }
    }
}
