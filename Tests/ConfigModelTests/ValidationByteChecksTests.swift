@testable import ConfigModel
import Foundation
import XCTest

/// The rules read ASCII text as bytes for speed; each check must answer exactly what the `String`
/// (character) comparison it replaces answers, for ASCII and for text where bytes and characters differ.
final class ValidationByteChecksTests: XCTestCase {
    /// ASCII, a non-ASCII character before `Id`, a prepended mark that joins the `I`, the Kelvin sign (`K`), CR LF.
    private let samples = ["appId", "Id", "xId", "id", "appID", "éId", "\u{600}Id", "a\u{301}Id", "Id\u{301}", "\r\nId",
                           "api\u{212A}ey", "apiKey", "sk_live_x", "A\u{212A}IA1234", "AKIA1234", "xoxb-é", "eyJa.b.c",
                           "-----BEGIN KEY", "SG.x", "pass\u{130}word", "PASSWORD", "MyApiKey", "options.a.b", ""]

    func testIDKeysAgreeWithCharacters() {
        for key in samples {
            XCTAssertEqual(ReferenceCollector.isIDKey(key), key.count > 2 && key.hasSuffix("Id"), key.debugDescription)
        }
    }

    func testWellFormedIDsAgreeWithScalars() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".unicodeScalars)
        let ids = samples + ["Data-Warehouse_2", "a b", "a:b", String(repeating: "x", count: 191), String(repeating: "x", count: 192),
                             "caf\u{E9}", "x\u{0}"]
        for id in ids {
            let expected = !id.isEmpty && id.utf16.count <= 191 && id.unicodeScalars.allSatisfy(allowed.contains)
            XCTAssertEqual(GrouparooLimits.isWellFormedID(id), expected, id.debugDescription)
        }
    }

    func testKeyListAgreesWithASet() {
        let keys = ["id", "class", "apiKey", "name", "options", "Kelvin\u{212A}"]
        let list = KeyList(keys)
        for key in samples + keys + ["Kelvin" + "K", "apikey"] {
            XCTAssertEqual(list.contains(key), Set(keys).contains(key), key.debugDescription)
        }
    }

    func testTokenPrefixesAgreeWithCharacters() {
        let prefixes = ["sk_live_", "sk_test_", "rk_live_", "xoxb-", "xoxp-", "ghp_", "gho_", "github_pat_", "AKIA", "ASIA",
                        "-----BEGIN", "SG.", "shpat_", "glpat-"]
        for text in samples {
            let expected = prefixes.contains(where: text.hasPrefix)
                || (text.hasPrefix("eyJ") && text.split(separator: ".").count == 3 && !text.contains(" "))
            XCTAssertEqual(HardcodedSecretRule.looksLikeToken(text), expected, text.debugDescription)
        }
    }

    func testSecretKeysAgreeWithLowercasing() {
        let parts = ["password", "secret", "token", "apikey", "api_key", "privatekey", "private_key", "hapikey",
                     "credential", "passphrase"]
        for key in samples {
            let lowered = Array(key.lowercased().utf8)
            let expected = parts.contains { part in
                let needle = Array(part.utf8)
                return lowered.count >= needle.count
                    && (0...(lowered.count - needle.count)).contains { Array(lowered[$0..<($0 + needle.count)]) == needle }
            }
            XCTAssertEqual(HardcodedSecretRule.isSecretKey(key), expected, key.debugDescription)
        }
    }

    func testEnvironmentNamesAgreeWithCharacters() {
        let labels = ["options.password", "apiKey", "options.a.b", "options.key.", "...", "", "options.pass-word", "a.\r\nb"]
        for id in samples + ["grouparoo", "dw_1"] {
            for label in labels + samples {
                XCTAssertEqual(HardcodedSecretRule.environmentName(id: id, label: label),
                               HardcodedSecretRule.plainEnvironmentName(id: id, label: label), "\(id.debugDescription) \(label.debugDescription)")
            }
        }
    }

    func testSecretShapesAgreeWithCharacters() {
        for text in samples + ["  abcd ", "\tabcd", "<secret>", "{{x}}", "MY_SECRET_1", "MY SECRET", "...", " ... ", "ab\u{7F}cd"] {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let expected = text.utf8.count >= 4 && !(trimmed.count < 4 || trimmed == "..." || trimmed.hasPrefix("<")
                || trimmed.hasPrefix("{{") || (trimmed.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } && trimmed.contains("_")))
            XCTAssertEqual(HardcodedSecretRule.couldBeSecret(text), expected, text.debugDescription)
        }
    }

    func testPlaceholdersAgreeWithTrimming() {
        for text in samples + ["...", " ...\t", "\t...", ". ..", "....", "..", "... x", "x...", "\u{2026}", " ", "...\u{A0}", "\n..."] {
            let expected = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")) == "..."
            XCTAssertEqual(TemplatePlaceholderRule.isPlaceholder(text), expected, text.debugDescription)
        }
    }

    func testByteHelpers() {
        XCTAssertTrue("abc".isAllASCII)
        XCTAssertFalse("abé".isAllASCII)
        for text in samples + ["u0_email", "Name 1", "a@b.co", "[@]^_`{", "stra\u{DF}e", "\u{130}", "AZ az @[`{",
                               "Warehouse Source Number 1234", "\r\nX", "MIXED Case é"] {
            XCTAssertEqual(text.lowercasedIfNeeded(), text.lowercased(), text.debugDescription)
        }
        XCTAssertTrue("x:y".containsByte(UInt8(ascii: ":")))
        XCTAssertFalse("xy".containsByte(UInt8(ascii: ":")))
        // `containsByte` reads with `memchr`: the same answer as looking at every byte, short and long, at either end.
        for text in samples + ["", ":", "a:", ":a", "é:", "app:u1_warehouse", String(repeating: "x", count: 40) + ":",
                               String(repeating: "y", count: 70), "\u{3A3}"] {
            for byte in [UInt8(ascii: ":"), UInt8(ascii: "x"), 0xCE, 0xA3, 0] {
                XCTAssertEqual(text.containsByte(byte), text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
            }
        }
        XCTAssertTrue("select 1 -- x".containsDoubled(UInt8(ascii: "-")))
        XCTAssertFalse("a-b-c".containsDoubled(UInt8(ascii: "-")))
        XCTAssertFalse("".containsDoubled(UInt8(ascii: "-")))
    }
}
