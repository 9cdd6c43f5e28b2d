@testable import ConfigModel
import XCTest

/// `looksLikeEmail` reads printable ASCII byte by byte and anything else by Character; both agree.
final class InvalidEmailRuleTests: XCTestCase {
    func testAddressesOnTheByteAndCharacterPaths() {
        let valid = ["a@b.co", "first.last+tag@example.co.uk", "x_y-z@sub-domain.example.org", "ü@exämple.de", "名前@例え.jp"]
        let invalid = ["a b@c.co", "a..b@c.co", ".a@c.co", "a.@c.co", "a@c", "a@-c.co", "a@c-.co", "a@c.c", "a@c.c0",
                       "a(b@c.co", "a\"b@c.co", "a@@c.co", "@c.co", "a@c..co", "a@c.co\t", "ü b@c.co", "ü@c.c1",
                       String(repeating: "a", count: 65) + "@c.co", "a@" + String(repeating: "b", count: 64) + ".co"]
        for address in valid { XCTAssertTrue(InvalidEmailRule.looksLikeEmail(address), address) }
        for address in invalid { XCTAssertFalse(InvalidEmailRule.looksLikeEmail(address), address) }
        // The byte path reads the address as written; the Character path reads it lower-cased, as Grouparoo does.
        for address in valid + invalid + ["A@B.CO", "Admin1@Example.COM", "A@C.C0", "a@b.c-o", "a@b.-co", "a@", "@", "a@b.", "a@\u{212A}o.co",
                                                 "a@b@c.co", "a@b.co@", "a@.b.co", "a@b..co", "a.b@c", "a@b.co.", "a@1.23", "a@b.C"] {
            for written in [address, address.uppercased()] {
                XCTAssertEqual(InvalidEmailRule.looksLikeEmail(written),
                               InvalidEmailRule.characterLooksLikeEmail(written.lowercased()), written)
            }
        }
    }
}
