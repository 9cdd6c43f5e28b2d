import Foundation

/// Evaluates `.js` modules statically and resolves `require("./relative")`
/// between them, caching each module like Node's require cache.
final class ModuleLoader {
    /// A module as loaded, with the environment reads its evaluation made (and its own requires'): every file
    /// requiring it gets them, cached or not, so what a file reports does not depend on which files were read before.
    private enum CacheEntry {
        case loading
        case loaded(LocatedValue, JSEvaluator?, reads: [EnvironmentRead])
        case failed(ReadError, reads: [EnvironmentRead])
    }

    let context: EvaluationContext
    private var cache: [String: CacheEntry] = [:]
    /// Unsaved editor buffers that take the place of files on disk (`ReaderOptions.overlay`).
    private let overlay: [String: [UInt8]]
    /// The JSON5 reader's room, reused by every `.json` file this loader's worker reads.
    let json5Scratch = JSON5Scratch()
    /// The JavaScript parser's room, reused by every `.js` file this loader's worker reads.
    private let parserScratch = JSParserScratch()

    init(environment: [String: String], overlay: [String: [UInt8]] = [:]) {
        self.overlay = overlay
        context = EvaluationContext(environment: environment)
        context.requireModule = { [unowned self] specifier, fromFile throws(ReadError) in
            try self.require(specifier, from: fromFile)
        }
    }

    /// Evaluates a config `.js` file and returns its exports plus the evaluator (kept for calling a payload function).
    /// `consuming`: the evaluator takes the caller's `source`, so only the parser needs a copy (a retain per buffer).
    func evaluateModule(_ source: consuming SourceText) throws(ReadError) -> (LocatedValue, JSEvaluator) {
        do {
            let statements = try JSParser.parseProgram(copy source, scratch: parserScratch)
            let evaluator = JSEvaluator(source: source, context: context)
            return (try evaluator.evaluateModule(statements), evaluator)
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(.runtime, "\(error)", at: TextPosition(line: 1, column: 1))
        }
    }

    /// Releases every cached module (each evaluator breaks its cycles as it goes); their function values can no
    /// longer be called afterwards.
    func finish() {
        cache.removeAll()
    }

    private func require(_ specifier: String, from file: String) throws(ReadError) -> LocatedValue {
        let base = URL(fileURLWithPath: file).deletingLastPathComponent()
        let target = base.appendingPathComponent(specifier).standardizedFileURL.path
        guard let resolved = ModuleLoader.resolve(target, overlay: overlay) else {
            throw ReadError(.runtime, "Error: Cannot find module '\(specifier)'", at: TextPosition(line: 1, column: 1))
        }
        switch cache[resolved] {
        case .loading?:
            throw ReadError(.unsupported, "circular require(\"\(specifier)\")", at: TextPosition(line: 1, column: 1))
        case .loaded(let value, _, let reads)?:
            context.noteEnvironmentReads(reads)
            return value
        case .failed(let error, let reads)?:
            context.noteEnvironmentReads(reads)
            throw error
        case nil:
            break
        }
        cache[resolved] = .loading
        let (result, reads) = loadNotingReads(resolved)
        switch result {
        case .success(let (value, evaluator)):
            cache[resolved] = .loaded(value, evaluator, reads: reads)
            return value
        case .failure(var error):
            if error.file == nil { error.file = resolved }
            cache[resolved] = .failed(error, reads: reads)
            throw error
        }
    }

    /// Loads a module and notes the environment reads it made, which it also returns: with fallbacks only of the
    /// module's own code, as the requiring file's (`process.env.B || require(…)`) are added wherever they are noted.
    private func loadNotingReads(_ path: String) -> (Result<(LocatedValue, JSEvaluator?), ReadError>, [EnvironmentRead]) {
        let earlier = context.takeEnvironmentReads()
        let muted = context.environmentWarningsMuted
        context.environmentWarningsMuted = 0
        let result = ModuleLoader.load(path, with: self)
        let reads = context.takeEnvironmentReads()
        context.noteEnvironmentReads(earlier)  // as they were: nothing is muted here
        context.environmentWarningsMuted = muted
        context.noteEnvironmentReads(reads)
        return (result, reads)
    }

    private static func load(_ path: String, with loader: ModuleLoader) -> Result<(LocatedValue, JSEvaluator?), ReadError> {
        guard let data = loader.overlay[path] ?? FileBytes.contents(of: path) else {
            return .failure(ReadError(.runtime, "cannot read \(path)", at: TextPosition(line: 1, column: 1), file: path))
        }
        // Invalid UTF-8 is read as Node reads it; the file's own read warns about it.
        let source = SourceText.decodeReplacingInvalid(data, file: path).text
        if path.hasSuffix(".json") {
            var parser = JSON5Parser(source: source, scratch: loader.json5Scratch)
            do {
                return .success((try parser.parseDocument(), nil))
            } catch let error as ReadError {
                return .failure(ReadError(error.kind, error.message, at: error.position, file: path))
            } catch {
                return .failure(ReadError(.syntax, "\(error)", at: TextPosition(line: 1, column: 1), file: path))
            }
        }
        do {
            let (value, evaluator) = try loader.evaluateModule(source)
            return .success((value, evaluator))
        } catch {
            return .failure(error)
        }
    }

    /// Node's file resolution for a relative request: the path itself, then `.js`, `.json`, then `index.*`.
    static func resolve(_ path: String, overlay: [String: [UInt8]] = [:]) -> String? {
        let candidates = [path, path + ".js", path + ".json", path + "/index.js", path + "/index.json"]
        for candidate in candidates {
            if overlay[candidate] != nil { return candidate }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }
}
