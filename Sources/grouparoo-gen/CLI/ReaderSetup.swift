import ConfigModel
import Foundation

/// The options of every command that reads config: where variables come from and who evaluates.
struct ReaderOptionGroup: OptionGroup {
    let envFile = Option<String>("--env-file", valueName: "file",
                                 help: "Read environment variables from a dotenv file (they override the real environment).",
                                 completion: .files)
    let evaluator = Option<EvaluatorKind>("--evaluator",
                                          help: "static (default) never runs code; node runs files we cannot evaluate statically in Node.")
}

/// Options shared by commands that read config: the environment and the default directory.
enum ReaderSetup {
    /// The real environment, overridden by the variables of `--env-file` when given.
    static func environment(envFile: String?, context: CommandContext) -> Result<[String: String], EnvFileError> {
        guard let envFile else { return .success(context.environment) }
        let path = context.absolutePath(envFile)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(EnvFileError(message: "cannot read env file \(path)"))
        }
        switch EnvFile.parse(String(decoding: data, as: UTF8.self)) {
        case .success(let values):
            return .success(context.environment.merging(values) { _, fromFile in fromFile })
        case .failure(let problem):
            return .failure(EnvFileError(message: "\(path):\(problem.line): \(problem.message)"))
        }
    }

    /// The config folder's name when `$GROUPAROO_CONFIG_DIR` does not say otherwise.
    static let defaultFolder = "config"

    /// `$GROUPAROO_CONFIG_DIR`, else `./config`, as Grouparoo chooses it (R-LOAD-03).
    /// Grouparoo treats the value `false` as "no config directory", so that is a usage error here.
    static func defaultConfigDirectory(_ context: CommandContext) throws(UsageError) -> String {
        guard let configured = context.environment["GROUPAROO_CONFIG_DIR"], !configured.isEmpty else { return defaultFolder }
        if configured == "false" {
            throw UsageError(message: "the config directory is disabled (GROUPAROO_CONFIG_DIR is `false`); "
                + "pass a directory or unset the variable")
        }
        return configured
    }
}

struct EnvFileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
