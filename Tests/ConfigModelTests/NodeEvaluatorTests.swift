import ConfigModel
import Foundation
import XCTest

/// `--evaluator node`: only files we cannot evaluate go to Node, run as Grouparoo's loader would.
final class NodeEvaluatorTests: XCTestCase {
    private func nodeIsInstalled() -> Bool { nodeExecutable() != nil }

    func testNodeEvaluatesWhatStaticEvaluationCannot() throws {
        try XCTSkipUnless(nodeIsInstalled(), "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("computed.js")
        try write("""
            module.exports = async () => {
              const list = [];
              for (const id of ["a", "b"]) list.push({ class: "team", id, name: id.toUpperCase() + "!!" });
              return list.concat([null]);
            };
            """, to: file)
        let staticResult = ConfigReader().readFile(at: file.path)
        XCTAssertTrue(staticResult.needsNode)
        let environment = ProcessInfo.processInfo.environment
        let result = ConfigReader(options: ReaderOptions(environment: environment, evaluator: .node)).readFile(at: file.path)
        XCTAssertFalse(result.needsNode)
        XCTAssertEqual(JSONOutput.stringify(.array(result.objects)),
                       #"[{"class":"team","id":"a","name":"A!!"},{"class":"team","id":"b","name":"B!!"}]"#)
        XCTAssertEqual(result.evaluated.count, 3)
        XCTAssertEqual(result.diagnostics.map(\.ruleID), ["null-config-object"])
    }

    func testNodeIsNotUsedForFilesWeCanEvaluate() throws {
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("plain.js")
        try write("module.exports = { id: 'x' };", to: file)
        // With no node on PATH, a statically evaluable file still reads fine.
        let result = ConfigReader(options: ReaderOptions(environment: ["PATH": "/nonexistent"], evaluator: .node)).readFile(at: file.path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.objects.count, 1)
    }

    func testMissingNodeIsAClearError() throws {
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("needs-node.js")
        try write("module.exports = new Date();", to: file)
        let result = ConfigReader(options: ReaderOptions(environment: ["PATH": "/nonexistent"], evaluator: .node)).readFile(at: file.path)
        XCTAssertEqual(result.diagnostics.first?.message, "`node` was not found on PATH; install Node.js or use --evaluator static")
    }

    func testNodeTimeoutStopsRunawayFiles() throws {
        try XCTSkipUnless(nodeIsInstalled(), "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("loop.js")
        try write("while (true) {}", to: file)
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node, nodeTimeout: 1)
        let result = ConfigReader(options: options).readFile(at: file.path)
        XCTAssertEqual(result.diagnostics.first?.message, "node did not finish within 1 seconds")
    }

    func testFilesThatPrintOrKeepTimersStillLoad() throws {
        try XCTSkipUnless(nodeIsInstalled(), "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let printing = root.appendingPathComponent("printing.js")
        try write("console.log('loading'); module.exports = { class: 'team', id: 't1', name: ['1', 'maeT'].reverse().join('') + new Date(0).getUTCFullYear() };", to: printing)
        let timer = root.appendingPathComponent("timer.js")
        try write("setInterval(() => {}, 1000); module.exports = { class: 'team', id: 't9', name: new Array(2).fill('x').join('') };", to: timer)
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node, nodeTimeout: 20)
        XCTAssertEqual(JSONOutput.stringify(.array(ConfigReader(options: options).readFile(at: printing.path).objects)),
                       #"[{"class":"team","id":"t1","name":"maeT11970"}]"#)
        XCTAssertEqual(JSONOutput.stringify(.array(ConfigReader(options: options).readFile(at: timer.path).objects)),
                       #"[{"class":"team","id":"t9","name":"xx"}]"#)
    }

    func testFilesThatIgnoreTerminationAreKilled() throws {
        try XCTSkipUnless(nodeIsInstalled(), "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("stubborn.js")
        try write("process.on('SIGTERM', () => {}); while (true) {}", to: file)
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node, nodeTimeout: 1)
        XCTAssertEqual(ConfigReader(options: options).readFile(at: file.path).diagnostics.first?.message,
                       "node did not finish within 1 seconds")
    }

    func testAPromiseThatNeverSettlesIsExplained() throws {
        try XCTSkipUnless(nodeIsInstalled(), "node is not installed")
        let root = try makeTemporaryDirectory(self)
        let file = root.appendingPathComponent("pending.js")
        try write("module.exports = () => new Promise(() => {});", to: file)
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node, nodeTimeout: 20)
        let message = ConfigReader(options: options).readFile(at: file.path).diagnostics.first?.message ?? ""
        XCTAssertTrue(message.hasPrefix("node ended without a result"), message)
    }
}

/// Issue 9 §5.1: values Node evaluated carry no position inside the file, so every diagnostic about
/// them points at the file alone (1:1), never at a column of Node's printed JSON.
final class NodeEvaluatorPositionTests: XCTestCase {
    func testDiagnosticsOnNodeValuesPointAtTheFileNotIntoNodesOutput() throws {
        try XCTSkipUnless(nodeExecutable() != nil, "node is not installed")
        let root = try makeTemporaryDirectory(self)
        try write("""
            const os = require("os");
            module.exports = [{ id: "k", class: "apiKey", name: "K", bad: 1 },
              { id: "dw", class: "app", name: "DW", type: "postgres", options: {} }];
            """, to: root.appendingPathComponent("a.js"))
        let options = ReaderOptions(environment: ProcessInfo.processInfo.environment, evaluator: .node)
        let read = ConfigReader(options: options).readDirectory(at: root.path)
        XCTAssertEqual(read.objects.count, 2, "\(read.diagnostics.map(\.message))")
        let diagnostics = Validator().validate(read).diagnostics
        XCTAssertFalse(diagnostics.isEmpty)
        for diagnostic in diagnostics {
            XCTAssertEqual(diagnostic.span?.start, TextPosition(line: 1, column: 1), "\(diagnostic.ruleID): \(diagnostic.message)")
            XCTAssertEqual(diagnostic.span?.end, TextPosition(line: 1, column: 1), "\(diagnostic.ruleID): \(diagnostic.message)")
        }
    }
}
