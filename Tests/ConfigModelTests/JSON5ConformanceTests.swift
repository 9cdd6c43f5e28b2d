import Foundation
import XCTest
@testable import ConfigModel

/// Runs the JSON5 parser test suite in `../shared/conformance/json5-tests`.
///
/// The suite's convention is the file extension: `.json` is valid JSON (so valid
/// JSON5), `.json5` is valid JSON5, `.js` is valid ES5 that JSON5 forbids, `.txt` is
/// not even ES5. Every case goes through the JSON5 parser directly; cases whose text
/// contains `{` also go through the config-file path as a `.json` file, because
/// Grouparoo only parses a `.json` file that contains `{` (R-LOAD-04).
final class JSON5ConformanceTests: XCTestCase {

    private enum Expectation: String {
        case json, json5, js, txt
        var accepts: Bool { self == .json || self == .json5 }
    }

    private struct Case {
        var relativePath: String
        var url: URL
        var expectation: Expectation
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private func loadCases() throws -> [Case] {
        let root = try ConformanceSupport.sharedDirectory().appendingPathComponent("conformance/json5-tests")
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw XCTSkip("no json5-tests at \(root.path)")
        }
        var cases: [Case] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard let expectation = Expectation(rawValue: url.pathExtension) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            cases.append(Case(relativePath: relative, url: url, expectation: expectation,
                              bytes: Array(try Data(contentsOf: url))))
        }
        cases.sort { $0.relativePath < $1.relativePath }
        XCTAssertGreaterThan(cases.count, 100, "json5-tests looks incomplete")
        return cases
    }

    // MARK: - Expected values

    /// Values of the `.json5` cases, written down by hand from the files (as they
    /// evaluate in ES5). Special numbers are checked separately below.
    private static let json5Values: [String: String] = [
        "arrays/trailing-comma-array.json5": "[null]",
        "comments/block-comment-following-array-element.json5": "[false]",
        "comments/block-comment-following-top-level-value.json5": "null",
        "comments/block-comment-preceding-top-level-value.json5": "null",
        "comments/block-comment-with-asterisks.json5": "true",
        "comments/inline-comment-following-array-element.json5": "[false]",
        "comments/inline-comment-following-top-level-value.json5": "null",
        "comments/inline-comment-preceding-top-level-value.json5": "null",
        "misc/valid-whitespace.json5": #"{"a":true}"#,
        "new-lines/comment-cr.json5": "{}",
        "new-lines/comment-crlf.json5": "{}",
        "new-lines/comment-lf.json5": "{}",
        "new-lines/escaped-cr.json5": #"{"a":"line 1 line 2"}"#,
        "new-lines/escaped-crlf.json5": #"{"a":"line 1 line 2"}"#,
        "new-lines/escaped-lf.json5": #"{"a":"line 1 line 2"}"#,
        "numbers/float-leading-decimal-point.json5": "0.5",
        "numbers/float-trailing-decimal-point-with-integer-exponent.json5": "50000",
        "numbers/float-trailing-decimal-point.json5": "5",
        "numbers/hexadecimal-lowercase-letter.json5": "200",
        "numbers/hexadecimal-uppercase-x.json5": "200",
        "numbers/hexadecimal-with-integer-exponent.json5": "51428",
        "numbers/hexadecimal.json5": "200",
        "numbers/negative-float-leading-decimal-point.json5": "-0.5",
        "numbers/negative-float-trailing-decimal-point.json5": "-5",
        "numbers/negative-hexadecimal.json5": "-200",
        "numbers/positive-float-leading-decimal-point.json5": "0.5",
        "numbers/positive-float-leading-zero.json5": "0.5",
        "numbers/positive-float-trailing-decimal-point.json5": "5",
        "numbers/positive-float.json5": "1.2",
        "numbers/positive-hexadecimal.json5": "200",
        "numbers/positive-integer.json5": "15",
        "numbers/positive-zero-float-leading-decimal-point.json5": "0",
        "numbers/positive-zero-float-trailing-decimal-point.json5": "0",
        "numbers/positive-zero-float.json5": "0",
        "numbers/positive-zero-hexadecimal.json5": "0",
        "numbers/positive-zero-integer.json5": "0",
        "numbers/zero-float-leading-decimal-point.json5": "0",
        "numbers/zero-float-trailing-decimal-point.json5": "0",
        "numbers/zero-hexadecimal.json5": "0",
        "objects/reserved-unquoted-key.json5": #"{"while":true}"#,
        "objects/single-quoted-key.json5": #"{"hello":"world"}"#,
        "objects/trailing-comma-object.json5": #"{"foo":"bar"}"#,
        "objects/unquoted-keys.json5":
            #"{"hello":"world","_":"underscore","$":"dollar sign","one1":"numerals","_$_":"multiple symbols","$_$hello123world_$_":"mixed"}"#,
        "strings/escaped-single-quoted-string.json5": #""I can't wait""#,
        "strings/multi-line-string.json5": #""hello world""#,
        "strings/single-quoted-string.json5": #""hello world""#,
        "todo/unicode-escaped-unquoted-key.json5": #"{"sig\u03a3ma":"the sum of all things"}"#,
        "todo/unicode-unquoted-key.json5": #"{"\u00fcml\u00e5\u00fbt":"that's not really an \u00fcmla\u00fct, but this is"}"#,
    ]

    /// Cases whose value JSON cannot express (or JSONSerialization would blur).
    private static let specialNumbers: [String: Double] = [
        "numbers/infinity.json5": .infinity,
        "numbers/positive-infinity.json5": .infinity,
        "numbers/negative-infinity.json5": -.infinity,
        "numbers/nan.json5": .nan,
        "numbers/negative-zero-float-leading-decimal-point.json5": -0.0,
        "numbers/negative-zero-float-trailing-decimal-point.json5": -0.0,
        "numbers/negative-zero-hexadecimal.json5": -0.0,
        "numbers/negative-zero-float.json": -0.0,
        "numbers/negative-zero-integer.json": -0.0,
    ]

    private static func value(fromJSON text: String) -> JSValue? {
        guard let any = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return JSValue.fromJSON(any)
    }

    /// What the case must parse to, or nil with a reason when we can only check acceptance.
    private func expectedValue(for testCase: Case, allCases: [Case]) -> JSValue? {
        switch testCase.relativePath {
        case "objects/duplicate-keys.json":
            // JSON.parse and JSON5.parse keep the last value of a repeated key.
            return Self.value(fromJSON: #"{"a":false}"#)
        case "misc/npm-package.json5":
            // The same document as misc/npm-package.json, written in JSON5 style.
            guard let twin = allCases.first(where: { $0.relativePath == "misc/npm-package.json" }) else { return nil }
            return Self.value(fromJSON: twin.text)
        case "misc/readme-example.json5":
            // Everything but `to: Infinity`, which JSON cannot express and is checked apart.
            return nil
        default:
            break
        }
        if let text = Self.json5Values[testCase.relativePath] { return Self.value(fromJSON: text) }
        if testCase.expectation == .json, Self.specialNumbers[testCase.relativePath] == nil {
            return Self.value(fromJSON: testCase.text)
        }
        return nil
    }

    private func check(special expected: Double, _ actual: JSValue, _ name: String) {
        guard case .number(let number) = actual else {
            return XCTFail("\(name): expected number \(expected), got \(ConformanceSupport.render(actual))")
        }
        if expected.isNaN {
            XCTAssertTrue(number.isNaN, "\(name): expected NaN, got \(number)")
        } else {
            XCTAssertEqual(number, expected, "\(name)")
            XCTAssertEqual(number.sign, expected.sign, "\(name): sign of zero lost")
        }
    }

    private func checkReadmeExample(_ value: JSValue) {
        guard case .object(let object) = value else { return XCTFail("readme-example: not an object") }
        XCTAssertEqual(object.keys, ["foo", "while", "this", "here", "hex", "half", "delta", "to", "finally", "oh"])
        if case .string(let s)? = object["this"]?.value { XCTAssertEqual(s, "is a multi-line string") } else { XCTFail("readme-example: this") }
        if case .number(let n)? = object["hex"]?.value { XCTAssertEqual(n, 3_735_928_559) } else { XCTFail("readme-example: hex") }
        if case .number(let n)? = object["half"]?.value { XCTAssertEqual(n, 0.5) } else { XCTFail("readme-example: half") }
        if case .number(let n)? = object["delta"]?.value { XCTAssertEqual(n, 10) } else { XCTFail("readme-example: delta") }
        if case .number(let n)? = object["to"]?.value { XCTAssertEqual(n, .infinity) } else { XCTFail("readme-example: to") }
        if case .array(let items)? = object["oh"]?.value { XCTAssertEqual(items.count, 3) } else { XCTFail("readme-example: oh") }
    }

    // MARK: - Parser level

    func testEveryCaseBehavesAsItsExtensionSays() throws {
        let cases = try loadCases()
        var acceptedRight = 0, acceptedUnchecked = 0, rejectedRight = 0
        var failures: [String] = []

        for testCase in cases {
            let file = "/json5-tests/" + testCase.relativePath
            let parsed = JSON5.parse(testCase.bytes, file: file)
            let errors = parsed.diagnostics.filter { $0.severity == .error }

            if testCase.expectation.accepts {
                guard let value = parsed.value, errors.isEmpty else {
                    failures.append("\(testCase.relativePath): rejected, should parse; \(errors.first.map { "\($0.span.map(\.description) ?? "?") \($0.message)" } ?? "no value")")
                    continue
                }
                if let special = Self.specialNumbers[testCase.relativePath] {
                    check(special: special, value.value, testCase.relativePath)
                    acceptedRight += 1
                } else if testCase.relativePath == "misc/readme-example.json5" {
                    checkReadmeExample(value.value)
                    acceptedRight += 1
                } else if let expected = expectedValue(for: testCase, allCases: cases) {
                    if value.value.semanticallyEquals(expected) {
                        acceptedRight += 1
                    } else {
                        failures.append("\(testCase.relativePath): wrong value: "
                            + (ConformanceSupport.firstDifference(expected: expected, actual: value.value)
                               ?? "semanticallyEquals false, no structural difference"))
                    }
                } else {
                    acceptedUnchecked += 1
                    print("[json5] \(testCase.relativePath): accepted, value not checked")
                }
            } else {
                if errors.isEmpty {
                    failures.append("\(testCase.relativePath): accepted (\(parsed.value.map { ConformanceSupport.render($0.value) } ?? "no value")), should be rejected")
                    continue
                }
                for error in errors {
                    XCTAssertNotNil(error.span, "\(testCase.relativePath): error without a position: \(error.message)")
                    if let span = error.span { XCTAssertGreaterThanOrEqual(span.start.line, 1) }
                }
                rejectedRight += 1
            }
        }

        print("[json5] parser: \(cases.count) cases; accepted with right value \(acceptedRight), accepted (unchecked) \(acceptedUnchecked), "
            + "rejected as required \(rejectedRight), failures \(failures.count)")
        for line in failures { print("[json5] FAIL: \(line)") }
        XCTAssertEqual(acceptedUnchecked, 0)
        XCTAssertEqual(failures.count, 0, failures.joined(separator: "\n"))
    }

    /// The suite's `.errorSpec` files give the line of the error; ours must agree.
    func testErrorLinesMatchErrorSpecs() throws {
        let cases = try loadCases()
        let root = try ConformanceSupport.sharedDirectory().appendingPathComponent("conformance/json5-tests")
        var checked = 0
        for testCase in cases where testCase.expectation == .txt || testCase.expectation == .js {
            let specURL = root.appendingPathComponent(testCase.relativePath).deletingPathExtension().appendingPathExtension("errorSpec")
            guard let spec = try? String(contentsOf: specURL, encoding: .utf8) else { continue }
            guard let lineText = spec.split(separator: "\n").first(where: { $0.contains("lineNumber") }),
                  let line = Int(lineText.filter(\.isNumber)) else { continue }
            let parsed = JSON5.parse(testCase.bytes, file: testCase.relativePath)
            guard let error = parsed.diagnostics.first(where: { $0.severity == .error }), let span = error.span else {
                XCTFail("\(testCase.relativePath): no positioned error"); continue
            }
            // An unescaped newline inside a string may be blamed on the line it ends or the next one.
            let allowed = testCase.relativePath.contains("multi-line") ? [line - 1, line] : [line]
            XCTAssertTrue(allowed.contains(span.start.line),
                          "\(testCase.relativePath): error at line \(span.start.line), errorSpec says \(line): \(error.message)")
            checked += 1
        }
        print("[json5] errorSpec lines checked: \(checked)")
        XCTAssertGreaterThan(checked, 0)
    }

    // MARK: - Config-file level (R-LOAD-04)

    /// Grouparoo's loader steps applied to a parsed `.json` payload: a lone `default`
    /// is unwrapped, a non-array is wrapped, and values with no own keys are dropped.
    private func loaderObjects(_ payload: JSValue) -> [JSValue] {
        var payload = payload
        if case .object(let object) = payload, object.keys == ["default"], let inner = object["default"] {
            payload = inner.value
        }
        let items: [JSValue]
        if case .array(let elements) = payload { items = elements.map(\.value) } else { items = [payload] }
        return items.filter { item in
            switch item {
            case .object(let object): return !object.isEmpty
            case .array(let elements): return !elements.isEmpty
            case .string(let s): return !s.isEmpty
            default: return false
            }
        }
    }

    func testEveryCaseReadAsAConfigFile() throws {
        let cases = try loadCases()
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        var ignoredAsR_LOAD_04 = 0, parsedRight = 0, rejectedRight = 0
        var failures: [String] = []

        for testCase in cases {
            let path = "/json5-tests/" + testCase.relativePath.replacingOccurrences(of: ".", with: "_") + ".json"
            let result = reader.read(contents: testCase.bytes, path: path)
            let errors = result.diagnostics.filter { $0.severity == .error }
            let trimmed = testCase.text.trimmingCharacters(in: .whitespacesAndNewlines)

            guard trimmed.contains("{") else {
                // Never parsed, so neither values nor errors, whatever the extension says.
                if result.objects.isEmpty && result.diagnostics.isEmpty && !result.needsNode {
                    ignoredAsR_LOAD_04 += 1
                } else {
                    failures.append("\(testCase.relativePath): has no \"{\", so must contribute nothing; got \(result.objects.count) objects, "
                        + "diagnostics \(result.diagnostics.map { "[\($0.ruleID)] \($0.message)" })")
                }
                continue
            }

            XCTAssertFalse(result.needsNode, "\(testCase.relativePath): a .json file never needs Node")
            if testCase.expectation.accepts {
                guard errors.isEmpty else {
                    failures.append("\(testCase.relativePath): rejected as a config file: \(errors[0].message)")
                    continue
                }
                let parsed = JSON5.parse(testCase.bytes, file: path)
                let reference: JSValue?
                if testCase.relativePath == "misc/readme-example.json5" {
                    reference = parsed.value?.value  // checked against hand values by the parser test
                } else {
                    reference = expectedValue(for: testCase, allCases: cases)
                }
                guard let payload = reference else {
                    failures.append("\(testCase.relativePath): no reference value"); continue
                }
                let expected = JSValue.array(loaderObjects(payload).map(ConformanceSupport.located))
                let actual = JSValue.array(result.objects)
                if actual.semanticallyEquals(expected) {
                    parsedRight += 1
                } else {
                    failures.append("\(testCase.relativePath): config objects differ: "
                        + (ConformanceSupport.firstDifference(expected: expected, actual: actual) ?? "no structural difference"))
                }
            } else {
                if let first = errors.first, result.objects.isEmpty {
                    XCTAssertEqual(first.ruleID, "syntax-error", "\(testCase.relativePath)")
                    XCTAssertNotNil(first.span, "\(testCase.relativePath): error without position")
                    XCTAssertEqual(first.span?.file, path, "\(testCase.relativePath): error names the wrong file")
                    rejectedRight += 1
                } else {
                    failures.append("\(testCase.relativePath): accepted as a config file (\(result.objects.count) objects), should be a syntax error")
                }
            }
        }

        print("[json5] as .json config files: parsed right \(parsedRight), rejected as required \(rejectedRight), "
            + "ignored (no \"{\", R-LOAD-04) \(ignoredAsR_LOAD_04), failures \(failures.count)")
        for line in failures { print("[json5] FAIL: \(line)") }
        XCTAssertGreaterThan(parsedRight, 0)
        XCTAssertGreaterThan(rejectedRight, 0)
        XCTAssertEqual(failures.count, 0, failures.joined(separator: "\n"))
    }
}
