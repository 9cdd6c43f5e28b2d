import ConfigModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why a request to the instance failed. Messages never contain the API key.
enum RemoteFailure: Error, Equatable {
    /// An `{"error": …}` body (API-ERR-03), whatever the status.
    case refused(code: String?, message: String, topic: String?)
    case status(Int)
    case unreachable(String)
    case timeout(Double)
    case notJSON(String)
    case truncated

    var message: String {
        switch self {
        case .refused(let code, let message, let topic):
            switch code {
            case "AUTHENTICATION_ERROR", "NO_TEAMS_ERROR":
                return "the instance refused the API key: \(message) (check $GROUPAROO_API_KEY or --api-key-env)"
            case "AUTHORIZATION_ERROR":
                let missing = topic.map { "the API key has no read permission for topic `\($0)`" } ?? "the API key lacks a permission"
                return "\(missing): \(message)"
            default:
                return "the instance answered with an error: \(message)"
            }
        case .status(let status): return "the instance answered HTTP \(status) without a Grouparoo response"
        case .unreachable(let reason): return "cannot reach the instance: \(reason)"
        case .timeout(let seconds): return "the instance did not answer within \(Self.seconds(seconds)) (see --timeout)"
        case .notJSON(let start): return "the instance's answer is not JSON (it starts with \(start.debugDescription)); is --host a Grouparoo server?"
        case .truncated: return "the connection closed before the instance's answer was complete"
        }
    }

    /// Worth asking again: a 5xx without a Grouparoo error body, or a reset connection.
    var isTransient: Bool {
        switch self {
        case .status(let status): return status >= 500
        case .truncated: return true
        default: return false
        }
    }

    /// A generic server error for one request, as a broken object in a list causes (API-ERR-05).
    var isObjectError: Bool {
        if case .refused(let code, _, _) = self { return !["AUTHENTICATION_ERROR", "AUTHORIZATION_ERROR", "NO_TEAMS_ERROR"].contains(code ?? "") }
        return false
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// GET requests to a Grouparoo instance's REST API with an API key sent as `Authorization: Bearer`
/// (API-AUTH-02), connect and total timeouts, and bounded retries with backoff for transient failures.
final class GrouparooClient: @unchecked Sendable {
    struct Settings {
        var host: URL
        var apiKey: String
        var connectTimeout: Double = 10
        var totalTimeout: Double = 60
        var attempts = 3
        var retryDelay: Double = 0.5
    }

    let settings: Settings
    private let session: URLSession

    init(_ settings: Settings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.connectTimeout
        configuration.timeoutIntervalForResource = settings.totalTimeout
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// `GET /api/v1/<path>?<query>`, parsed; retried while the failure is transient.
    func get(_ path: String, query: [URLQueryItem] = []) -> Result<ConfigValue, RemoteFailure> {
        var attempt = 0
        while true {
            attempt += 1
            let result = once(path, query: query)
            guard case .failure(let failure) = result, failure.isTransient, attempt < settings.attempts else { return result }
            Thread.sleep(forTimeInterval: settings.retryDelay * pow(2, Double(attempt - 1)))
        }
    }

    private func url(_ path: String, query: [URLQueryItem]) -> URL? {
        var components = URLComponents(url: settings.host, resolvingAgainstBaseURL: false)
        let base = components?.path.hasSuffix("/") == true ? String(components!.path.dropLast()) : components?.path ?? ""
        components?.path = base + "/api/v1/" + path
        components?.queryItems = query.isEmpty ? nil : query
        return components?.url
    }

    private func once(_ path: String, query: [URLQueryItem]) -> Result<ConfigValue, RemoteFailure> {
        guard let url = url(path, query: query) else { return .failure(.unreachable("invalid URL for \(path)")) }
        var request = URLRequest(url: url)
        request.setValue("Bearer \(settings.apiKey)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data, response as? HTTPURLResponse, error)
            done.signal()
        }
        task.resume()
        // The session's resource timeout is the total; this wait is a backstop.
        if done.wait(timeout: .now() + settings.totalTimeout + 2) == .timedOut {
            task.cancel()
            return .failure(.timeout(settings.totalTimeout))
        }
        let (data, response, error) = box.get()
        if let error { return .failure(Self.describe(error, timeout: settings.totalTimeout)) }
        guard let response, let data else { return .failure(.truncated) }
        if let expected = response.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init), expected > data.count {
            return .failure(.truncated)
        }
        // Plain JSON takes the fast path; anything else goes through the JSON5 reader, as before.
        let bytes = Array(data)
        guard let value = ConfigValue(json: bytes) ?? Self.json5Value(bytes, file: url.path) else {
            if response.statusCode >= 400 { return .failure(.status(response.statusCode)) }
            let start = String(decoding: data.prefix(24), as: UTF8.self)
            let looksCut = start.hasPrefix("{") || start.hasPrefix("[")
            return .failure(looksCut ? .truncated : .notJSON(ControlCharacters.escaped(start)))
        }
        if let error = value["error"] {
            let message = error["message"]?.stringValue ?? error.stringValue ?? "unknown error"
            return .failure(.refused(code: error["code"]?.stringValue, message: ControlCharacters.escaped(message),
                                     topic: Self.topic(in: message)))
        }
        guard response.statusCode == 200 else { return .failure(.status(response.statusCode)) }
        return .success(value)
    }

    private static func json5Value(_ bytes: [UInt8], file: String) -> ConfigValue? {
        let parsed = JSON5.parse(bytes, file: file)
        guard let located = parsed.value, parsed.diagnostics.allSatisfy({ $0.severity != .error }) else { return nil }
        return ConfigValue(located)
    }

    /// The topic of ``Not authorized for mode "read" on topic "source"`` (API-AUTH-04).
    private static func topic(in message: String) -> String? {
        guard let range = message.range(of: "on topic \"") else { return nil }
        let rest = message[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func describe(_ error: any Error, timeout: Double) -> RemoteFailure {
        let nsError = error as NSError
        // FoundationNetworking puts curl's own sentence here ("Couldn't connect to server").
        let text = ControlCharacters.escaped(nsError.userInfo[NSLocalizedDescriptionKey] as? String ?? "error \(nsError.code)")
        guard nsError.domain == NSURLErrorDomain else { return .unreachable(text) }
        // curl's CURLE_PARTIAL_FILE reaches FoundationNetworking under a generic code; its text is stable.
        if text.hasPrefix("transfer closed with") { return .truncated }
        switch nsError.code {
        case NSURLErrorTimedOut: return .timeout(timeout)
        case NSURLErrorNetworkConnectionLost, NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse: return .truncated
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorClientCertificateRejected:
            return .unreachable("TLS failed: \(text)")
        default: return .unreachable(text)
        }
    }
}

/// Carries a completion handler's results back to the waiting thread.
private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: (any Error)?

    func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
        lock.lock()
        (self.data, self.response, self.error) = (data, response, error)
        lock.unlock()
    }

    func get() -> (Data?, HTTPURLResponse?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
