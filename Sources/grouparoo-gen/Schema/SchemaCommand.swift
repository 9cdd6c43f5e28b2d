import ConfigModel
import Foundation

/// What `schema` prints: JSON Schemas, or the key reference they are made from.
enum SchemaFormat: String, CaseIterable {
    case json, markdown
}

/// `grouparoo-gen schema`: JSON Schemas (draft-07) for config `.json` files, for editors and the
/// SchemaStore catalog. Printed to standard output, or written into a folder with one per class.
enum SchemaCommand: Command {
    struct Options: OptionGroup {
        let out = Option<String>("--out", valueName: "dir",
                                 help: "Write the config-file schema and one schema per class into this folder.",
                                 completion: .directories)
        let configClass = Option<ConfigClass>(
            "--class", valueName: "class", help: "Only the schema of this class (any case, e.g. apiKey).",
            expected: "a config class (\(ConfigClass.allCases.map(\.preferredSpelling).joined(separator: ", ")))",
            completion: .choices(ConfigClass.allCases.map(\.preferredSpelling)), parse: ConfigClass.init(raw:))
        let overwrite = Flag("--overwrite", help: "With --out, replace schema files that already exist.")
        let format = Option<SchemaFormat>("--format", help: "json (default): JSON Schemas; markdown: a reference of every class's keys.")
    }

    static let option = Options()

    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print JSON Schemas for config .json files, for editors such as VS Code.",
        usage: ["schema \(option.out.usage) \(option.configClass.usage) \(option.overwrite.usage)", "schema --format markdown"],
        arguments: [],
        options: Options.specs,
        examples: [
            CommandExample("schema > grouparoo-config.schema.json", "The schema for any config .json file"),
            CommandExample("schema --class apiKey", "Only what an apiKey object may contain"),
            CommandExample("schema --out .vscode/schemas", "Write grouparoo-config.schema.json and one schema per class"),
            CommandExample("schema --format markdown > docs/config-keys.md", "A Markdown table of every class's keys"),
        ],
        discussion: """
            An object is checked against the schema of its class, which is matched case-insensitively
            as Grouparoo does; a file may hold one object or an array of them. Apps, sources and
            destinations get the options their plugin type takes and requires. Keys Grouparoo ignores
            or has deprecated carry a deprecation message editors show. The schema knows what one file
            says; references between files, and JavaScript files, are checked by 'validate'.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        guard arguments.positionals.isEmpty else {
            return usageError("schema takes no arguments, got \(arguments.positionals.count)", context: context)
        }
        let selected = arguments[option.configClass]
        if arguments[option.format] == .markdown {
            guard selected == nil, arguments[option.out] == nil, !arguments[option.overwrite] else {
                return usageError("\(option.format.name) markdown prints every class to standard output; leave out "
                                  + "\(option.out.name), \(option.configClass.name) and \(option.overwrite.name)", context: context)
            }
            context.write(FieldReference.markdown())
            return ExitCode.success
        }
        guard let folder = arguments[option.out] else {
            if arguments[option.overwrite] {
                return usageError("\(option.overwrite.name) needs \(option.out.name)", context: context)
            }
            context.write(render(selected.map { ConfigJSONSchema.forClass($0) } ?? ConfigJSONSchema.file()))
            return ExitCode.success
        }
        let classes: [ConfigClass?] = selected.map { [$0] } ?? [nil] + ConfigClass.allCases.map { $0 }
        let files = classes.map { configClass in
            PlannedFile(relativePath: ConfigJSONSchema.fileName(for: configClass),
                        contents: render(configClass.map { ConfigJSONSchema.forClass($0) } ?? ConfigJSONSchema.file()))
        }
        let directory = context.absolutePath(folder)
        do {
            let written = try SafeFileWriter(configDirectory: directory, overwrite: arguments[option.overwrite]).write(files)
            for url in written { context.write("wrote \(url.path)\n") }
            return ExitCode.success
        } catch let failure as WriteFailure {
            // Files this run created are removed again; only files replaced with --overwrite stay changed.
            let replaced = failure.replaced.map { "warning: \($0.path) was already replaced (--overwrite)\n" }.joined()
            context.writeError("error: \(failure.message())\n" + (replaced.isEmpty ? "nothing was written\n" : replaced))
        } catch let error as GenerateError {
            context.writeError("error: \(error.description)\nnothing was written\n")
        } catch {
            context.writeError("error: \(FileErrorDescription.describe(error))\nnothing was written\n")
        }
        return ExitCode.failure
    }

    private static func render(_ schema: JSValue) -> String {
        (JSONOutput.stringify(schema, indent: 2) ?? "{}") + "\n"
    }
}
