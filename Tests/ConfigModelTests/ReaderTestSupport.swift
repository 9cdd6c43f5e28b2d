import ConfigModel
import Foundation
import XCTest

/// Evaluates JavaScript or JSON5 text as a config file and returns what `dump` would print.
func evaluateJS(_ source: String, path: String = "/virtual/config.js", environment: [String: String] = [:]) -> FileReadResult {
    ConfigReader(options: ReaderOptions(environment: environment)).read(contents: Array(source.utf8), path: path)
}

/// The evaluated top-level list as compact JSON, or the first diagnostic's rule id and message.
func dumpJS(_ source: String, path: String = "/virtual/config.js", environment: [String: String] = [:]) -> String {
    let result = evaluateJS(source, path: path, environment: environment)
    if let problem = result.diagnostics.first(where: { $0.severity == .error || $0.ruleID == "needs-node" }) {
        return "\(problem.ruleID): \(problem.message)"
    }
    return JSONOutput.stringify(.array(result.evaluated)) ?? "undefined"
}

/// Wraps an expression into a config module returning `{ v: <expression> }` and prints `v`.
func valueOf(_ expression: String, prelude: String = "", environment: [String: String] = [:]) -> String {
    let result = evaluateJS("\(prelude)\nmodule.exports = { v: (\(expression)) };", environment: environment)
    if let problem = result.diagnostics.first(where: { $0.severity == .error || $0.ruleID == "needs-node" }) {
        return "\(problem.ruleID): \(problem.message)"
    }
    guard case .object(let object)? = result.evaluated.first?.value, let value = object["v"] else { return "<no value>" }
    return JSONOutput.stringify(value.value) ?? "undefined"
}

/// A temporary directory removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("grouparoo-gen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The `node` on PATH, for tests that compare with Node or use `--evaluator node`; nil skips them.
func nodeExecutable() -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}
