import ConfigModel
import Foundation
import XCTest

@testable import grouparoo_gen

/// The four output formats, checked on hand-made diagnostics so they do not depend on the rules.
final class ValidateFormatTests: XCTestCase {
    let paths = ReportPaths(workingDirectory: "/repo", configDirectory: "/repo/config")

    var sampleOutcome: ValidationOutcome {
        ValidationOutcome(diagnostics: [SampleDiagnostics.duplicate(in: "/repo/config/groups.js"),
                                        SampleDiagnostics.warning(in: "/elsewhere/shared.js"),
                                        SampleDiagnostics.unlocated()],
                          fileCount: 14, objectCount: 37, strict: false)
    }

    // MARK: JSON

    func testJSONReportMatchesTheDocumentedSchema() throws {
        let text = JSONReport.document(sampleOutcome, paths: paths).rendered()
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        try JSONSchemaCheck.checkReport(document)
        XCTAssertEqual(document["format_version"] as? Int, 1)
        XCTAssertEqual(document["valid"] as? Bool, false)
        XCTAssertEqual(document["error_count"] as? Int, 2)
        XCTAssertEqual(document["warning_count"] as? Int, 1)
        XCTAssertEqual(document["file_count"] as? Int, 14)
        XCTAssertEqual(document["object_count"] as? Int, 37)
        XCTAssertEqual(document["config_dir"] as? String, "config")
        let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 3)
        let first = diagnostics[0]
        XCTAssertEqual(first["file"] as? String, "config/groups.js", "paths inside the working directory are relative")
        XCTAssertEqual(first["line"] as? Int, 3)
        XCTAssertEqual(first["column"] as? Int, 25)
        XCTAssertEqual(first["end_column"] as? Int, 31)
        XCTAssertEqual(first["object_class"] as? String, "group")
        XCTAssertEqual(first["grouparoo_message"] as? String, "Duplicate ID values found for vips of class group")
        let notes = try XCTUnwrap(first["notes"] as? [[String: Any]])
        XCTAssertEqual(notes.count, 2)
        XCTAssertEqual(notes[0]["line"] as? Int, 2)
        XCTAssertTrue(notes[1]["file"] is NSNull, "a note without a place has null file")
        XCTAssertEqual(diagnostics[1]["file"] as? String, "/elsewhere/shared.js", "paths outside stay absolute")
        XCTAssertTrue(diagnostics[2]["line"] is NSNull)
        XCTAssertTrue(diagnostics[2]["grouparoo_message"] is NSNull)
    }

    func testJSONKeysComeInTheDocumentedOrder() {
        let text = JSONReport.document(sampleOutcome, paths: paths).rendered()
        let order = ["\"format_version\"", "\"tool\"", "\"config_dir\"", "\"valid\"", "\"strict\"", "\"error_count\"",
                     "\"warning_count\"", "\"file_count\"", "\"object_count\"", "\"diagnostics\""]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(text, JSONReport.document(sampleOutcome, paths: paths).rendered(), "output is deterministic")
    }

    func testJSONStringsEscapeControlCharactersAndQuotes() throws {
        var diagnostic = SampleDiagnostics.warning(in: "/repo/a.js")
        diagnostic.message = "line one\nsays \"hi\" \\ \u{01} tab\t é 😀"
        let outcome = ValidationOutcome(diagnostics: [diagnostic], fileCount: 1, objectCount: 1, strict: false)
        let text = JSONReport.document(outcome, paths: paths).rendered()
        XCTAssertTrue(text.contains(#""line one\nsays \"hi\" \\ \u0001 tab\t é 😀""#))
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let parsed = try XCTUnwrap((document["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
        XCTAssertEqual(parsed, diagnostic.message)
    }

    func testStrictMakesWarningsInvalid() throws {
        let warningOnly = ValidationOutcome(diagnostics: [SampleDiagnostics.warning(in: "/repo/a.js")], fileCount: 1,
                                            objectCount: 1, strict: false)
        XCTAssertTrue(warningOnly.isValid)
        let strict = ValidationOutcome(diagnostics: warningOnly.diagnostics, fileCount: 1, objectCount: 1, strict: true)
        XCTAssertFalse(strict.isValid)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONReport.document(strict, paths: paths).rendered().utf8)) as? [String: Any])
        XCTAssertEqual(document["valid"] as? Bool, false)
        XCTAssertEqual(document["strict"] as? Bool, true)
    }

    // MARK: SARIF

    func testSARIFLogIsStructurallyValid() throws {
        let text = SARIFReport.log(sampleOutcome, paths: paths).rendered()
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        try SARIFCheck.check(log)
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["level"] as? String }, ["error", "warning", "error"])
        let location = try XCTUnwrap(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact["uri"] as? String, "config/groups.js")
        XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
        let region = try XCTUnwrap(location["region"] as? [String: Any])
        XCTAssertEqual(region["startLine"] as? Int, 3)
        XCTAssertEqual(region["endColumn"] as? Int, 31)
        let related = try XCTUnwrap(results[0]["relatedLocations"] as? [[String: Any]])
        XCTAssertEqual(related.count, 1, "only notes with a place become related locations")
        XCTAssertEqual((related[0]["message"] as? [String: Any])?["text"] as? String, "first defined here")
        let properties = try XCTUnwrap(results[0]["properties"] as? [String: Any])
        XCTAssertEqual(properties["objectId"] as? String, "vips")
        let outside = try XCTUnwrap(((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((outside["artifactLocation"] as? [String: Any])?["uri"] as? String, "file:///elsewhere/shared.js")
        XCTAssertEqual((results[2]["locations"] as? [Any])?.count, 0, "a diagnostic without a place has no location")
    }

    func testSARIFDescribesEveryKnownRuleAndUnknownIds() throws {
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(SARIFReport.log(sampleOutcome, paths: paths).rendered().utf8)) as? [String: Any])
        let driver = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ids = try XCTUnwrap(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertTrue(Set(KnownRules.all.map(\.identifier)).isSubset(of: Set(ids)))
        XCTAssertTrue(ids.contains("made-up-check"))
        XCTAssertEqual(SARIFReport.pascalCase("duplicate-id"), "DuplicateId")
    }

    func testSARIFEncodesSpacesInURIs() throws {
        let diagnostic = SampleDiagnostics.warning(in: "/repo/config/my apps/a b.js")
        let outcome = ValidationOutcome(diagnostics: [diagnostic], fileCount: 1, objectCount: 1, strict: false)
        XCTAssertTrue(SARIFReport.log(outcome, paths: paths).rendered().contains(#""uri": "config/my%20apps/a%20b.js""#))
    }

    // MARK: GitHub

    func testGitHubAnnotationCarriesPositionTitleAndNotes() {
        let line = annotation(SampleDiagnostics.duplicate(in: "/repo/config/groups.js"), paths: paths)
        XCTAssertEqual(line, "::error file=config/groups.js,line=3,col=25,endLine=3,endColumn=31,title=grouparoo-gen [duplicate-id]"
            + "::id 'vips' is used by two groups%0AGrouparoo reports: Duplicate ID values found for vips of class group"
            + "%0Aconfig/groups.js:2:25: note: first defined here%0Anote: a note without a place")
        XCTAssertTrue(annotation(SampleDiagnostics.warning(in: "/repo/a.js"), paths: paths).hasPrefix("::warning file=a.js,line=7,col=12,title="))
        XCTAssertEqual(annotation(SampleDiagnostics.unlocated(), paths: paths),
                       "::error title=grouparoo-gen [made-up-check]::a problem with no place")
        var note = SampleDiagnostics.unlocated()
        note.severity = .note
        XCTAssertTrue(annotation(note, paths: paths).hasPrefix("::notice "))
    }

    func testGitHubEscaping() {
        XCTAssertEqual(Self.encoded("100% done\r\nnext: a,b", in: .data), "100%25 done%0D%0Anext: a,b")
        XCTAssertEqual(Self.encoded("C:\\dir,x%\n", in: .property), "C%3A\\dir%2Cx%25%0A")
        var diagnostic = SampleDiagnostics.warning(in: "/repo/odd,name:1.js")
        diagnostic.message = "50% of\nit"
        XCTAssertEqual(annotation(diagnostic, paths: paths),
                       "::warning file=odd%2Cname%3A1.js,line=7,col=12,title=grouparoo-gen [unset-env-var]::50%25 of%0Ait")
    }

    /// One annotation as text, without its line feed.
    private func annotation(_ diagnostic: Diagnostic, paths: ReportPaths) -> String {
        var bytes: [UInt8] = []
        GitHubReport.appendAnnotation(diagnostic, paths: paths, to: &bytes)
        XCTAssertEqual(bytes.last, UInt8(ascii: "\n"))
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }

    static func encoded(_ text: String, in part: GitHubReport.Part) -> String {
        var bytes: [UInt8] = []
        GitHubReport.append(text, in: part, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Text

    func testSummaryLinePluralises() {
        XCTAssertEqual(DiagnosticPrinter.summaryLine(errors: 2, warnings: 1, files: 14, objects: 37),
                       "2 errors, 1 warning in 14 files (37 objects)")
        XCTAssertEqual(DiagnosticPrinter.summaryLine(errors: 0, warnings: 0, files: 1, objects: 1),
                       "0 errors, 0 warnings in 1 file (1 object)")
    }

    func testChunkedWritingKeepsEveryCharacterAndSplitsLongText() {
        var pieces: [String] = []
        let text = String(repeating: "aé😀\n", count: 40_000)
        ChunkedOutput.write(text, in: 1000, to: { pieces.append($0) })
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertTrue(pieces.allSatisfy { $0.utf8.count <= 1000 })
        var collected: [String] = []
        var output = ChunkedOutput { collected.append($0) }
        for _ in 0..<10_000 { output.append("file.js:1:1: error: message [rule]\n") }
        output.flush()
        XCTAssertLessThan(collected.count, 20, "small pieces are gathered into large writes")
        XCTAssertEqual(collected.joined().count { $0 == "\n" }, 10_000)
    }
}

/// docs/validate-json-schema.md must document exactly the keys the JSON report has.
final class ValidateSchemaDocumentTests: XCTestCase {
    func testDocumentationNamesEveryKey() throws {
        let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/validate-json-schema.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        let documented = Set(text.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { row in
            row.split(separator: "`").dropFirst().first.map(String.init)
        })
        XCTAssertTrue(JSONSchemaCheck.allKeys.isSubset(of: documented), "undocumented: \(JSONSchemaCheck.allKeys.subtracting(documented))")
    }
}
