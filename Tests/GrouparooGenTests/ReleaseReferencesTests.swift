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

/// `Scripts/set-repository.sh` on a clone of this checkout moves every mention at once.
final class SetRepositoryScriptTests: XCTestCase {
    func testMovesTheDeclarationAndEveryCopy() throws {
        let git = try Programs.require("git", for: "to clone this checkout")
        guard try ReleaseFiles.headCommit() != nil else { throw XCTSkip("this package is not a git checkout") }
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("set-repository-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let cloned = try BuiltTool.run([git, "clone", "-q", BuiltTool.packageRoot.path, clone.path], in: BuiltTool.packageRoot, environment: environment)
        XCTAssertEqual(cloned.status, 0, cloned.errors)
        let old = try ReleaseFiles.info(["repository"])

        let moved = try BuiltTool.run(["/bin/sh", "Scripts/set-repository.sh", "acme.io/grouparoo-gen"], in: clone, environment: environment)
        XCTAssertEqual(moved.status, 0, moved.errors)
        XCTAssertTrue(moved.output.contains("updated Templates/init-github-workflow.yml.template"), moved.output)
        let declared = try BuiltTool.run(["/bin/sh", "Scripts/release-info.sh", "repository"], in: clone, environment: environment)
        XCTAssertEqual(declared.output, "acme.io/grouparoo-gen\n")
        let left = try BuiltTool.run([git, "grep", "-l", "-F", old], in: clone, environment: environment)
        XCTAssertEqual(left.output, "", "no copy of \(old) is left")
        let embedded = try String(contentsOf: clone.appendingPathComponent("Sources/grouparoo-gen/Generate/EmbeddedTemplates/RepositoryTemplates.swift"), encoding: .utf8)
        XCTAssertTrue(embedded.contains("uses: acme.io/grouparoo-gen@v"), "the embedded template follows")

        let refused = try BuiltTool.run(["/bin/sh", "Scripts/set-repository.sh", "not a name"], in: clone, environment: environment)
        XCTAssertEqual(refused.status, 2)
    }
}
