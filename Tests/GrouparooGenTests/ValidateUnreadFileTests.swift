import Foundation
import XCTest

@testable import grouparoo_gen

/// A file that could not be read had nothing in it checked, so nothing lets it pass in silence:
/// `--disable`, `.grouparoo-gen.json` and suppression comments cannot turn off the rules reporting it.
final class ValidateUnreadFileTests: ValidateTestCase {
    private func writeUnparsableFile() throws {
        try write("config/broken.js", "exports.default = [ { class: \"group\", id: \"g\" \n")
    }

    func testDisablingSyntaxErrorIsAUsageError() throws {
        try writeUnparsableFile()
        for rule in ["syntax-error", "evaluation-error", "unreadable-file", "template-placeholder,node-evaluation-error"] {
            let run = validate(["config", "--disable", rule])
            XCTAssertEqual(run.status, 2, "\(rule): \(run.errors)")
            XCTAssertTrue(run.errors.contains("cannot be turned off"), run.errors)
        }
    }

    func testProjectSettingsCannotDisableItEither() throws {
        try writeUnparsableFile()
        try write(".grouparoo-gen.json", #"{ "disable": ["syntax-error"] }"#)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 2, run.errors)
        XCTAssertTrue(run.errors.contains("cannot be turned off") && run.errors.contains(".grouparoo-gen.json"), run.errors)
    }

    func testASuppressionCommentCannotHideIt() throws {
        try write("config/broken.js", "// grouparoo-gen-disable-file syntax-error\nexports.default = [ { class: \"group\", id: \"g\" \n")
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("[syntax-error]"), run.errors)
        XCTAssertTrue(run.errors.contains("cannot suppress `syntax-error`"), run.errors)
    }

    func testAnUnnamedFileSuppressionCannotHideIt() throws {
        try write("config/broken.js", "// grouparoo-gen-disable-file\nexports.default = [ { class: \"group\", id: \"g\" \n")
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("[syntax-error]"), run.errors)
    }

    func testAnIgnoreGlobCannotHideIt() throws {
        try write("config/legacy/broken.js", "exports.default = [ { class: \"group\", id: \"g\" \n")
        try write(".grouparoo-gen.json", #"{ "ignore": ["config/legacy/**"] }"#)
        let run = validate(["config"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("legacy/broken.js") && run.errors.contains("[syntax-error]"), run.errors)
    }

    func testNeedsNodeCanStillBeAcceptedKnowingly() throws {
        try write("config/loop.js", "const list = []; for (const x of [1]) { list.push(x); }\nexports.default = [];\n")
        XCTAssertEqual(validate(["config"]).status, 1)
        XCTAssertEqual(validate(["config", "--disable", "needs-node"]).status, 0)
    }
}
