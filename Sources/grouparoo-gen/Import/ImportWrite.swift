import ConfigModel
import Foundation

/// The writing half of `import`: leaves existing objects alone, renders the files, validates the
/// config they would make, then writes them all or nothing.
enum ImportWrite {
    struct Request {
        var directory: String
        var format: ImportFormat
        var overwrite: Bool
        var dryRun: Bool
    }

    static func run(_ converted: ImportConversion.Result, request: Request, context: CommandContext) -> Int32 {
        let paths = ReportPaths(workingDirectory: context.currentDirectory, configDirectory: request.directory)
        let display = { (path: String) in ControlCharacters.escaped(paths.display(path)) }
        let existing = ExistingConfig(directory: request.directory, environment: context.environment)
        let rendering: ImportRendering
        do { rendering = try ImportRendering(format: request.format, templates: .embedded) } catch {
            context.writeError("error: \(FileErrorDescription.describe(error))\nimport: nothing written\n")
            return ExitCode.failure
        }
        var files: [PlannedFile] = []
        var notices = converted.notices
        var leftAlone: [String] = []
        var keptObjects = 0
        var written = 0
        var plannedKeys = Set<String>()
        var plannedPaths = Set<String>()
        var writtenSecrets = Set<String>()
        for file in converted.files {
            let planned: PlannedFile
            do { planned = try rendering.file(file) } catch {
                context.writeError("error: cannot render \(file.id): \(FileErrorDescription.describe(error))\nimport: nothing written\n")
                return ExitCode.failure
            }
            let keys = file.objects.map(\.key)
            if let duplicate = keys.first(where: { plannedKeys.contains($0) }) ?? (plannedPaths.contains(planned.relativePath) ? keys[0] : nil) {
                notices.append("\(duplicate) is made twice (two live objects give the same id or file name, API-ID-05); only the first is \(request.dryRun ? "kept" : "written")")
                continue
            }
            let target = request.directory + "/" + planned.relativePath
            let clashes = keys.compactMap { key in existing.fileByKey[key].map { (key: key, file: $0) } }
            if let clash = clashes.first {
                let replaceable = request.overwrite && clashes.allSatisfy { $0.file == target }
                    && existing.keysByFile[target, default: []].isSubset(of: Set(keys))
                if !replaceable {
                    keptObjects += keys.count
                    leftAlone.append("\(clash.key) already exists in \(display(clash.file)); left alone"
                        + (request.overwrite ? " (its file holds other objects or has another name)" : " (use --overwrite to replace it)"))
                    continue
                }
            }
            plannedKeys.formUnion(keys)
            plannedPaths.insert(planned.relativePath)
            files.append(planned)
            for object in file.objects { ImportRendering.secretVariables(in: object.value, into: &writtenSecrets) }
            written += keys.count
        }
        // A re-import of a large instance would name every object; the first ones make the point.
        notices += leftAlone.prefix(20)
        if leftAlone.count > 20 { notices.append("… and \(leftAlone.count - 20) more objects that already exist were left alone") }
        for notice in notices { context.writeError("notice: \(ControlCharacters.escaped(notice))\n") }
        let variables = converted.secrets.filter { writtenSecrets.contains($0.variable) }.compactMap(rendering.environmentVariable)
        let envExample = EnvExample(directory: request.directory, variables: variables)

        let problems = ImportCheck.problems(files: files, request: request, secretVariables: converted.secrets.map(\.variable),
                                            context: context)
        if !problems.isEmpty {
            DiagnosticPrinter(context: context, relativeTo: context.currentDirectory).print(problems)
            context.writeError("error: the imported config would not validate (\(DiagnosticPrinter.counted(problems.count, "error")) above)\n"
                + "import: nothing written\n")
            return ExitCode.failure
        }
        let summary = summaryLine(written: written, converted: converted, kept: keptObjects, dryRun: request.dryRun)
        if request.dryRun {
            for file in files { context.write("would write \(display(request.directory + "/" + file.relativePath))\n") }
            if let path = envExample.path, !envExample.missing.isEmpty { context.write("would extend \(display(path))\n") }
            context.write("import (dry run): " + summary + "\n")
            return ExitCode.success
        }
        do {
            try SafeFileWriter(configDirectory: request.directory, overwrite: request.overwrite).writeStagingNewFolders(files)
        } catch let failure as WriteFailure {
            context.writeError("error: \(failure.message(display: display))\nimport: nothing written\n")
            return ExitCode.failure
        } catch {
            context.writeError("error: \(ControlCharacters.escaped(String(describing: error)))\nimport: nothing written\n")
            return ExitCode.failure
        }
        if let problem = envExample.write() {
            context.writeError("warning: \(ControlCharacters.escaped(problem)); add these variables yourself: \(envExample.missing.joined(separator: ", "))\n")
        } else if let path = envExample.path, !envExample.missing.isEmpty {
            context.writeError("note: set \(envExample.missing.joined(separator: ", ")) (listed in \(display(path)))\n")
        }
        context.write("import: " + summary + "\n")
        return ExitCode.success
    }

    /// `42 objects written, 7 skipped (locked by code config)`; a dry run says "to write".
    static func summaryLine(written: Int, converted: ImportConversion.Result, kept: Int, dryRun: Bool = false) -> String {
        var parts = ["\(DiagnosticPrinter.counted(written, "object")) \(dryRun ? "to write" : "written")"]
        var reasons: [(String, Int)] = []
        for reason in [ImportConversion.Skipped.Reason.lockedByCodeConfig, .notReady, .missingParent] {
            let count = converted.skipped.filter { $0.reason == reason }.count
            if count > 0 { reasons.append((reason.rawValue, count)) }
        }
        if kept > 0 { reasons.append(("already in the config directory", kept)) }
        for (reason, count) in reasons { parts.append("\(count) skipped (\(reason))") }
        return parts.joined(separator: ", ")
    }
}

/// What the config directory already defines: which file holds each (class, id).
struct ExistingConfig {
    var fileByKey: [String: String] = [:]
    var keysByFile: [String: Set<String>] = [:]

    init(directory: String, environment: [String: String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let read = ConfigReader(options: ReaderOptions(environment: environment)).readDirectory(at: directory)
        for object in PlainConfigObject.objects(of: read) {
            guard let file = object.file else { continue }
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            if fileByKey[object.key] == nil { fileByKey[object.key] = path }
            keysByFile[path, default: []].insert(object.key)
        }
    }
}
