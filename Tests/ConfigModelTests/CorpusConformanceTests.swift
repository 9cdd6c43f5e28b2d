import Foundation
import XCTest
@testable import ConfigModel

/// Compares what the static reader makes of every real config file in
/// `../shared/corpus/config` with what Node produced for the same file using
/// Grouparoo's loader semantics (`../shared/corpus/expected/<path>.json`).
///
/// The shared folder is optional: when it is missing these tests skip.
final class CorpusConformanceTests: XCTestCase {

    /// One row of `corpus/INDEX.json`.
    private struct IndexEntry: Decodable {
        var corpus: String
        var kind: String
        var eval: String
        var duplicate_of: String?
    }

    private func loadIndex() throws -> (corpus: URL, entries: [IndexEntry]) {
        let shared = try ConformanceSupport.sharedDirectory()
        let corpus = shared.appendingPathComponent("corpus")
        let indexURL = corpus.appendingPathComponent("INDEX.json")
        guard FileManager.default.fileExists(atPath: indexURL.path) else {
            throw XCTSkip("no corpus index at \(indexURL.path)")
        }
        let entries = try JSONDecoder().decode([IndexEntry].self, from: Data(contentsOf: indexURL))
        XCTAssertFalse(entries.isEmpty, "corpus index is empty")
        return (corpus, entries)
    }

    private func isFragment(_ entry: IndexEntry) -> Bool {
        entry.kind.contains("fragment") || entry.eval.hasPrefix("skipped")
    }

    // MARK: - Files Node evaluated

    func testEveryEvaluableCorpusFileMatchesNode() throws {
        let (corpus, entries) = try loadIndex()
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))

        var equal = 0
        var needsNode: [String] = []
        var mismatches: [String] = []
        var fragments = 0
        var withoutExpected = 0
        var loaderErrors: [String] = []
        for entry in entries {
            if isFragment(entry) { fragments += 1; continue }
            guard entry.eval == "ok" else { continue }
            let file = corpus.appendingPathComponent("config").appendingPathComponent(entry.corpus)
            let expectedURL = corpus.appendingPathComponent("expected").appendingPathComponent(entry.corpus + ".json")
            guard FileManager.default.fileExists(atPath: expectedURL.path) else {
                withoutExpected += 1
                continue
            }
            let expectedAny = try JSONSerialization.jsonObject(
                with: Data(contentsOf: expectedURL), options: [.fragmentsAllowed])
            guard let expected = JSValue.fromJSON(expectedAny) else {
                mismatches.append("\(entry.corpus): expected file could not be converted to a JSValue")
                continue
            }
            // The expected lists keep top-level null/undefined objects (as null), like `evaluated`;
            // the reader must also report them (R-LOAD-09).
            var expectedNullish = 0
            if case .array(let items) = expected {
                expectedNullish = items.filter { if case .null = $0.value { return true } else { return false } }.count
            }

            let result = reader.readFile(at: file.path)
            if result.needsNode {
                let why = result.diagnostics.first(where: { $0.ruleID == "needs-node" })?.message ?? "(no needs-node diagnostic)"
                needsNode.append("\(entry.corpus): \(why)")
                continue
            }
            // Loader-level errors (e.g. R-LOAD-09 null objects) are fine: Node reports
            // them too and the expected output holds what is left. A syntax error is not.
            let syntaxErrors = result.diagnostics.filter { $0.ruleID == "syntax-error" }
            if let first = syntaxErrors.first {
                mismatches.append("\(entry.corpus): Node evaluates this file, we report a syntax error: "
                    + "\(first.span.map(\.description) ?? "?") \(first.message)")
                continue
            }
            if let unexpected = result.diagnostics.first(where: { $0.severity == .error }) {
                loaderErrors.append("\(entry.corpus): [\(unexpected.ruleID)] \(unexpected.message)")
            }
            if expectedNullish > 0,
               !result.diagnostics.contains(where: { $0.severity == .error && $0.ruleID.contains("null") }) {
                mismatches.append("\(entry.corpus): \(expectedNullish) null/undefined top-level objects were not reported")
                continue
            }

            let actual = JSValue.array(result.evaluated)
            if actual.semanticallyEquals(expected) {
                equal += 1
            } else {
                let difference = ConformanceSupport.firstDifference(expected: expected, actual: actual)
                    ?? "semanticallyEquals is false, but no structural difference was found"
                mismatches.append("\(entry.corpus): \(difference)")
            }
        }

        print("""
            [corpus] compared \(equal + needsNode.count + mismatches.count) files: \
            equal \(equal), needs-node \(needsNode.count), mismatches \(mismatches.count), crashes 0 \
            (a crash aborts this run); fragments skipped \(fragments), ok without expected file \(withoutExpected)
            """)
        for line in needsNode { print("[corpus] needs-node: \(line)") }
        for line in loaderErrors { print("[corpus] loader error (objects still compared): \(line)") }
        for line in mismatches { print("[corpus] MISMATCH: \(line)") }

        XCTAssertGreaterThan(equal, 0, "no corpus file matched; is the reader wired up?")
        XCTAssertEqual(withoutExpected, 0, "INDEX lists evaluable files that have no expected output")
        XCTAssertEqual(mismatches.count, 0, "corpus mismatches:\n" + mismatches.joined(separator: "\n"))
    }

    // MARK: - Files Node could not evaluate

    /// Node failed on these files either because they are not valid JavaScript
    /// (copied from prose, smart quotes, missing commas) or because they need code we
    /// must not run (`require` of an npm package, `fetch`). Neither may crash us, the
    /// first kind must be a syntax error, the second must ask for Node.
    func testFilesNodeCouldNotEvaluateAreReported() throws {
        let (corpus, entries) = try loadIndex()
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        let syntaxMarkers = ["Unexpected token", "Unexpected identifier", "Invalid or unexpected token",
                             "Unexpected string", "Unexpected number", "Unexpected end of input", "missing ) after"]

        var asSyntaxError = 0
        var asNeedsNode = 0
        var wrong: [String] = []

        for entry in entries where entry.eval.hasPrefix("FAIL") && !isFragment(entry) {
            let file = corpus.appendingPathComponent("config").appendingPathComponent(entry.corpus)
            let expectedURL = corpus.appendingPathComponent("expected").appendingPathComponent(entry.corpus + ".json")
            XCTAssertFalse(FileManager.default.fileExists(atPath: expectedURL.path),
                           "\(entry.corpus) failed in Node but has an expected file")

            let result = reader.readFile(at: file.path)
            let syntaxErrors = result.diagnostics.filter { $0.ruleID == "syntax-error" && $0.severity == .error }
            let isSyntaxFailure = syntaxMarkers.contains { entry.eval.contains($0) }

            if isSyntaxFailure {
                if let first = syntaxErrors.first, !result.needsNode {
                    asSyntaxError += 1
                    XCTAssertNotNil(first.span, "\(entry.corpus): syntax error without a position")
                    XCTAssertTrue(result.objects.isEmpty, "\(entry.corpus): objects produced from a file that does not parse")
                } else {
                    wrong.append("\(entry.corpus): Node says \"\(entry.eval)\", expected a syntax-error; got needsNode=\(result.needsNode), "
                        + "diagnostics \(result.diagnostics.map { "[\($0.ruleID)] \($0.message)" })")
                }
            } else {
                if result.needsNode, syntaxErrors.isEmpty {
                    asNeedsNode += 1
                    let needs = result.diagnostics.filter { $0.ruleID == "needs-node" }
                    XCTAssertFalse(needs.isEmpty, "\(entry.corpus): needsNode without a needs-node diagnostic")
                    XCTAssertTrue(needs.allSatisfy { $0.span != nil }, "\(entry.corpus): needs-node diagnostic without a position")
                } else {
                    wrong.append("\(entry.corpus): Node says \"\(entry.eval)\", expected needs-node; got needsNode=\(result.needsNode), "
                        + "\(result.objects.count) objects, diagnostics \(result.diagnostics.map { "[\($0.ruleID)] \($0.message)" })")
                }
            }
        }

        print("[corpus] files Node could not evaluate: syntax-error \(asSyntaxError), needs-node \(asNeedsNode), wrong \(wrong.count)")
        for line in wrong { print("[corpus] WRONG: \(line)") }
        XCTAssertGreaterThan(asSyntaxError + asNeedsNode, 0)
        XCTAssertEqual(wrong.count, 0, wrong.joined(separator: "\n"))
    }

    // MARK: - Whole directory

    /// Reading the whole corpus as one config directory must visit exactly the files
    /// Grouparoo's glob would (R-LOAD-01: `*.js`/`*.json` at any depth, no dot names),
    /// and each file must give the same objects as reading it alone. (The exact order,
    /// glob's `localeCompare`, is left to the reader's own unit tests.)
    func testReadingTheCorpusAsOneDirectory() throws {
        let (corpus, _) = try loadIndex()
        let root = corpus.appendingPathComponent("config")
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        let result = reader.readDirectory(at: root.path)

        let expectedFiles = ConformanceSupport.configFiles(under: root)
        let readFiles = result.files.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path }
        XCTAssertEqual(Set(readFiles), Set(expectedFiles), "files read differ from R-LOAD-01's selection")
        XCTAssertEqual(readFiles.count, expectedFiles.count)

        var compared = 0
        for file in result.files.prefix(200) where !file.needsNode {
            let alone = reader.readFile(at: file.path)
            XCTAssertTrue(JSValue.array(file.objects).semanticallyEquals(.array(alone.objects)),
                          "\(file.path): directory read and single-file read differ")
            compared += 1
        }
        print("[corpus] directory read: \(result.files.count) files, \(result.objects.count) objects, "
            + "\(result.diagnostics.count) diagnostics; \(compared) files re-read alone and compared")
    }
}

/// Helpers shared by the conformance tests in this target.
enum ConformanceSupport {
    /// The package root, found from this source file's location.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ConfigModelTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
    }

    /// `<package root>/../shared`, or a skip when it is absent.
    static func sharedDirectory() throws -> URL {
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XCTSkip("\(shared.path) is not present; conformance data unavailable")
        }
        return shared
    }

    /// Every `*.js`/`*.json` file below `root`, skipping names that start with a dot
    /// anywhere in the path, as standardized absolute paths.
    static func configFiles(under root: URL) -> [String] {
        var found: [String] = []
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard name.hasSuffix(".js") || name.hasSuffix(".json") else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            found.append(url.standardizedFileURL.path)
        }
        return found
    }

    /// A span for values built by tests.
    static func located(_ value: JSValue) -> LocatedValue {
        LocatedValue(value, span: .wholeFile("<test>"))
    }

    /// What `JSON.stringify` keeps of a value: `undefined` and functions vanish from
    /// objects and become `null` in arrays; nil means "not serialised at all".
    static func jsonView(_ value: JSValue) -> JSValue? {
        switch value {
        case .undefined, .function:
            return nil
        case .number(let number) where !number.isFinite:
            return .null
        case .array(let items):
            return .array(items.map { located(jsonView($0.value) ?? .null) })
        case .object(let object):
            var copy = JSObject()
            for property in object.properties {
                if let kept = jsonView(property.value.value) {
                    copy.set(property.key, located(kept))
                }
            }
            return .object(copy)
        default:
            return value
        }
    }

    /// The first place where `actual` differs from `expected`, as seen through
    /// `JSON.stringify`, with object key order ignored. Nil when they agree.
    static func firstDifference(expected: JSValue, actual: JSValue, path: String = "$") -> String? {
        let lhs = jsonView(expected) ?? .undefined
        let rhs = jsonView(actual) ?? .undefined
        return difference(lhs, rhs, path)
    }

    private static func difference(_ expected: JSValue, _ actual: JSValue, _ path: String) -> String? {
        switch (expected, actual) {
        case (.null, .null), (.undefined, .undefined):
            return nil
        case (.boolean(let a), .boolean(let b)):
            return a == b ? nil : "\(path): expected \(a), got \(b)"
        case (.number(let a), .number(let b)):
            return a == b || (a.isNaN && b.isNaN) ? nil : "\(path): expected \(render(expected)), got \(render(actual))"
        case (.string(let a), .string(let b)):
            return a == b ? nil : "\(path): expected \(render(expected)), got \(render(actual))"
        case (.array(let a), .array(let b)):
            for index in 0..<min(a.count, b.count) {
                if let found = difference(a[index].value, b[index].value, "\(path)[\(index)]") { return found }
            }
            if a.count != b.count {
                let extra = a.count < b.count ? "first extra item: \(render(b[a.count].value))" : "first missing item: \(render(a[b.count].value))"
                return "\(path): expected \(a.count) items, got \(b.count); \(extra)"
            }
            return nil
        case (.object(let a), .object(let b)):
            for property in a.properties {
                guard let other = b[property.key] else {
                    return "\(path): missing key \"\(property.key)\" (expected \(render(property.value.value)))"
                }
                if let found = difference(property.value.value, other.value, "\(path).\(property.key)") { return found }
            }
            for property in b.properties where a[property.key] == nil {
                return "\(path): unexpected key \"\(property.key)\" = \(render(property.value.value))"
            }
            return nil
        default:
            return "\(path): expected \(render(expected)), got \(render(actual))"
        }
    }

    /// A short, JSON-like rendering for messages.
    static func render(_ value: JSValue, limit: Int = 120) -> String {
        let text = renderFull(value)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    private static func renderFull(_ value: JSValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return n == 0 && n.sign == .minus ? "-0" : String(Int64(n)) }
            return "\(n)"
        case .string(let s):
            let escaped = s.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\"\(escaped)\""
        case .array(let items): return "[" + items.map { renderFull($0.value) }.joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.properties.map { "\"\($0.key)\":\(renderFull($0.value.value))" }.joined(separator: ",") + "}"
        case .function(let f): return "function \(f.name ?? "")"
        }
    }
}
