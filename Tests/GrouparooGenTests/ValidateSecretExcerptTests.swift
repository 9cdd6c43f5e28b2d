import Foundation
import XCTest

@testable import grouparoo_gen

/// Issue 9 §5.2: "(value not shown)" must hold for the source excerpt too, in every format.
final class ValidateSecretExcerptTests: ValidateTestCase {
    func testSecretIsMaskedInEveryExcerptAndFormat() throws {
        let secret = "hunter2-very-secret"
        try writeConfig("app.js", objects: """
            { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "x", password: "\(secret)", bogus: 1 } }
            """)
        let text = validate(["config"])
        XCTAssertTrue(text.errors.contains("[hardcoded-secret]"), text.errors)
        XCTAssertTrue(text.errors.contains("[unknown-option]"), "another diagnostic shows the same line: \(text.errors)")
        XCTAssertTrue(text.errors.contains("password: \"\(String(repeating: "*", count: secret.count))\""), text.errors)
        for format in ["text", "json", "github", "sarif"] {
            let run = validate(["config", "--format", format])
            XCTAssertFalse((run.output + run.errors).contains(secret), "\(format) prints the secret")
        }
    }
}
