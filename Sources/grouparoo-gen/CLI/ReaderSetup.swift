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
        return readEnvFile(envFile, context: context).map { values in
            context.environment.merging(values) { _, fromFile in fromFile }
        }
    }

    /// A dotenv file's variables, read as dotenv 16 reads it; lines dotenv skips are pointed out.
    static func readEnvFile(_ file: String, context: CommandContext) -> Result<[String: String], EnvFileError> {
        let path = context.absolutePath(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(EnvFileError(message: "cannot read env file \(ControlCharacters.escaped(path))"))
        }
        let parsed = EnvFile.parse(String(decoding: data, as: UTF8.self))
        for line in parsed.ignoredLines {
            context.writeError("warning: \(ControlCharacters.escaped(file)):\(line): not `KEY=value`; skipped, as dotenv skips it\n")
        }
        return .success(parsed.values)
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
