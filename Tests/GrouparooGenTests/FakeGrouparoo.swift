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
        try Data(Self.script.utf8).write(to: folder.appendingPathComponent("server.js"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [folder.appendingPathComponent("server.js").path, folder.appendingPathComponent("settings.json").path]
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

    static let script = #"""
    const http = require("http");
    const fs = require("fs");
    const settings = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
    const behaviour = settings.behaviour;
    let requestCount = 0;
    const metadata = { serverInformation: { serverName: "fake", apiVersion: "0.9.0" }, requesterInformation: { id: "x" } };
    function send(res, status, body) {
      let text = typeof body === "string" ? body : JSON.stringify(Object.assign({}, body, metadata), null, 2);
      const finish = () => {
        if (behaviour.truncate) {
          res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => setTimeout(() => res.socket.destroy(), 20));
          return;
        }
        const type = typeof body === "string" ? "text/html" : "application/json; charset=utf-8";
        res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
        res.end(text);
      };
      if (behaviour.delayMilliseconds > 0) setTimeout(finish, behaviour.delayMilliseconds); else finish();
    }
    function error(res, message, code) {
      const err = { message, fields: [], sql: null };
      if (code) err.code = code;
      send(res, 500, { error: err });
    }
    const server = http.createServer((req, res) => {
      requestCount += 1;
      const url = new URL(req.url, "http://localhost");
      const header = req.headers["authorization"];
      let key = url.searchParams.get("apiKey");
      let via = key ? "query" : "none";
      if (header !== undefined) {
        const [scheme, token] = header.split(" ");
        if (scheme.toLowerCase() !== "bearer") return error(res, "APIKeys should be sent with the `Authorization: Bearer <token>` scheme");
        key = token; via = "header";
      }
      fs.appendFileSync(settings.log, `${req.method} ${url.pathname}${url.search.replace(/apiKey=[^&]*/, "apiKey=…")} ${via}\n`);
      if (requestCount <= behaviour.failFirst) return send(res, 502, "<html>Bad gateway</html>");
      if (behaviour.notJSON) return send(res, 200, "<html><body>Welcome to nginx!</body></html>");
      const match = url.pathname.match(/^\/api\/v1\/([A-Za-z]+)$/);
      if (!match || !(match[1] in settings.lists)) return send(res, 404, { error: { message: "unknown action or invalid apiVersion" } });
      if (!key) return error(res, "Please sign in to continue", "AUTHENTICATION_ERROR");
      if (key !== settings.apiKey) return error(res, "apiKey not found", "AUTHENTICATION_ERROR");
      const path = match[1];
      const topic = settings.topics[path];
      if (behaviour.forbiddenTopics.includes(topic)) return error(res, `Not authorized for mode "read" on topic "${topic}"`, "AUTHORIZATION_ERROR");
      const list = settings.lists[path];
      if (!settings.paginated[path]) {
        if (behaviour.brokenId && list.some((item) => item.id === behaviour.brokenId)) return error(res, "Cannot read properties of null (reading 'name')");
        return send(res, 200, { [path]: list });
      }
      const limit = Number(url.searchParams.get("limit") || 100);
      const offset = Number(url.searchParams.get("offset") || 0);
      const size = behaviour.maxPage ? Math.min(limit, behaviour.maxPage) : limit;
      const page = list.slice(offset, offset + size);
      if (behaviour.brokenId && page.some((item) => item.id === behaviour.brokenId)) {
        return error(res, `Cannot find a "gone" app available within the installed plugins (${behaviour.brokenId})`);
      }
      send(res, 200, { total: list.length, [path]: page });
    });
    server.listen(0, "127.0.0.1", () => { process.stdout.write(`PORT ${server.address().port}\n`); });
    setTimeout(() => process.exit(0), settings.lifetimeMs).unref();
    process.stdin.on("end", () => process.exit(0));
    process.stdin.on("close", () => process.exit(0));
    process.stdin.resume();
    """#
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
