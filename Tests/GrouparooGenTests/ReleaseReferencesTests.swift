import Foundation
import XCTest

@testable import grouparoo_gen

/// The repository releases come from is declared once (Scripts/release-info.sh); the copies users
/// paste (README, templates, examples, hooks, action) must name it and this version, so
/// Scripts/set-repository.sh and a version bump cannot leave one behind.
final class ReleaseReferencesTests: XCTestCase {
    /// Text files a user copies from, relative to the package root.
    func documents() throws -> [String] {
        let root = BuiltTool.packageRoot
        let folders = ["", "Templates", "examples/ci", "npm", "docs"]
        let kinds: Set<String> = ["md", "yml", "yaml", "template", "sh", "json"]
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { kinds.contains(URL(fileURLWithPath: $0).pathExtension) }
                .map { folder.isEmpty ? $0 : folder + "/" + $0 }
        }.sorted()
    }

    func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    func testEveryCopyNamesTheDeclaredRepositoryAndThisVersion() throws {
        let repository = try ReleaseFiles.info(["repository"])
        var repositoryMentions = 0, actionUses = 0
        for file in try documents() {
            let text = try String(contentsOf: BuiltTool.packageRoot.appendingPathComponent(file), encoding: .utf8)
            for match in try matches(#"github\.com/([A-Za-z0-9_.-]+/grouparoo-gen)\b"#, in: text) {
                XCTAssertEqual(match[0], repository, file)
                repositoryMentions += 1
            }
            for match in try matches(#"([A-Za-z0-9_.-]+/grouparoo-gen)@(v[0-9][^\s`]*)"#, in: text) {
                XCTAssertEqual(match, [repository, "v" + CommandRouter.version], file)
                actionUses += 1
            }
            for match in try matches(#"rev: (v[0-9][^\s`]*)"#, in: text) {
                XCTAssertEqual(match, ["v" + CommandRouter.version], "pre-commit rev in \(file)")
            }
        }
        XCTAssertGreaterThan(repositoryMentions, 0)
        XCTAssertGreaterThanOrEqual(actionUses, 3, "action.yml, the init template and examples/ci")
    }

    func testReleaseInfoNamesFollowTheDeclaredFacts() throws {
        XCTAssertEqual(try ReleaseFiles.info(["version"]), CommandRouter.version)
        XCTAssertEqual(try ReleaseFiles.info(["archive", "1.2.3", "aarch64"]), "grouparoo-gen-1.2.3-linux-aarch64.tar.gz")
        XCTAssertEqual(try ReleaseFiles.info(["base-url", "1.2.3"]),
                       "https://github.com/\(try ReleaseFiles.info(["repository"]))/releases/download/v1.2.3")
    }
}
