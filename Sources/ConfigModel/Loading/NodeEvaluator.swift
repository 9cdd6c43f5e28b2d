import Foundation

/// `--evaluator node`: runs one file in its own Node process, exactly as Grouparoo's
/// loader would `require` it, with stdin closed and a timeout. Used only when asked for.
enum NodeEvaluator {
    /// Applies the loader's steps (R-LOAD-06..09) inside Node and prints the objects as JSON.
    private static let script = """
        const file = process.argv[1];
        (async () => {
          let payload = require(file);
          const keys = Object.keys(payload);
          if (keys.length === 1 && keys[0] === "default") payload = payload.default;
          if (typeof payload === "function") payload = await payload({});
          const objects = Array.isArray(payload) ? payload : [payload];
          const nullish = objects.filter((o) => o === null || o === undefined).length;
          const kept = objects.filter((o) => o && Object.keys(o).length > 0);
          process.stdout.write(JSON.stringify({ nullish, evaluated: objects, objects: kept }));
        })().catch((error) => {
          process.stderr.write(String((error && error.message) || error));
          process.exit(3);
        });
        """

    static func nodeExecutable(environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/node"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func evaluate(path: String, timeout: Double, environment: [String: String]) -> FileReadResult {
        var result = FileReadResult(path: path)
        func fail(_ message: String) -> FileReadResult {
            result.diagnostics.append(Diagnostic(severity: .error, ruleID: "node-evaluation-error", message: message,
                                                 span: .wholeFile(path)))
            return result
        }
        guard let node = nodeExecutable(environment: environment) else {
            return fail("`node` was not found on PATH; install Node.js or use --evaluator static")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script, path]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: path).deletingLastPathComponent()
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return fail("could not start node: \(error.localizedDescription)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        if process.terminationReason == .uncaughtSignal {
            return fail("node did not finish within \(Int(timeout)) seconds")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return fail("node failed to load this file: \(message)")
        }
        let (value, diagnostics) = JSON5.parse([UInt8](stdout), file: path)
        guard case .object(let report)? = value?.value, case .array(let objects)? = report["objects"]?.value else {
            return fail("node printed something unexpected: \(diagnostics.first?.message ?? "no output")")
        }
        result.objects = objects.map { LocatedValue($0.value, span: .wholeFile(path)) }
        if case .array(let evaluated)? = report["evaluated"]?.value {
            result.evaluated = evaluated.map { LocatedValue($0.value, span: .wholeFile(path)) }
        }
        if case .number(let nullish)? = report["nullish"]?.value, nullish > 0 {
            result.diagnostics.append(Diagnostic(
                severity: .error, ruleID: "null-config-object",
                message: "this file returns \(Int(nullish)) null or undefined top-level config objects",
                span: .wholeFile(path),
                grouparooMessage: "The file `\(path)` has \(Int(nullish)) null or undefined top-level config objects"))
        }
        return result
    }
}
