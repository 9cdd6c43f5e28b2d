import ConfigModel
import Foundation
import XCTest

/// A fake Grouparoo for tests: Node's `http` module on 127.0.0.1, a random port, serving apiData
/// lists with Grouparoo's envelopes, pagination and authentication (rest-api.md §2, §3, §5, §6).
/// It stops by itself after `lifetime` seconds, or when the test process goes away (stdin closes).
final class FakeGrouparoo {
    struct Behaviour: Encodable {
        /// Topics the key may not read (AUTHORIZATION_ERROR, HTTP 500).
        var forbiddenTopics: [String] = []
        /// The first N requests answer HTTP 500 with a non-Grouparoo body (then all is well).
        var failFirst = 0
        /// Any page that contains this id fails as a whole, like a broken apiData (API-ERR-05).
        var brokenId: String?
        /// Delay before every answer, in milliseconds.
        var delayMilliseconds = 0
        /// Answers are cut in half and the connection closed.
        var truncate = false
        /// Answers are HTML, not JSON.
        var notJSON = false
        /// Pages hold at most this many items, whatever `limit` asks for.
        var maxPage: Int?
    }

    let port: Int
    let apiKey: String
    private let process: Process
    private let folder: URL
    var host: String { "http://127.0.0.1:\(port)" }
    /// Each request's path and query, and which way the key came (header / query / none).
    var requests: [String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    static func nodePath() throws -> String {
        for path in ["/usr/bin/node", "/usr/local/bin/node"] where FileManager.default.isExecutableFile(atPath: path) { return path }
        throw XCTSkip("node is not installed; the fake Grouparoo server needs it")
    }

    init(snapshot: InstanceSnapshot, apiKey: String = "fake-grouparoo-key-0123456789abcdef", behaviour: Behaviour = Behaviour(),
         lifetime: Double = 60) throws {
        let node = try Self.nodePath()
        self.apiKey = apiKey
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-grouparoo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lists: [String: Any] = [:]
        var paginated: [String: Bool] = [:]
        var topics: [String: String] = [:]
        for remoteClass in RemoteClass.allCases {
            let facts = remoteClass.facts
            lists[facts.path] = snapshot[remoteClass].map(Self.foundation)
            paginated[facts.path] = facts.paginated
            topics[facts.path] = facts.topic
        }
        let behaviourData = try JSONEncoder().encode(behaviour)
        let settings: [String: Any] = [
            "apiKey": apiKey, "lists": lists, "paginated": paginated, "topics": topics, "lifetimeMs": Int(lifetime * 1000),
            "behaviour": try JSONSerialization.jsonObject(with: behaviourData),
            "log": folder.appendingPathComponent("requests.log").path,
        ]
        try JSONSerialization.data(withJSONObject: settings).write(to: folder.appendingPathComponent("settings.json"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [Self.scriptFile.path, folder.appendingPathComponent("settings.json").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
        guard let number = Int(line.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "PORT ", with: "")) else {
            process.terminate()
            throw XCTSkip("the fake Grouparoo server did not start (\(line))")
        }
        port = number
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    private static func foundation(_ value: ConfigValue) -> Any {
        switch value {
        case .string(let text): return text
        case .number(let number): return number
        case .boolean(let flag): return flag
        case .null, .environmentVariable: return NSNull()
        case .array(let elements): return elements.map(foundation)
        case .object(let members):
            var dictionary: [String: Any] = [:]
            for member in members { dictionary[member.key] = foundation(member.value) }
            return dictionary
        }
    }

    /// The server, shared with Benchmarks/.
    static let scriptFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/fake-grouparoo.js")
}

extension FileHandle {
    /// Reads until the first line break (or the end), for the server's `PORT n` line.
    func availableDataUntilNewline() -> Data {
        var data = Data()
        while true {
            let chunk = availableData
            if chunk.isEmpty { return data }
            data.append(chunk)
            if chunk.contains(0x0A) { return data }
        }
    }
}
