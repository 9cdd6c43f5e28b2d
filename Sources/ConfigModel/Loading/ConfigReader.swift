import Foundation

/// Which engine turns a config file into values.
public enum EvaluatorKind: String, Sendable, CaseIterable {
    /// Our own static evaluator: never executes anything.
    case `static`
    /// Node.js, run per file exactly as Grouparoo's loader would; only when asked for.
    case node
}

/// Settings for reading a config directory.
public struct ReaderOptions: Sendable {
    /// Values `process.env.NAME` reads. Callers pass the real environment merged with `--env-file`.
    public var environment: [String: String]
    public var evaluator: EvaluatorKind
    /// Seconds a Node evaluation may take before it is stopped.
    public var nodeTimeout: Double
    /// The variables `.env.example` declares: provided where the config runs, value unknown here.
    /// Nil when there is no such file.
    public var exampleVariables: Set<String>?
    /// How messages name the example file, e.g. `.env.example`.
    public var exampleName = ".env.example"
    /// File contents that take the place of the files on disk (an editor's unsaved buffers), by absolute path.
    public var overlay: [String: [UInt8]] = [:]

    public init(environment: [String: String] = [:], evaluator: EvaluatorKind = .static, nodeTimeout: Double = 30,
                exampleVariables: Set<String>? = nil) {
        self.environment = environment
        self.evaluator = evaluator
        self.nodeTimeout = nodeTimeout
        self.exampleVariables = exampleVariables
    }
}

/// What one file evaluated to, with everything that went wrong reading it.
public struct FileReadResult: Sendable {
    public var path: String
    /// What the file evaluates to: its top-level list (R-LOAD-06..08), before empty and
    /// null entries are dropped. This is what `dump` prints and what Node would print.
    public var evaluated: [LocatedValue] = []
    /// The config objects Grouparoo goes on to process: `evaluated` without null, undefined
    /// and key-less entries (R-LOAD-09).
    public var objects: [LocatedValue]
    public var diagnostics: [Diagnostic]
    /// True when the file is valid JavaScript we cannot evaluate without running it.
    public var needsNode: Bool
    /// Every `process.env` read while evaluating this file and the files it requires (also when they come from the
    /// require cache).
    public var environmentReads: [EnvironmentRead] = []
    /// The `// grouparoo-gen-disable-…` comments written in this file.
    public var suppressions: [SuppressionComment] = []

    public init(path: String, objects: [LocatedValue] = [], diagnostics: [Diagnostic] = [], needsNode: Bool = false) {
        self.path = path
        self.objects = objects
        self.diagnostics = diagnostics
        self.needsNode = needsNode
    }
}

/// What a whole config directory evaluated to.
public struct ConfigReadResult: Sendable {
    public var directory: String
    public var files: [FileReadResult]

    public var objects: [LocatedValue] { files.flatMap(\.objects) }
    public var diagnostics: [Diagnostic] { Self.gathered(files) { $0.diagnostics } }
    /// Every `// grouparoo-gen-disable-…` comment, file after file.
    public var suppressions: [SuppressionComment] { Self.gathered(files) { $0.suppressions } }

    /// Each file's list, one after another. Most files' lists are empty and are passed over (`flatMap` appended
    /// each, and appending an empty list to the empty result made a new buffer every time).
    private static func gathered<Item>(_ files: [FileReadResult], _ list: (FileReadResult) -> [Item]) -> [Item] {
        var all: [Item] = []
        for file in files {
            let items = list(file)
            if !items.isEmpty { all += items }
        }
        return all
    }
}

/// Reads Grouparoo config files the way Grouparoo's loader does (rules R-LOAD-01..09),
/// evaluating JavaScript statically. Reading never writes anything.
public struct ConfigReader: Sendable {
    public let options: ReaderOptions

    public init(options: ReaderOptions = ReaderOptions()) {
        self.options = options
    }

    /// Every `*.js` and `*.json` file under `path` in Grouparoo's order, each evaluated.
    public func readDirectory(at path: String) -> ConfigReadResult {
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        let options = self.options
        // Files are independent, so they are read on every core, each worker with its own require cache, as soon as
        // the walk lists them; this thread works out glob's order once the walk is done.
        var results = LargeStack.mapWhileProducing(
            makeState: {
                (loader: ModuleLoader(environment: options.environment, overlay: options.overlay), buffer: FileBytes.ReadBuffer(),
                 directory: ConfigFileFinder.CurrentDirectory())
            },
            finish: { $0.loader.finish(); $0.directory.finish() },
            produce: { publish in ConfigFileFinder.walk(root, publish: publish) },
            order: { listed in GlobOrder.order(listed.joined().map(\.path), rootLength: root.utf8.count) }
        ) { file, state in
            guard let problem = file.problem else {
                return ConfigReader.read(path: file.path, listedAsRegularFile: file.listedAsRegularFile,
                                         name: state.directory.name(of: file),
                                         buffer: state.buffer, loader: state.loader, options: options)
            }
            let diagnostic = Diagnostic(severity: file.severity, problem: .unreadableFile, message: problem,
                                        span: .wholeFile(file.path))
            return FileReadResult(path: file.path, diagnostics: [diagnostic])
        }
        ConfigReader.removeRepeats(in: &results)
        return ConfigReadResult(directory: root, files: results)
    }

    public func readFile(at path: String) -> FileReadResult {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let options = self.options
        return LargeStack.run {
            let loader = ModuleLoader(environment: options.environment, overlay: options.overlay)
            defer { loader.finish() }
            return ConfigReader.read(path: absolute, loader: loader, options: options)
        }
    }

    /// Evaluates in-memory contents as if they were the file at `path` (its extension picks JSON5 or JavaScript).
    public func read(contents: [UInt8], path: String) -> FileReadResult {
        let options = self.options
        return LargeStack.run {
            let loader = ModuleLoader(environment: options.environment, overlay: options.overlay)
            defer { loader.finish() }
            return ConfigReader.evaluate(contents: contents, path: path, loader: loader, options: options)
        }
    }

    private static func read(path: String, listedAsRegularFile: Bool = false, name: FileBytes.NameInDirectory? = nil,
                             buffer: FileBytes.ReadBuffer? = nil, loader: ModuleLoader, options: ReaderOptions) -> FileReadResult {
        if let overlaid = options.overlay[path] { return evaluate(contents: overlaid, path: path, loader: loader, options: options) }
        switch FileBytes.bytes(of: path, listedAsRegularFile: listedAsRegularFile, buffer: buffer, name: name) {
        case .success(let data):
            return evaluate(contents: data, path: path, loader: loader, options: options)
        case .failure(let failure):
            let diagnostic = Diagnostic(severity: .error, problem: .unreadableFile,
                                        message: "cannot read this file (\(failure.reason))", span: .wholeFile(path))
            return FileReadResult(path: path, diagnostics: [diagnostic])
        }
    }

    private static func evaluate(contents: [UInt8], path: String, loader: ModuleLoader, options: ReaderOptions) -> FileReadResult {
        var result = FileReadResult(path: path)
        evaluate(contents: contents, into: &result, loader: loader, options: options)
        return result  // read into place below and moved out: returned from the reading function, it was copied once more
    }

    private static func evaluate(contents: [UInt8], into result: inout FileReadResult, loader: ModuleLoader,
                                 options: ReaderOptions) {
        let path = result.path
        loader.context.startFile()
        let (source, firstInvalid) = SourceText.decodeReplacingInvalid(contents, file: path)
        result.suppressions = source.suppressionComments()
        if let firstInvalid {
            result.diagnostics.append(Diagnostic(
                severity: .warning, problem: .invalidUTF8,
                message: "this file is not valid UTF-8 (the first bad byte is here); Node reads each invalid byte sequence as U+FFFD (�) "
                    + "and loads the file, and so do we",
                span: SourceSpan(file: path, start: firstInvalid, end: firstInvalid)))
        }
        // Taken now, so that the evaluator below is handed `source` rather than a copy (a retain for each of its buffers).
        let nodeStart = options.evaluator == .node ? source.span(0, 0) : nil
        do {
            let payload: LocatedValue
            if SourceText.isJSONPath(path) {
                payload = try unwrapDefault(jsonPayload(consume source, scratch: loader.json5Scratch))
            } else {
                let (exports, evaluator) = try loader.evaluateModule(consume source)
                payload = try callIfFunction(unwrapDefault(exports), evaluator: evaluator)
            }
            let (evaluated, objects, nullish) = topLevelObjects(payload)
            result.evaluated = evaluated
            result.objects = objects
            if nullish > 0 {
                result.diagnostics.append(nullObjectsDiagnostic(count: nullish, path: path, span: payload.span))
            }
        } catch let error as ReadError {
            if error.kind == .unsupported, let nodeStart {
                let before = result
                result = NodeEvaluator.evaluate(path: path, start: nodeStart, timeout: options.nodeTimeout,
                                                environment: options.environment)
                result.suppressions = before.suppressions
                result.diagnostics = before.diagnostics + result.diagnostics
            } else {
                result.diagnostics.append(error.diagnostic(file: path))
                result.needsNode = error.kind == .unsupported
            }
        } catch {
            result.diagnostics.append(Diagnostic(severity: .error, problem: .evaluationError, message: "\(error)",
                                                 span: .wholeFile(path)))
        }
        result.environmentReads = loader.context.takeEnvironmentReads()
        let environmentProblems = EnvironmentChecks.diagnostics(for: result.environmentReads, declared: options.exampleVariables,
                                                                exampleName: options.exampleName)
        if !environmentProblems.isEmpty { result.diagnostics.insert(contentsOf: environmentProblems, at: 0) }
    }

    /// How the read is written in JavaScript: `process.env.NAME`, or `process.env["A B"]` for other names.
    static func environmentRead(_ name: String) -> String {
        let isIdentifier = !name.isEmpty && name.unicodeScalars.enumerated().allSatisfy { index, scalar in
            index == 0 ? JSLexer.isIdentifierStart(scalar) : JSLexer.isIdentifierPart(scalar)
        }
        return isIdentifier ? "process.env.\(name)" : "process.env[\(JSONOutput.quoted(name))]"
    }

    /// R-LOAD-04: JSON is parsed only when the trimmed text contains `{`; otherwise the file contributes nothing.
    private static func jsonPayload(_ source: consuming SourceText, scratch: JSON5Scratch) throws -> LocatedValue {
        guard ByteScan.contains(openingBrace, in: source.bytes) else {
            return LocatedValue(.object(JSObject()), span: source.span(0, 0))
        }
        var parser = JSON5Parser(source: source, scratch: scratch)
        return try parser.parseDocument()
    }

    private static let openingBrace = [UInt8(ascii: "{")]

    /// R-LOAD-06: a payload whose only key is `default` is replaced by that value.
    private static func unwrapDefault(_ payload: LocatedValue) throws -> LocatedValue {
        switch payload.value {
        case .undefined, .null:
            throw ReadError(.runtime, "TypeError: Cannot convert undefined or null to object (the file exports "
                + "\(payload.value.isNull ? "null" : "undefined"))", at: payload.span.start)
        case .object(let object) where object.count == 1 && object.properties[0].key == "default":
            return object.properties[0].value
        default:
            return payload
        }
    }

    /// R-LOAD-07: a function payload is called (and awaited) with Grouparoo's runtime config.
    private static func callIfFunction(_ payload: LocatedValue, evaluator: JSEvaluator) throws -> LocatedValue {
        guard case .function(let function) = payload.value else { return payload }
        return try evaluator.callWithHostArgument(function)
    }

    /// R-LOAD-08/09: arrays are the list of objects, anything else is one object; values with no own keys are dropped.
    static func topLevelObjects(_ payload: LocatedValue) -> (evaluated: [LocatedValue], objects: [LocatedValue], nullish: Int) {
        let candidates: [LocatedValue]
        if case .array(let elements) = payload.value { candidates = elements } else { candidates = [payload] }
        let nullish = candidates.reduce(0) { $0 + ($1.value.isNullish ? 1 : 0) }
        // Usually every candidate is kept: then one array serves both (every file's result stays alive until the end).
        if candidates.allSatisfy(isKept) { return (candidates, candidates, nullish) }
        return (candidates, candidates.filter(isKept), nullish)
    }

    private static func isKept(_ candidate: LocatedValue) -> Bool {
        guard JSConversions.toBoolean(candidate.value) else { return false }
        switch candidate.value {
        case .object(let object): return !object.isEmpty
        case .array(let elements): return !elements.isEmpty
        case .string(let text): return !text.isEmpty
        default: return false
        }
    }

    private static func nullObjectsDiagnostic(count: Int, path: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(severity: .error, problem: .nullConfigObject,
                   message: "this file returns \(count) null or undefined top-level config object\(count == 1 ? "" : "s"); "
                       + "Grouparoo stops loading all config when it sees one",
                   span: span,
                   grouparooMessage: "The file `\(path)` has \(count) null or undefined top-level config objects")
    }
}
