import Foundation
import XCTest

/// The layers ARCHITECTURE.md promises, checked on the source text: a folder of ConfigModel may only
/// name types declared in itself or in the folders below it, JSEmitter imports nothing of ours, and
/// nothing imports the command-line tool.
final class LayeringTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Each ConfigModel folder and the folders it may build on. The reader (JavaScript, Loading)
    /// knows JavaScript, not Grouparoo; the graph is plain data; validation sits on top.
    private static let allowedBelow: [String: [String]] = [
        "Diagnostics": [],
        "JavaScript": ["Diagnostics"],
        "Loading": ["Diagnostics", "JavaScript"],
        "Models": ["Diagnostics", "JavaScript", "Loading"],
        "Graph": ["Diagnostics"],
        "Validation": ["Diagnostics", "JavaScript", "Loading", "Models", "Graph"],
        // Remote facts and config diffs (import, diff) sit on top; a diff may use remote facts, not the reverse.
        "Remote": ["Diagnostics", "JavaScript", "Loading", "Models", "Graph", "Validation"],
        "Diff": ["Diagnostics", "JavaScript", "Loading", "Models", "Graph", "Validation", "Remote"],
        // JSON Schemas are made from the field tables and the plugin catalog.
        "Schema": ["Diagnostics", "JavaScript", "Loading", "Models", "Graph", "Validation"],
        // What the language server knows (positions, navigation, completion, fixes) sits on validation.
        "Editor": ["Diagnostics", "JavaScript", "Loading", "Models", "Graph", "Validation"],
    ]

    func testEachConfigModelFolderNamesOnlyTypesFromItselfAndLowerLayers() throws {
        let root = Self.sources.appendingPathComponent("ConfigModel")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
        XCTAssertTrue(Set(folders).isSubset(of: Self.allowedBelow.keys), "every ConfigModel folder needs a place in the layer table")
        let files = Dictionary(uniqueKeysWithValues: try folders.map { ($0, try Self.swiftFiles(in: root.appendingPathComponent($0))) })
        let declared = files.mapValues { texts in Set(texts.flatMap { Self.declaredTypes(in: $0.text) }) }
        for (folder, texts) in files {
            let allowed = Set(([folder] + Self.allowedBelow[folder, default: []]).flatMap { declared[$0] ?? [] })
            let forbidden = Set(declared.filter { $0.key != folder }.values.flatMap { $0 }).subtracting(allowed)
            for file in texts {
                let named = Self.typeLikeNames(in: file.text).intersection(forbidden)
                XCTAssertTrue(named.isEmpty, "\(folder)/\(file.name) names \(named.sorted()) from a higher layer")
            }
        }
    }

    /// The reader and the models report `ReaderProblem`s; only the rules layer turns them into rule ids.
    func testReaderLayersNameNoRuleIDs() throws {
        let root = Self.sources.appendingPathComponent("ConfigModel")
        for folder in ["JavaScript", "Loading", "Models"] {
            for file in try Self.swiftFiles(in: root.appendingPathComponent(folder)) {
                XCTAssertFalse(Self.identifiers(in: file.text).contains("ruleID"), "\(folder)/\(file.name) uses a rule id; report a ReaderProblem")
            }
        }
    }

    func testJSEmitterImportsNothingOfOurs() throws {
        for file in try Self.swiftFiles(in: Self.sources.appendingPathComponent("JSEmitter")) {
            let ours = Self.imports(in: file.text).subtracting(["Foundation"])
            XCTAssertTrue(ours.isEmpty, "JSEmitter/\(file.name) imports \(ours.sorted())")
        }
    }

    func testNothingImportsTheCommandLineTool() throws {
        let libraries = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { $0 != "grouparoo-gen" && !$0.hasPrefix(".") }
        XCTAssertFalse(libraries.isEmpty)
        for library in libraries {
            for file in try Self.swiftFiles(in: Self.sources.appendingPathComponent(library)) {
                XCTAssertFalse(Self.imports(in: file.text).contains("grouparoo_gen"), "\(library)/\(file.name) imports the CLI")
            }
        }
        let manifest = try String(contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in ["ConfigModel", "JSEmitter"] {
            let declaration = try XCTUnwrap(manifest.range(of: "name: \"\(target)\""))
            let rest = manifest[declaration.upperBound...]
            let end = rest.firstIndex(of: ")") ?? rest.endIndex
            XCTAssertFalse(rest[..<end].contains("\"grouparoo-gen\""), "\(target) depends on the CLI in Package.swift")
        }
    }

    /// SwiftPM refuses a library product as a versioned dependency when one of its targets has an unsafe flag, so the
    /// library targets take no settings at all (the release build's flags sit on the executable).
    func testLibraryTargetsTakeNoBuildSettings() throws {
        let manifest = try String(contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in ["ConfigModel", "JSEmitter"] {
            let declaration = try XCTUnwrap(manifest.range(of: ".target(name: \"\(target)\""), "\(target) is not a `.target(name:` in Package.swift")
            let line = manifest[declaration.lowerBound...].prefix { $0 != "\n" }
            XCTAssertFalse(line.contains("Settings"), "\(target) takes build settings in Package.swift: \(line)")
        }
        XCTAssertTrue(manifest.contains("unsafeFlags"), "the check above reads the manifest it means to")
    }

    func testTheCheckerSeesDeclarationsAndNamesButNotCommentsOrStrings() {
        let text = "/// Uses Hidden\npublic struct Shown<T>: Base { let x = \"Quoted\"; enum Inner {}; func f() -> Other { } }\n"
        XCTAssertEqual(Self.declaredTypes(in: text), ["Shown"])
        XCTAssertEqual(Self.typeLikeNames(in: text), ["Shown", "T", "Base", "Inner", "Other"])
    }

    // MARK: - Reading sources

    private static func swiftFiles(in folder: URL) throws -> [(name: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [(name: String, text: String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let name = String(url.path.dropFirst(folder.path.count + 1))
            files.append((name, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    private static func imports(in text: String) -> Set<String> {
        var result: Set<String> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            if words.first == "import", words.count >= 2 { result.insert(String(words[words.count - 1])) }
        }
        return result
    }

    /// Top-level types only: nested ones (`Result`, `Kind`) are named through their outer type, and
    /// their short names could be mistaken for the standard library's.
    private static func declaredTypes(in text: String) -> [String] {
        let introducers: Set<String> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
        return text.split(separator: "\n").compactMap { line in
            guard let first = line.first, first.isLetter || first == "@" else { return nil }
            let words = identifiers(in: String(line))
            guard let index = words.firstIndex(where: introducers.contains), index + 1 < words.count,
                  words[index + 1].first!.isUppercase else { return nil }
            return words[index + 1]
        }
    }

    private static func typeLikeNames(in text: String) -> Set<String> {
        Set(identifiers(in: text).filter { $0.first!.isUppercase })
    }

    /// The identifiers of Swift source with comments and string literals removed.
    private static func identifiers(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var index = text.startIndex
        func flush() {
            if !current.isEmpty, !current.first!.isNumber { result.append(current) }
            current = ""
        }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("//") {
                flush()
                index = rest.firstIndex(of: "\n") ?? text.endIndex
            } else if rest.hasPrefix("/*") {
                flush()
                index = rest.range(of: "*/")?.upperBound ?? text.endIndex
            } else if rest.hasPrefix("\"\"\"") {
                flush()
                index = rest.dropFirst(3).range(of: "\"\"\"")?.upperBound ?? text.endIndex
            } else if rest.first == "\"" {
                flush()
                index = skipString(text, from: text.index(after: index))
            } else {
                let character = text[index]
                if character.isLetter || character.isNumber || character == "_" { current.append(character) } else { flush() }
                index = text.index(after: index)
            }
        }
        flush()
        return result
    }

    /// The index after a one-line string literal's closing quote (interpolations are skipped with it).
    private static func skipString(_ text: String, from start: String.Index) -> String.Index {
        var index = start
        while index < text.endIndex, text[index] != "\"", text[index] != "\n" {
            index = text[index] == "\\" ? text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex : text.index(after: index)
        }
        return index < text.endIndex ? text.index(after: index) : index
    }
}
