import ConfigModel
import Foundation

/// The language server's state and message dispatch. Every message is handled on `queue`, one at a
/// time; the rules pass runs on `checkQueue`, so requests are answered while a pass is running. A pass
/// whose input changed meanwhile is thrown away and started again on the latest buffers.
final class LanguageServer: @unchecked Sendable {
    /// Writes one framed message body; the command passes standard output.
    let send: @Sendable (String) -> Void
    /// Called on `exit` with the process's exit code.
    let exit: @Sendable (Int32) -> Void
    let environment: [String: String]
    let queue = DispatchQueue(label: "grouparoo-gen.lsp")
    private let checkQueue = BackgroundWorker()

    // Everything below is touched only on `queue`.
    var configDirectory: String?
    var documents: [String: EditorDocument] = [:]
    var workspace: EditorWorkspace?
    var lastCheck: EditorCheck?
    var validator = Validator()
    var readerOptions = ReaderOptions()
    private var published: [String: [Diagnostic]] = [:]
    private var generation = 0
    private var checkRunning = false
    private var initialized = false
    /// The client can register file watchers at run time (`client/registerCapability`).
    private var clientRegistersWatchers = false
    private(set) var shutdownRequested = false
    /// `--config-dir`: wins over what the workspace folders suggest.
    var fixedConfigDirectory: String?

    init(environment: [String: String], send: @escaping @Sendable (String) -> Void,
         exit: @escaping @Sendable (Int32) -> Void) {
        self.environment = environment
        self.send = send
        self.exit = exit
        readerOptions = ReaderOptions(environment: environment)
    }

    /// Handles one framed message body (call on `queue`). Nothing a client sends stops the server:
    /// unreadable JSON gets a parse error, a failing request gets an error response.
    func handle(body: [UInt8]) {
        let message: RPCValue
        do {
            message = try RPCValue.parse(body)
        } catch {
            respond(id: .null, error: RPCError(.parseError, "invalid JSON at byte \(error.offset): \(error.message)"))
            return
        }
        guard case .object = message, let method = message["method"]?.string else {
            // A response to a request of ours (we send none that need answers) or junk.
            if message["result"] == nil && message["error"] == nil {
                respond(id: message["id"] ?? .null, error: RPCError(.invalidRequest, "a request needs a \"method\" string"))
            }
            return
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else {
            notification(method, params)
            return
        }
        do {
            respond(id: id, result: try request(method, params))
        } catch let error as RPCError {
            respond(id: id, error: error)
        } catch {
            let reason = FileErrorDescription.describe(error)
            log("request \(method) failed: \(reason)")
            respond(id: id, error: RPCError(.internalError, "\(method) failed: \(reason)"))
        }
    }

    func handleFramingError(_ message: String) {
        respond(id: .null, error: RPCError(.parseError, message))
    }

    private func request(_ method: String, _ params: RPCValue) throws -> RPCValue {
        if method == "initialize" { return initialize(params) }
        guard initialized else { throw RPCError(.serverNotInitialized, "the first request must be initialize") }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/definition": return try definition(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw RPCError(.methodNotFound, "unknown method \(method)")
        }
    }

    private func notification(_ method: String, _ params: RPCValue) {
        do {
            switch method {
            case "initialized":
                registerFileWatchers()
                loadWorkspace()
            case "workspace/didChangeWatchedFiles": filesChangedOnDisk(params)
            case "exit": exit(shutdownRequested ? 0 : 1)
            case "textDocument/didOpen":
                let item = params["textDocument"]
                guard let path = item?["uri"]?.string.flatMap(LSPConversions.path(fromURI:)), let text = item?["text"]?.string else {
                    throw RPCError(.invalidParams, "didOpen needs textDocument.uri and text")
                }
                documents[path] = EditorDocument(text: text, version: item?["version"]?.int ?? 0)
                bufferChanged(path)
            case "textDocument/didChange":
                let path = try documentPath(params)
                guard var document = documents[path] else { throw RPCError(.invalidParams, "didChange for a document that is not open") }
                let changes = try (params["contentChanges"]?.array ?? []).map { change throws(RPCError) in
                    EditorTextChange(range: change["range"] == nil ? nil : try LSPConversions.range(change["range"]),
                                     text: change["text"]?.string ?? "")
                }
                document.apply(changes)
                document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
                documents[path] = document
                bufferChanged(path)
            case "textDocument/didClose":
                let path = try documentPath(params)
                documents[path] = nil
                bufferChanged(path)
            default: break  // didSave, $/cancelRequest, $/setTrace…: nothing to do
            }
        } catch {
            log("\(method): \(FileErrorDescription.describe(error))")
        }
    }

    private func initialize(_ params: RPCValue) -> RPCValue {
        initialized = true
        clientRegistersWatchers = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == .bool(true)
        configDirectory = fixedConfigDirectory ?? ConfigDirectoryLocator.locate(params, environment: environment)
        if let directory = configDirectory { validator = ConfigDirectoryLocator.validator(for: directory) }
        let capabilities: RPCValue = .object([
            "textDocumentSync": .object(["openClose": .bool(true), "change": .number(2)]),
            "definitionProvider": .bool(true),
            "hoverProvider": .bool(true),
            "completionProvider": .object(["triggerCharacters": .array([.string("\""), .string("'"), .string(":")])]),
            "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
            "documentSymbolProvider": .bool(true),
        ])
        return .object([
            "capabilities": capabilities,
            "serverInfo": .object(["name": .string("grouparoo-gen"), "version": .string(CommandRouter.version)]),
        ])
    }

    func documentPath(_ params: RPCValue) throws(RPCError) -> String {
        guard let path = params["textDocument"]?["uri"]?.string.flatMap(LSPConversions.path(fromURI:)) else {
            throw RPCError(.invalidParams, "expected textDocument.uri with a file: URI")
        }
        return path
    }

    // MARK: Reading and checking

    /// Reads the whole config directory once, off the message queue, then checks it.
    private func loadWorkspace() {
        guard let directory = configDirectory else {
            log("no config directory found; open a workspace with a config/ folder")
            return
        }
        let options = readerOptions
        checkRunning = true
        checkQueue.async { [self] in
            let read = ConfigReader(options: options).readDirectory(at: directory)
            queue.async { [self] in
                workspace = EditorWorkspace(read)
                checkRunning = false
                // Buffers opened while the directory was read replace their files now.
                for path in documents.keys where isInConfig(path) { reread(path) }
                scheduleCheck()
            }
        }
    }

    /// Asks the client to report config files changed outside the editor (git checkout, generate), when
    /// it can register watchers at run time; a client that cannot may still send the notification unasked.
    private func registerFileWatchers() {
        guard clientRegistersWatchers else { return }
        let watchers: [RPCValue] = ["**/*.js", "**/*.json"].map { .object(["globPattern": .string($0)]) }
        let registration: RPCValue = .object(["id": .string(Self.watcherRegistration), "method": .string("workspace/didChangeWatchedFiles"),
                                              "registerOptions": .object(["watchers": .array(watchers)])])
        send(RPCValue.object(["jsonrpc": .string("2.0"), "id": .string(Self.watcherRegistration), "method": .string("client/registerCapability"),
                              "params": .object(["registrations": .array([registration])])]).text)
    }

    static let watcherRegistration = "grouparoo-gen/watch-config-files"

    /// `workspace/didChangeWatchedFiles`: config files created or changed on disk are read again (an open
    /// buffer still wins over its file), deleted files and folders leave the workspace, and a changed
    /// `.grouparoo-gen.json` reloads the rule selection; then the rules run again.
    private func filesChangedOnDisk(_ params: RPCValue) {
        var changed = false
        for change in params["changes"]?.array ?? [] {
            guard let path = change["uri"]?.string.flatMap(LSPConversions.path(fromURI:)) else { continue }
            if URL(fileURLWithPath: path).lastPathComponent == ProjectSettings.fileName, let directory = configDirectory {
                validator = ConfigDirectoryLocator.validator(for: directory)
                changed = true
            } else if change["type"]?.int == Self.deletedChange, let workspace {
                let gone = Set(workspace.files.map(\.path).filter { ($0 == path || $0.hasPrefix(path + "/")) && documents[$0] == nil })
                guard !gone.isEmpty else { continue }
                self.workspace = workspace.removing(gone)
                publish(Dictionary(uniqueKeysWithValues: gone.map { ($0, []) }))
                changed = true
            } else if workspace != nil, isInConfig(path), documents[path] == nil {
                reread(path)
                changed = true
            }
        }
        if changed { scheduleCheck() }
    }

    /// `FileChangeType.Deleted` (1 is created, 2 changed).
    private static let deletedChange = 3

    private func isInConfig(_ path: String) -> Bool {
        guard let directory = configDirectory else { return false }
        return path.hasPrefix(directory + "/") && (path.hasSuffix(".js") || path.hasSuffix(".json"))
    }

    /// Re-reads one file from its buffer (or from disk once closed), publishes what a check of its
    /// neighbourhood finds in it at once, and starts a full rules pass.
    private func bufferChanged(_ path: String) {
        guard workspace != nil, isInConfig(path) else { return }
        reread(path)
        if let workspace, let lastCheck {
            publish([path: workspace.quickCheck(path, with: validator, around: lastCheck)])
        }
        scheduleCheck()
    }

    private func reread(_ path: String) {
        var options = readerOptions
        options.overlay = documents.mapValues(\.bytes)
        let reader = ConfigReader(options: options)
        let file = documents[path].map { reader.read(contents: $0.bytes, path: path) } ?? reader.readFile(at: path)
        workspace = workspace?.replacing(file)
    }

    private func scheduleCheck() {
        generation += 1
        startCheckIfIdle()
    }

    private func startCheckIfIdle() {
        guard !checkRunning, let workspace else { return }
        checkRunning = true
        let started = generation
        let validator = self.validator
        let isStale: @Sendable () -> Bool = { [self] in queue.sync { started != generation } }
        checkQueue.async { [self] in
            let check = workspace.check(with: validator, isCancelled: isStale)
            queue.async { [self] in
                checkRunning = false
                // The buffers changed while this pass ran: its results are stale, start over on the latest.
                guard let check, started == generation else {
                    startCheckIfIdle()
                    return
                }
                lastCheck = check
                publish(check.diagnosticsByFile)
            }
        }
    }

    /// Sends diagnostics for every file whose list changed since it was last sent.
    private func publish(_ diagnosticsByFile: [String: [Diagnostic]]) {
        for (path, diagnostics) in diagnosticsByFile.sorted(by: { $0.key < $1.key }) where published[path, default: []] != diagnostics {
            published[path] = diagnostics
            let document = documents[path] ?? EditorDocument(bytes: FileManager.default.contents(atPath: path).map(Array.init) ?? [])
            notify("textDocument/publishDiagnostics", .object([
                "uri": .string(LSPConversions.uri(forPath: path)),
                "diagnostics": .array(diagnostics.map { LSPConversions.json($0, in: document) }),
            ]))
        }
    }

    // MARK: Output

    func respond(id: RPCValue, result: RPCValue) {
        send(RPCValue.object(["jsonrpc": .string("2.0"), "id": id, "result": result]).text)
    }

    func respond(id: RPCValue, error: RPCError) {
        let body: RPCValue = .object(["code": .number(Double(error.code.rawValue)), "message": .string(error.message)])
        send(RPCValue.object(["jsonrpc": .string("2.0"), "id": id, "error": body]).text)
    }

    func notify(_ method: String, _ params: RPCValue) {
        send(RPCValue.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]).text)
    }

    /// `window/logMessage` (type 1, error): shown in the editor's server log.
    func log(_ message: String) {
        notify("window/logMessage", .object(["type": .number(1), "message": .string(message)]))
    }
}
