import Foundation
import XCTest

/// Runs Tests/lsp-client with pytest-lsp: a real LSP client (pygls) starts `grouparoo-gen lsp`, opens a
/// config dir, gets the diagnostics of a broken file, edits it until they clear, jumps to a definition,
/// hovers and lists completions. `.ci/run` installs pytest-lsp; without it the test is skipped.
final class LSPRealClientTests: XCTestCase {
    func testPytestLSPSessionPasses() throws {
        let binary = try BuiltTool.binary()
        var environment = ProcessInfo.processInfo.environment
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let python = searchPath.split(separator: ":").map({ "\($0)/python3" })
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("python3 is not on PATH, so the pytest-lsp client cannot run")
        }
        let root = BuiltTool.packageRoot
        let probe = try BuiltTool.run([python, "-c", "import pytest_lsp"], in: root, environment: environment)
        guard probe.status == 0 else {
            throw XCTSkip("pytest-lsp cannot be imported (pip install pytest-lsp): \(probe.errors.suffix(300))")
        }
        environment["GROUPAROO_GEN"] = binary.path
        environment["PYTHONDONTWRITEBYTECODE"] = "1"  // leave no __pycache__ in the repository
        let suite = root.appendingPathComponent("Tests/lsp-client/test_lsp_client.py")
        let testCount = try String(contentsOf: suite, encoding: .utf8).components(separatedBy: "async def test_").count - 1
        let run = try BuiltTool.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", suite.path],
                                    in: root, environment: environment)
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        XCTAssertGreaterThanOrEqual(testCount, 4)
        XCTAssertTrue(run.output.contains("\(testCount) passed"), run.output)
    }
}
