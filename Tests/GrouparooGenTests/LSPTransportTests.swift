import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// The JSON-RPC layer: framing in any chunking, bad input answered with errors, the server going on.
final class LSPTransportTests: XCTestCase {
    private func frame(_ body: String) -> [UInt8] { MessageFramer.frame(body) }

    func testAMessageSplitAcrossReadsIsAssembled() {
        let bytes = frame(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)
        var framer = MessageFramer()
        for byte in bytes.dropLast() {
            framer.append([byte])
            XCTAssertNil(framer.next(), "no frame before its last byte")
        }
        framer.append([bytes.last!])
        XCTAssertEqual(framer.next(), .body(Array(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.utf8)))
        XCTAssertNil(framer.next())
    }

    func testTwoMessagesInOneReadComeOutInOrder() {
        var framer = MessageFramer()
        framer.append(frame(#"{"id":1}"#) + frame(#"{"id":"two","é":"ü"}"#) + Array("Content-Len".utf8))
        XCTAssertEqual(framer.next(), .body(Array(#"{"id":1}"#.utf8)))
        XCTAssertEqual(framer.next(), .body(Array(#"{"id":"two","é":"ü"}"#.utf8)), "the length counts bytes, not characters")
        XCTAssertNil(framer.next(), "half a header waits for more")
    }

    func testExtraHeadersAreAcceptedAndABadHeaderIsSkipped() {
        var framer = MessageFramer()
        framer.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8))
        XCTAssertEqual(framer.next(), .body(Array("{}".utf8)))
        framer.append(Array("Content-Length: lots\r\n\r\n".utf8) + frame("[]"))
        XCTAssertEqual(framer.next(), .badHeader("missing or invalid Content-Length header"))
        XCTAssertEqual(framer.next(), .body(Array("[]".utf8)), "the stream goes on after a bad header")
    }

    func testJSONRoundTripsKeepingBooleansAndIntegers() throws {
        let text = #"{"a":[true,false,null,1,-2.5,"x\n\"y\" \u00e9 \ud83d\ude00"],"b":{}}"#
        let value = try RPCValue.parse(Array(text.utf8))
        XCTAssertEqual(value["a"]?.array?[0], .bool(true))
        XCTAssertEqual(value["a"]?.array?[3].int, 1)
        XCTAssertEqual(value["a"]?.array?[5].string, "x\n\"y\" é 😀")
        XCTAssertEqual(value.text, #"{"a":[true,false,null,1,-2.5,"x\n\"y\" é 😀"],"b":{}}"#)
        XCTAssertThrowsError(try RPCValue.parse(Array(#"{"a":}"#.utf8)))
        XCTAssertThrowsError(try RPCValue.parse(Array("[1] 2".utf8)))
        XCTAssertThrowsError(try RPCValue.parse(Array(String(repeating: "[", count: 10_000).utf8)), "deep nesting is refused, not a crash")
    }

    func testBadInputGetsErrorResponsesAndTheServerGoesOn() throws {
        let session = ServerSession()
        session.send("this is not json")
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#)
        session.send(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{}}"#)
        session.send(#"{"jsonrpc":"2.0","id":3,"method":"workspace/frobnicate"}"#)
        session.send(#"{"jsonrpc":"2.0","id":4,"params":{}}"#)
        session.send(#"{"jsonrpc":"2.0","id":5,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///nowhere/x.js"},"position":{"line":0,"character":0}}}"#)
        session.send(#"{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.js"}}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"some/notification"}"#)
        session.send(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#)
        let replies = session.replies()
        func error(_ id: RPCValue) -> Int? { replies.first { $0["id"] == id }?["error"]?["code"]?.int }
        XCTAssertEqual(replies.first { $0["id"] == .null }?["error"]?["code"]?.int, -32700, "bad JSON: parse error")
        XCTAssertEqual(error(.number(1)), -32002, "a request before initialize")
        XCTAssertNotNil(replies.first { $0["id"] == .number(2) }?["result"]?["capabilities"])
        XCTAssertEqual(error(.number(3)), -32601, "unknown method")
        XCTAssertEqual(error(.number(4)), -32600, "no method")
        XCTAssertEqual(error(.number(5)), -32602, "a request that fails is answered with an error")
        XCTAssertEqual(error(.number(6)), -32602, "missing position")
        XCTAssertEqual(replies.first { $0["id"] == .number(7) }?["result"], .null, "the server still answers after all that")
        XCTAssertEqual(replies.count, 8, "notifications get no reply")
    }

    func testDiagnosticsArePublishedAndClearAfterAnIncrementalEdit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        let config = root.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = config.appendingPathComponent("team.js")
        let text = "exports.default = { class: \"team\", id: \"t\", name: \"Team\", cool: true };\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let uri = file.absoluteString

        let session = ServerSession()
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)"}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        let first = try session.waitForDiagnostics(uri: uri) { !$0.isEmpty }
        XCTAssertEqual(first.first?["code"]?.string, "unknown-key")
        XCTAssertEqual(first.first?["range"]?["start"], .object(["line": .number(0), "character": .number(58)]))

        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"javascript","version":1,"text":\#(RPCValue.string(text).text)}}}"#
        session.send(open)
        // Delete `, cool: true` (columns 56..68).
        session.send(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":56},"end":{"line":0,"character":68}},"text":""}]}}"#)
        XCTAssertEqual(try session.waitForDiagnostics(uri: uri) { $0.isEmpty }, [])
    }

    func testFilesChangedOnDiskAreReadAgain() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)")
        let config = root.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = config.appendingPathComponent("team.js")
        let uri = file.absoluteString
        func changed(_ type: Int) -> String {
            #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(uri)","type":\#(type)}]}}"#
        }
        try "exports.default = { class: \"team\", id: \"t\", name: \"Team\", cool: true };\n".write(to: file, atomically: true, encoding: .utf8)

        let session = ServerSession()
        let capabilities = #"{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"#
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":\#(capabilities)}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        XCTAssertEqual(try session.waitForDiagnostics(uri: uri) { !$0.isEmpty }.first?["code"]?.string, "unknown-key")
        let registration = session.messages().first { $0["method"]?.string == "client/registerCapability" }
        XCTAssertNotNil(registration?["id"], "a request, which the client answers")
        XCTAssertEqual(registration?["params"]?["registrations"]?.array?.first?["method"]?.string, "workspace/didChangeWatchedFiles")

        // A git checkout changes the file behind the editor's back.
        try "exports.default = { class: \"team\", id: \"t\", name: \"Team\" };\n".write(to: file, atomically: true, encoding: .utf8)
        session.send(changed(2))
        XCTAssertEqual(try session.waitForDiagnostics(uri: uri) { $0.isEmpty }, [])

        let other = config.appendingPathComponent("zzz.js")
        try "exports.default = { class: \"team\", id: \"t\", name: \"Other\" };\n".write(to: other, atomically: true, encoding: .utf8)
        session.send(changed(1).replacingOccurrences(of: uri, with: other.absoluteString))
        _ = try session.waitForDiagnostics(uri: other.absoluteString) { $0.contains { $0["code"]?.string == "duplicate-id" } }

        try FileManager.default.removeItem(at: file)
        session.send(changed(3))
        XCTAssertEqual(try session.waitForDiagnostics(uri: other.absoluteString) { $0.isEmpty }, [], "a deleted file leaves the workspace")
    }

    func testNoWatcherIsRegisteredWithAClientThatCannot() throws {
        let session = ServerSession()
        session.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        session.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        _ = session.replies()
        XCTAssertFalse(session.messages().contains { $0["method"]?.string == "client/registerCapability" })
    }
}

/// An in-process server whose output is collected.
private final class ServerSession: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [RPCValue] = []
    private var server: LanguageServer!

    init() {
        server = LanguageServer(environment: [:], send: { [weak self] body in
            guard let self, let value = try? RPCValue.parse(Array(body.utf8)) else { return }
            self.lock.lock()
            self.sent.append(value)
            self.lock.unlock()
        }, exit: { _ in })
    }

    func send(_ body: String) {
        let server = self.server!
        server.queue.async { server.handle(body: Array(body.utf8)) }
    }

    /// Every response so far (after the messages sent before this call are handled).
    func replies() -> [RPCValue] {
        server.queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return sent.filter { $0["method"] == nil }
    }

    /// Everything the server sent so far: responses, notifications and its own requests.
    func messages() -> [RPCValue] {
        server.queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return sent
    }

    func waitForDiagnostics(uri: String, until condition: ([RPCValue]) -> Bool) throws -> [RPCValue] {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            lock.lock()
            let latest = sent.last { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }
            lock.unlock()
            if let diagnostics = latest?["params"]?["diagnostics"]?.array, condition(diagnostics) { return diagnostics }
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTFail("no matching publishDiagnostics for \(uri) within 30 s")
        return []
    }
}
