import ConfigModel
import Foundation

/// The output formats of `graph`.
enum GraphFormat: String, CaseIterable {
    case dot, mermaid, json
}

/// `grouparoo-gen graph`: the dependency graph of a config directory (Grouparoo rules §7) as DOT,
/// Mermaid or JSON, or the order Grouparoo would apply the objects in.
enum GraphCommand: Command {
    struct Options: OptionGroup {
        let format = Option<GraphFormat>("--format", help: "Output format (default: dot).")
        let order = Flag("--order", help: "Print the order Grouparoo would apply the objects in, one class:id per line.")
        let reader = ReaderOptionGroup()
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "graph",
        abstract: "Show which config objects need which (DOT, Mermaid, JSON), or the order Grouparoo applies them in.",
        usage: [
            "graph [CONFIG_DIR] \(option.format.usage) \(option.reader.envFile.usage) \(option.reader.evaluator.usage)",
            "graph [CONFIG_DIR] \(option.order.name)",
        ],
        arguments: [
            ArgumentSpec(name: "CONFIG_DIR", help: "The config directory (default: $GROUPAROO_CONFIG_DIR, else ./config)."),
        ],
        options: Options.specs,
        examples: [
            CommandExample("graph examples/postgres-mailchimp/config | dot -Tpng -o graph.png", "Render the graph with Graphviz"),
            CommandExample("graph config --format mermaid", "A Mermaid flowchart to paste into Markdown"),
            CommandExample("graph config --format json", "Nodes, edges, the apply order and any cycles, for tools"),
            CommandExample("graph config --order", "The order Grouparoo would create the objects in"),
        ],
        discussion: """
            Nodes are config objects, named class:id as Grouparoo names them (e.g. app:data_warehouse,
            teammember:ops_lead). An arrow goes from an object to one it needs, labelled with the key
            that says so: an ...Id key, options.propertyId, a mapping value (except a source's own
            bootstrapped property), a destination group membership, a group rule's propertyId, a
            record's property, or a {{key}} template in a property option.

            A reference to an object that is not in the config shows as a dashed "missing" node. A
            cycle is drawn with red edges and listed under "cycles" in JSON; Grouparoo itself would
            fail with "Maximum call stack size exceeded".

            --order prints the objects dependencies first, as Grouparoo sorts them. Objects on a cycle,
            and objects that need them, are left out and named on standard error.

            Exit codes: 0 the graph was printed; 1 with --order when Grouparoo could not apply the
            config (a cycle or a missing object); 2 usage error or unreadable path.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            return usageError("expected at most one CONFIG_DIR, got \(arguments.positionals.count)", context: context)
        }
        let format = arguments[option.format] ?? .dot
        if arguments[option.order], arguments[option.format] != nil {
            return usageError("\(option.order.name) prints plain text; leave out \(option.format.name) (the json format includes \"order\")",
                              context: context)
        }
        let evaluator = arguments[option.reader.evaluator] ?? .static
        let environment: [String: String]
        switch ReaderSetup.environment(envFile: arguments[option.reader.envFile], context: context) {
        case .success(let values): environment = values
        case .failure(let problem): return usageError(problem.message, context: context)
        }
        var directory = arguments.positionals.first ?? ""
        if directory.isEmpty {
            do {
                directory = try ReaderSetup.defaultConfigDirectory(context)
            } catch {
                return usageError(error.message, context: context)
            }
        }
        directory = context.absolutePath(directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return usageError("\(ControlCharacters.escaped(directory)): no such file or directory; pass the config directory", context: context)
        }
        guard isDirectory.boolValue else {
            return usageError("\(ControlCharacters.escaped(directory)) is not a directory; pass the config directory", context: context)
        }

        let read = ConfigReader(options: ReaderOptions(environment: environment, evaluator: evaluator)).readDirectory(at: directory)
        warnAboutUnreadableFiles(read, context: context)
        let graph = ConfigGraph(read)
        let analysis = graph.analysis()
        if arguments[option.order] {
            return printOrder(graph, analysis, context: context)
        }
        let paths = ReportPaths(workingDirectory: context.absolutePath("."), configDirectory: directory)
        let text: String
        switch format {
        case .dot: text = GraphDOT.render(graph, analysis)
        case .mermaid: text = GraphMermaid.render(graph, analysis)
        case .json: text = GraphJSON.render(graph, analysis, paths: paths)
        }
        ChunkedOutput.write(text, in: ChunkedOutput.chunkSize, to: context.write)
        return ExitCode.success
    }

    /// The apply order on standard output; why it is incomplete on standard error.
    private static func printOrder(_ graph: ConfigGraph, _ analysis: GraphAnalysis, context: CommandContext) -> Int32 {
        var output = ChunkedOutput(context.write)
        for node in analysis.order { output.append(ControlCharacters.escaped(graph.nodes[node].id) + "\n") }
        output.flush()
        var problems: [String] = []
        for cycle in analysis.cycles {
            let names = (cycle + [cycle[0]]).map { graph.nodes[$0].id }
            problems.append("error: dependency cycle: \(names.joined(separator: " → "))")
        }
        for (index, node) in graph.nodes.enumerated() where node.isMissing {
            let users = graph.edges.filter { $0.to == index }.map { "\(graph.nodes[$0.from].id) (\($0.via))" }
            problems.append("error: \(node.id) is needed by \(users.joined(separator: ", ")) but no config object provides it")
        }
        if !analysis.cyclicNodes.isEmpty {
            let left = analysis.cyclicNodes.count + analysis.blockedNodes.count
            let blocked = analysis.blockedNodes.sorted().map { graph.nodes[$0].id }
            let list = blocked.isEmpty ? "" : "; they block " + blocked.prefix(10).joined(separator: ", ")
                + (blocked.count > 10 ? " and \(blocked.count - 10) more" : "")
            problems.append("note: \(DiagnosticPrinter.counted(left, "object")) left out of the order: "
                            + "\(analysis.cyclicNodes.count) on a cycle\(list)")
        }
        guard !problems.isEmpty else { return ExitCode.success }
        context.writeError(problems.map { ControlCharacters.escaped($0) }.joined(separator: "\n") + "\nGrouparoo would not apply this config; "
                           + "the order above is for the objects it could sort.\n")
        return ExitCode.failure
    }

    /// The graph only holds what could be read; say so when some file could not be.
    private static func warnAboutUnreadableFiles(_ read: ConfigReadResult, context: CommandContext) {
        let files = Set(read.files.filter { file in file.needsNode || file.diagnostics.contains { $0.severity == .error } }.map(\.path))
        guard !files.isEmpty else { return }
        context.writeError("warning: \(DiagnosticPrinter.counted(files.count, "file")) could not be read completely, "
                           + "so the graph may miss objects; run 'grouparoo-gen validate' for details\n")
    }
}
