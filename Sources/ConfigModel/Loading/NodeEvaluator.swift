import Foundation

/// `--evaluator node`: runs one file in its own Node process, exactly as Grouparoo's
/// loader would `require` it, with stdin closed and a timeout. Used only when asked for.
enum NodeEvaluator {
    /// Applies the loader's steps (R-LOAD-06..09) inside Node and writes the objects as JSON to the
    /// file named by the second argument. A file, not stdout: config code may print, and may leave
    /// timers running, so the script exits explicitly once the result is written.
    private static let script = """
        const fs = require("fs");
        const [file, resultFile] = process.argv.slice(1);
        (async () => {
          let payload = require(file);
          const keys = Object.keys(payload);
          if (keys.length === 1 && keys[0] === "default") payload = payload.default;
          if (typeof payload === "function") payload = await payload({});
          const objects = Array.isArray(payload) ? payload : [payload];
          const nullish = objects.filter((o) => o === null || o === undefined).length;
          const kept = objects.filter((o) => o && Object.keys(o).length > 0);
          fs.writeFileSync(resultFile, JSON.stringify({ nullish, evaluated: objects, objects: kept }));
          process.exit(0);
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

    /// Node gives no positions: every value points at `start`, the file's first position as the reader spans it
    /// (from the text, so it also says whether the file starts with a literal).
    static func evaluate(path: String, start: SourceSpan, timeout: Double, environment: [String: String]) -> FileReadResult {
        var result = FileReadResult(path: path)
        func fail(_ message: String) -> FileReadResult {
            result.diagnostics.append(Diagnostic(severity: .error, problem: .nodeEvaluationError, message: message,
                                                 span: .wholeFile(path)))
            return result
        }
        guard let node = nodeExecutable(environment: environment) else {
            return fail("`node` was not found on PATH; install Node.js or use --evaluator static")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("grouparoo-gen-node-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let resultFile = scratch.appendingPathComponent("result.json")
        let errorFile = scratch.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script, path, resultFile.path]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: path).deletingLastPathComponent()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard let errorHandle = try? FileHandle(forWritingTo: errorFile) else { return fail("could not create a scratch file for node") }
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            return fail("could not start node: \(error.localizedDescription)")
        }
        let timedOut = Watchdog(process: process, timeout: timeout)
        process.waitUntilExit()
        timedOut.cancel()
        if timedOut.fired {
            return fail("node did not finish within \(Int(timeout)) seconds")
        }
        let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = String(decoding: stderr.prefix(4000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return fail("node failed to load this file: \(message.isEmpty ? "exit status \(process.terminationStatus)" : message)")
        }
        guard let stdout = try? Data(contentsOf: resultFile) else {
            return fail("node ended without a result: the exported function's promise never settled, "
                + "or the file ended the process itself (process.exit)")
        }
        let (value, diagnostics) = JSON5.parse([UInt8](stdout), file: path)
        guard case .object(let report)? = value?.value, case .array(let objects)? = report["objects"]?.value else {
            return fail("node's result could not be read: \(diagnostics.first?.message ?? "empty")")
        }
        result.objects = objects.map { $0.relocated(to: start) }
        if case .array(let evaluated)? = report["evaluated"]?.value {
            result.evaluated = evaluated.map { $0.relocated(to: start) }
        }
        if case .number(let nullish)? = report["nullish"]?.value, nullish > 0 {
            result.diagnostics.append(Diagnostic(
                severity: .error, problem: .nullConfigObject,
                message: "this file returns \(Int(nullish)) null or undefined top-level config objects",
                span: .wholeFile(path),
                grouparooMessage: "The file `\(path)` has \(Int(nullish)) null or undefined top-level config objects"))
        }
        return result
    }
}

/// Stops a process that runs too long: SIGTERM at the deadline, SIGKILL two seconds later
/// (a file may ignore SIGTERM).
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var didFire = false

    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didFire
    }

    init(process: Process, timeout: Double) {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in
            guard begin() else { return }
            kill(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
                if !isCancelled { kill(pid, SIGKILL) }
            }
        }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Marks the watchdog as fired unless the process already finished.
    private func begin() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return false }
        didFire = true
        return true
    }
}
