import ConfigModel
import Foundation

/// The options `import` and `diff` share to reach an instance. The API key is only ever read from
/// the environment: arguments leak into shell history and `ps`.
struct RemoteOptionGroup: OptionGroup {
    let host = Option<String>("--host", valueName: "url",
                              help: "The Grouparoo instance, e.g. http://localhost:3000 (default: $GROUPAROO_HOST).")
    let apiKeyEnv = Option<String>("--api-key-env", valueName: "name",
                                   help: "The environment variable holding the API key (default: GROUPAROO_API_KEY).")
    let timeout = Option<Double>("--timeout", valueName: "seconds", help: "Give up on a request after this long (default: 60).",
                                 expected: "a positive number of seconds", parse: RemoteOptions.seconds)
    let connectTimeout = Option<Double>("--connect-timeout", valueName: "seconds",
                                        help: "Give up connecting, or waiting for data, after this long (default: 10).",
                                        expected: "a positive number of seconds", parse: RemoteOptions.seconds)
}

enum RemoteOptions {
    static let defaultKeyVariable = "GROUPAROO_API_KEY"

    @Sendable static func seconds(_ text: String) -> Double? {
        Double(text).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
    }

    /// The host given with `--host`, else `$GROUPAROO_HOST`; nil when neither is set.
    static func host(_ arguments: ParsedArguments, _ option: RemoteOptionGroup, context: CommandContext) -> String? {
        let host = arguments[option.host] ?? context.environment["GROUPAROO_HOST"]
        return host?.isEmpty == false ? host : nil
    }

    static func client(_ arguments: ParsedArguments, _ option: RemoteOptionGroup, host: String,
                       context: CommandContext) -> Result<GrouparooClient, UsageError> {
        guard let url = URL(string: host), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            return .failure(UsageError(message: "\(option.host.name) \(ControlCharacters.escaped(host).debugDescription) is not an http:// or https:// URL"))
        }
        let variable = arguments[option.apiKeyEnv] ?? defaultKeyVariable
        guard let key = context.environment[variable], !key.isEmpty else {
            return .failure(UsageError(message: "no API key: set $\(variable) (or name another variable with \(option.apiKeyEnv.name)); "
                + "the key is never taken from an argument"))
        }
        var settings = GrouparooClient.Settings(host: url, apiKey: key)
        if let seconds = arguments[option.timeout] { settings.totalTimeout = seconds }
        if let seconds = arguments[option.connectTimeout] { settings.connectTimeout = seconds }
        if let delay = context.environment["GROUPAROO_GEN_RETRY_DELAY"].flatMap(Double.init), delay >= 0 {
            settings.retryDelay = delay  // tests shorten the backoff
        }
        return .success(GrouparooClient(settings))
    }

    /// Reads the lists `classes` need, with progress, warning about each object the instance could not serve.
    static func read(_ classes: [RemoteClass], from client: GrouparooClient, context: CommandContext) -> Result<InstanceSnapshot, RemoteFailure> {
        InstanceReader(client: client, progress: progress(context)).read(classes).map { outcome in
            for problem in outcome.unreadable {
                context.writeError("warning: left out an object the instance could not serve (\(problem))\n")
            }
            return outcome.snapshot
        }
    }

    /// Progress on standard error: one live line on a terminal, a line per finished list otherwise.
    static func progress(_ context: CommandContext) -> (String, Int, Int) -> Void {
        { path, done, total in
            if context.errorIsTerminal {
                context.writeError("\r\u{1B}[Kreading \(path): \(done)/\(total)" + (done >= total ? "\n" : ""))
            } else if done >= total {
                context.writeError("read \(DiagnosticPrinter.counted(total, "object")) from /api/v1/\(path)\n")
            }
        }
    }
}
