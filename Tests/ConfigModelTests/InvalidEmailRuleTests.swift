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
    }
}
