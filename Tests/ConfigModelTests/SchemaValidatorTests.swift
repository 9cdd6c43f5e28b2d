import ConfigModel
import Foundation
import XCTest

/// The JSON Schemas checked with a real validator (python `jsonschema`, Draft 7): config `.json`
/// files that `validate` finds free of schema-level errors pass, and broken ones fail.
final class SchemaValidatorTests: XCTestCase {
    /// Rules whose errors a one-file JSON Schema can express.
    private static let schemaLevelRules: Set<String> = [
        "syntax-error", "invalid-value-type", "missing-required-field", "invalid-enum", "invalid-length",
        "unknown-key", "unknown-class", "missing-id", "unknown-plugin-type", "unknown-option",
        "missing-required-option", "invalid-option-value", "option-value-type", "null-config-object", "unknown-permission-topic", "invalid-id",
    ]

    func testCorpusAndExampleFilesThatValidateCleanlyPassTheSchema() throws {
        let python = try Self.jsonSchemaValidator()
        var directories = Self.configDirectories(under: ConformanceSupport.packageRoot.appendingPathComponent("examples"))
        if let shared = try? ConformanceSupport.sharedDirectory() {
            directories += Self.configDirectories(under: shared.appendingPathComponent("corpus/config"))
        }
        var clean: [String] = [], flagged: [String] = [], flaggedRules: [String: Set<String>] = [:]
        for directory in directories {
            let report = ValidationHarness.validate(directory: directory.path)
            for diagnostic in report.diagnostics where diagnostic.severity == .error && Self.schemaLevelRules.contains(diagnostic.ruleID) {
                if let file = diagnostic.span?.file { flaggedRules[file, default: []].insert(diagnostic.ruleID) }
            }
            let failing = Set(flaggedRules.keys)
            for file in Self.jsonConfigFiles(in: directory) {
                if failing.contains(file) { flagged.append(file) } else { clean.append(file) }
            }
        }
        XCTAssertGreaterThan(clean.count, 3, "the examples alone hold several clean .json config files")
        let results = try python.check(clean + flagged, schema: ConfigJSONSchema.file(), in: self)
        let cleanFailing = clean.filter { results[$0] != nil && results[$0] != Self.unparsable }
        for file in cleanFailing { XCTFail("\(file) is clean for validate but fails the schema: \(results[file]!)") }
        let unparsable = (clean + flagged).filter { results[$0] == Self.unparsable }.count
        let flaggedFailing = flagged.filter { results[$0] != nil && results[$0] != Self.unparsable }.count
        // What validate finds that a one-file schema does not (conditional options, rules across keys).
        for file in flagged where results[file] == nil {
            print("[schema] passes the schema, validate reports \(flaggedRules[file, default: []].sorted()): \(file)")
        }
        print("[schema] \(directories.count) config dirs; clean .json files: \(clean.count), passing the schema: "
              + "\(clean.count - cleanFailing.count - clean.filter { results[$0] == Self.unparsable }.count); "
              + "with schema-level errors: \(flagged.count), failing the schema: \(flaggedFailing); "
              + "unreadable as JSON5: \(unparsable)")
    }

    func testBrokenFilesFailTheSchemaAndValidate() throws {
        let python = try Self.jsonSchemaValidator()
        let broken: [String: String] = [
            "wrong-enum": #"{"class": "property", "id": "p", "key": "p", "type": "text", "sourceId": "s"}"#,
            "missing-required": #"{"class": "model", "id": "m", "name": "People"}"#,
            "unknown-key": #"{"class": "team", "id": "t", "name": "Team", "cool": true}"#,
            "wrong-option-for-type": #"{"class": "App", "id": "a", "name": "A", "type": "sqlite", "options": {"filename": "x.db", "table": "t"}}"#,
            "missing-option": #"{"class": "app", "id": "a", "name": "A", "type": "logger", "options": {"stdout": true}}"#,
            "unknown-class": #"[{"class": "widget", "id": "w"}]"#,
            "too-short": #"{"class": "apiKey", "id": "k", "name": "k", "options": {"permissionAllRead": true, "permissionAllWrite": true}}"#,
            "wrong-type": #"{"class": "schedule", "id": "s", "sourceId": "src", "recurring": {"on": true}}"#,
            "bad-id": #"{"class": "team", "id": "my team", "name": "Team"}"#,
        ]
        let good = #"[{"class": "APP", "id": "a", "name": "A", "type": "sqlite", "options": {"file": "x.db"}}, "#
            + #"{"class": "model", "id": "m", "name": "People", "type": "profile"}]"#
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        var paths: [String: String] = [:]
        for (name, text) in broken.merging(["good": good], uniquingKeysWith: { $1 }) {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("config.json")
            try Data(text.utf8).write(to: file)
            paths[name] = file.path
            let report = ValidationHarness.validate(directory: folder.path)
            let schemaErrors = report.diagnostics.filter { $0.severity == .error && Self.schemaLevelRules.contains($0.ruleID) }
            XCTAssertEqual(schemaErrors.isEmpty, name == "good", "\(name): validate says\n\(report.summary)")
        }
        let results = try python.check(Array(paths.values), schema: ConfigJSONSchema.file(), in: self)
        for (name, path) in paths {
            XCTAssertEqual(results[path] == nil, name == "good", "\(name): schema says \(results[path] ?? "valid")")
        }
        // A class's own schema accepts its class in any case and refuses other classes.
        let appOnly = try python.check([paths["good"]!, paths["wrong-option-for-type"]!],
                                       schema: ConfigJSONSchema.forClass(.app), in: self)
        XCTAssertNotNil(appOnly[paths["good"]!], "the model in the file is not an app")
        XCTAssertNotNil(appOnly[paths["wrong-option-for-type"]!])
    }

    // MARK: - Support

    private static let unparsable = "not JSON5"

    /// Runs python3's `jsonschema` over files; maps each invalid file to the first error.
    struct PythonValidator {
        let executable: String

        func check(_ files: [String], schema: JSValue, in test: XCTestCase) throws -> [String: String] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-check-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let schemaFile = folder.appendingPathComponent("schema.json")
            try Data(XCTUnwrap(JSONOutput.stringify(schema)).utf8).write(to: schemaFile)
            // Grouparoo reads `.json` as JSON5 (comments, trailing commas): the schema gets the value as
            // plain JSON, as an editor's JSON-with-comments mode sees it.
            var copies: [String: String] = [:]
            for (index, file) in files.enumerated() {
                let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
                guard let value = JSON5.parse(bytes, file: file).value, let text = JSONOutput.stringify(value.value) else { continue }
                let copy = folder.appendingPathComponent("\(index).json")
                try Data(text.utf8).write(to: copy)
                copies[copy.path] = file
            }
            let listFile = folder.appendingPathComponent("files.txt")
            try Data(copies.keys.sorted().joined(separator: "\n").utf8).write(to: listFile)
            let script = """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.Draft7Validator.check_schema(schema)
                validator = jsonschema.Draft7Validator(schema)
                for path in open(sys.argv[2]).read().split("\\n"):
                    if not path: continue
                    try:
                        document = json.load(open(path, encoding="utf-8"))
                    except ValueError:
                        print(path + "\\t\(SchemaValidatorTests.unparsable)"); continue
                    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
                    if error: print(path + "\\t" + "/".join(map(str, error.absolute_path)) + ": " + error.message.replace("\\n", " ")[:300])
                """
            let output = try Self.run(executable, ["-c", script, schemaFile.path, listFile.path])
            guard output.status == 0 else { throw NSError(domain: "python", code: Int(output.status), userInfo: [NSLocalizedDescriptionKey: output.errors]) }
            var results: [String: String] = [:]
            for file in files where !copies.values.contains(file) { results[file] = SchemaValidatorTests.unparsable }
            for line in output.text.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                if parts.count == 2, let file = copies[parts[0]] { results[file] = parts[1] }
            }
            return results
        }

        static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, text: String, errors: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let text = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: text, as: UTF8.self), String(decoding: errors, as: UTF8.self))
        }
    }

    /// The first `python3` on the PATH that has `jsonschema`.
    private static func jsonSchemaValidator() throws -> PythonValidator {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        let pythons = path.split(separator: ":").map { "\($0)/python3" }.filter(FileManager.default.isExecutableFile)
        guard !pythons.isEmpty else { throw XCTSkip("python3 is not installed; .ci/run installs it with jsonschema") }
        for python in pythons where (try? PythonValidator.run(python, ["-c", "import jsonschema"]).status) == 0 {
            return PythonValidator(executable: python)
        }
        throw XCTSkip("no python3 on the PATH has the jsonschema module (pip install jsonschema)")
    }

    /// Folders named `config…` (not inside another one), as `Scripts/corpus-diagnostics.sh` picks them.
    private static func configDirectories(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true,
                  url.lastPathComponent.hasPrefix("config") else { continue }
            found.append(url)
            walker.skipDescendants()
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The `.json` files the loader reads as config: those containing `{` (R-LOAD-03).
    private static func jsonConfigFiles(in directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.compactMap { url in
            guard let data = FileManager.default.contents(atPath: url.path), data.contains(UInt8(ascii: "{")) else { return nil }
            return url.path
        }.sorted()
    }
}
