import ConfigModel
import Foundation

/// `grouparoo-gen lsp`: a Language Server Protocol 3.17 server on standard input and output,
/// for editors: diagnostics as you type, go to definition, hover, completion, quick fixes.
enum LSPCommand: Command {
    struct Options: OptionGroup {
        let stdio = Flag("--stdio", help: "Talk LSP over standard input and output (the default and only transport; accepted because clients pass it).")
        let configDir = Option<String>("--config-dir", valueName: "dir",
                                       help: "Check this config directory instead of the workspace folder's config/.",
                                       completion: .files)
        let check = Flag("--check", help: "Read the config directory as the server would at start-up, print what it finds and exit.")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "lsp",
        abstract: "Run the language server editors start: diagnostics, definitions, hover, completion, quick fixes.",
        usage: ["lsp [\(option.stdio.name)] [\(option.configDir.name) <dir>]", "lsp \(option.check.name) [\(option.configDir.name) <dir>]"],
        options: Options.specs,
        examples: [
            CommandExample("lsp --check --config-dir config", "Show which files the server would check and what it would report"),
        ],
        discussion: """
            Editors start 'grouparoo-gen lsp' themselves; see README.md for VS Code, Neovim and Helix.
            The server checks the workspace folder's config/ (or the nearest config/ below it, or
            $GROUPAROO_CONFIG_DIR, or --config-dir), with unsaved buffers in place of the files on disk.
            .grouparoo-gen.json turns rules off or on as for validate.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.isEmpty else {
            return usageError("lsp takes no arguments, got \(arguments.positionals.joined(separator: " "))", context: context)
        }
        let configDir = arguments[option.configDir].map(context.absolutePath)
        if arguments[option.check] {
            return check(configDir ?? ConfigDirectoryLocator.nearestConfigFolder(below: context.currentDirectory), context: context)
        }
        // The server runs for hours: what a check frees should go back to the system.
        AllocatorSettings.apply(.server)
        StdioServer(environment: context.environment, configDirectory: configDir).run()
    }

    private static func check(_ directory: String?, context: CommandContext) -> Int32 {
        guard let directory else {
            context.writeError("error: no config/ folder below \(context.currentDirectory); pass \(option.configDir.name)\n")
            return ExitCode.usage
        }
        let read = ConfigReader(options: ReaderOptions(environment: context.environment)).readDirectory(at: directory)
        guard let result = EditorWorkspace(read).check(with: ConfigDirectoryLocator.validator(for: directory)) else { return ExitCode.failure }
        let withProblems = result.diagnosticsByFile.filter { !$0.value.isEmpty }
        context.write("config directory: \(directory)\n\(read.files.count) files, \(result.input.entries.count) objects, "
            + "\(withProblems.values.map(\.count).reduce(0, +)) diagnostics in \(withProblems.count) files\n")
        return ExitCode.success
    }
}

/// Reads framed messages from standard input on this thread and hands them to the server's queue;
/// responses go to standard output, one whole frame per write.
struct StdioServer {
    let environment: [String: String]
    let configDirectory: String?

    func run() -> Never {
        let output = FileHandle.standardOutput
        let outputLock = NSLock()
        let server = LanguageServer(
            environment: environment,
            send: { body in
                outputLock.lock()
                defer { outputLock.unlock() }
                output.write(Data(MessageFramer.frame(body)))
            },
            exit: { code in Foundation.exit(code) })
        server.fixedConfigDirectory = configDirectory
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            // End of input without `exit`: the client is gone (LSP: exit code 1 unless shut down).
            guard count > 0 else { server.queue.sync { server.exit(server.shutdownRequested ? 0 : 1) }; Foundation.exit(1) }
            framer.append(chunk[0..<count])
            while let frame = framer.next() {
                switch frame {
                case .body(let body): server.queue.async { server.handle(body: body) }
                case .badHeader(let message): server.queue.async { server.handleFramingError(message) }
                }
            }
        }
    }
}
