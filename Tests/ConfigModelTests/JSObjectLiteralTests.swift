@testable import ConfigModel
import XCTest

/// Object literals whose keys the parser proved distinct skip the key search when evaluated; closures and the
/// scopes they close over are freed with their file.
final class JSObjectLiteralTests: XCTestCase {
    private func parsedObject(_ literal: String) throws -> (SourceText, [JSObjectMember], Bool, JSRange) {
        let source = try SourceText.decode(Array("module.exports = \(literal);".utf8), file: "/virtual/object.js").get()
        let statements = try JSParser.parseProgram(source)
        guard case .expression(.assignment(_, _, .object(let members, let distinct, let range), _), _) = statements.first else {
            throw XCTSkip("not an object literal: \(literal)")
        }
        return (source, members, distinct, range)
    }

    /// Keys, key spans, value spans and values, so two evaluations can be compared exactly.
    private func describe(_ value: LocatedValue) -> String {
        var text = "\(value.span.start)-\(value.span.end)"
        switch value.value {
        case .object(let object):
            text += "{" + object.properties.map { "\($0.key)@\($0.keySpan.start)-\($0.keySpan.end):\(describe($0.value))" }
                .joined(separator: ",") + "}"
        case .array(let elements):
            text += "[" + elements.map(describe).joined(separator: ",") + "]"
        default:
            text += JSONOutput.stringify(value.value) ?? "undefined"
        }
        return text
    }

    /// With `stepsLeft`, the budget has that many steps left, so evaluation may run out where it spends them.
    private func evaluate(_ literal: String, keysAreDistinctNames: Bool? = nil, stepsLeft: Int? = nil) throws -> String {
        let (source, members, distinct, range) = try parsedObject(literal)
        let evaluator = JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
        if let stepsLeft {
            try evaluator.context.spendStep(at: range, in: evaluator, count: EvaluationContext.maximumSteps - stepsLeft)
        }
        let scope = evaluator.makeScope(parent: nil, isFunction: true)
        let expression = JSExpression.object(members, keysAreDistinctNames: keysAreDistinctNames ?? distinct, range)
        return describe(try evaluator.evaluate(expression, in: scope))
    }

    func testDistinctWrittenOutKeysAreRecognised() throws {
        let distinct = ["{}", "{ a: 1, b: 2 }", "{ 'a': 1, b: { c: 2 }, d() { return 1 }, e }", "{ a1: 1, A1: 2 }"]
        for literal in distinct { XCTAssertTrue(try parsedObject(literal).2, literal) }
        let searched = ["{ a: 1, a: 2 }", "{ b: 1, '0': 2 }", "{ 1: 'x' }", "{ __proto__: null }", "{ ...x }",
                        "{ [k]: 1 }", "{ '': 1 }", "{ a: 1, 'a': 2 }", "{ class: 1, \"class\": 2 }",
                        // Escapes and non-ASCII keys are left to the search: their bytes are not the text compared.
                        #"{ a: 1, "\x61": 2 }"#, #"{ "\u0062": 1 }"#, "{ é: 1 }", "{ 'e\u{301}': 1 }",
                        "{ " + (0..<40).map { "k\($0): \($0)" }.joined(separator: ", ") + " }"]
        for literal in searched { XCTAssertFalse(try parsedObject(literal).2, literal) }
    }

    func testKeysComparedAsBytesAgreeWithStringComparison() throws {
        // Keys that share a length, a prefix or a spelling in another quote, nested objects reusing outer keys.
        let distinct = ["{ ab: 1, ba: 2, 'abc': 3, \"abd\": 4 }", "{ a: { a: { a: 1 } }, b: { a: 2 } }",
                        "{ default: 1, 'null': 2, true: 3, async: 4, get: 5 }", "{ __proto: 1, proto__: 2 }",
                        // Long keys sharing their first eight bytes and length, or the first eight bytes alone.
                        "{ permissionAllRead: 1, permissionAllWrit: 2, permissionAll: 3, permissionA: 4, permission: 5 }"]
        for literal in distinct {
            XCTAssertTrue(try parsedObject(literal).2, literal)
            XCTAssertEqual(try evaluate(literal), try evaluate(literal, keysAreDistinctNames: false), literal)
        }
        // The same written key twice, across quotes or after a nested object, is never taken as distinct.
        for literal in ["{ ab: 1, c: { ab: 2 }, 'ab': 3 }", "{ 'true': 1, true: 2 }", "{ \"x\": { y: 1 }, x: 2 }",
                        "{ permissionAllRead: 1, permissionAllWrit: 2, 'permissionAllRead': 3 }", "{ p: 1, q: 2, r: 3, p: 4 }"] {
            XCTAssertFalse(try parsedObject(literal).2, literal)
        }
    }

    func testReusedParserRoomGivesTheSameTree() throws {
        // A worker's parser reuses its room from file to file, also after a file that failed to parse.
        let scratch = JSParserScratch()
        // Keys long and short, non-ASCII, escaped, and near the file's end.
        let texts = ["module.exports = { a: { b: 1, c: 2 }, d: 3 };", "module.exports = { a: { b: ", "module.exports = { d: 1, a: 2 };",
                     "module.exports = { permissionAllRead: 'change-me-please-now', é: 'ü', \"a\\u0062\": 'x\\ty' }",
                     "module.exports = { permissionAllWrite: 'change-me-please-later' }; x = 'é'"]
        for text in texts + texts {
            let source = try SourceText.decode(Array(text.utf8), file: "/virtual/reuse.js").get()
            let reused = Result { try JSParser.parseProgram(source, scratch: scratch) }
            let fresh = Result { try JSParser.parseProgram(source) }
            XCTAssertEqual(String(describing: reused), String(describing: fresh), text)
            XCTAssertTrue(scratch.distinctKeys.isEmpty, text)
        }
    }

    func testNodeRangesAreSmallEnoughForMallocsFastSizes() {
        // Ranges are two 32-bit offsets, every offset of a file the parser accepts round-trips, and an object
        // literal's initial room (with the array's 32-byte header) stays within glibc's per-thread cache (1,032 bytes).
        XCTAssertEqual(MemoryLayout<JSRange>.size, 8)
        XCTAssertEqual(MemoryLayout<JSObjectMember>.stride, 80)
        XCTAssertLessThanOrEqual(JSParser.initialObjectCapacity * MemoryLayout<JSObjectMember>.stride + 32, 1032)
        for offset in [0, 1, 65_535, 1 << 31 - 2, JSParser.maximumFileSize] {
            let range = JSRange(start: offset, end: offset)
            XCTAssertEqual([range.start, range.end], [offset, offset])
        }
    }

    func testAppendingDistinctKeysEqualsSettingThemOneByOne() throws {
        let literals = ["{ a: 1, b: 'two', c: [3, { d: 4 }], e: { f: null, g: true } }",
                        "{ zeta: 1, alpha: 2, mid: 3 }",
                        "{ class: 'team', id: 't', options: { permissionAllRead: true, permissionAllWrite: 3 % 3 === 0 } }",
                        "{ x: { y: { z: {} } } }"]
        for literal in literals {
            let fast = try evaluate(literal)
            XCTAssertTrue(try parsedObject(literal).2, literal)
            XCTAssertEqual(fast, try evaluate(literal, keysAreDistinctNames: false), literal)
        }
        // Setting distinct keys without a search spends the same steps: the budget runs out at the same value.
        for literal in literals {
            for stepsLeft in 0...12 {
                let fast = Result { try evaluate(literal, stepsLeft: stepsLeft) }
                let searched = Result { try evaluate(literal, keysAreDistinctNames: false, stepsLeft: stepsLeft) }
                XCTAssertEqual(String(describing: fast), String(describing: searched), "\(stepsLeft) steps: \(literal)")
            }
        }
        // And the literals that must be searched still follow JavaScript's key order and last-wins rule.
        XCTAssertEqual(valueOf("{ b: 1, '0': 2, a: 3, b: 4 }"), #"{"0":2,"b":4,"a":3}"#)
    }

    func testEveryLiteralArrayAndObjectSpendsOneStepBeforeItsParts() throws {
        // Eight nodes, in this order: the object, the array, 1, 'x', true, null, the inner object, 2.5. With one step
        // too few the budget runs out at the last of them.
        let literal = "{ a: [1, 'x', true, null], b: { c: 2.5 } }"
        XCTAssertNoThrow(try evaluate(literal, stepsLeft: 8))
        XCTAssertThrowsError(try evaluate(literal, stepsLeft: 7)) { error in
            XCTAssertEqual((error as? ReadError)?.position, TextPosition(line: 1, column: 53))
        }
        XCTAssertThrowsError(try evaluate(literal, stepsLeft: 1)) { error in
            XCTAssertEqual((error as? ReadError)?.position, TextPosition(line: 1, column: 23))
        }
    }

    func testClosureScopesAreFreedWithTheirFile() throws {
        // `f` lives in the module scope and closes over it: a cycle only the end of the file's evaluation breaks,
        // also when nobody says the file is done (an error stopped it, or a caller just let go).
        let source = try SourceText.decode(Array("const f = () => f;\nmodule.exports = f;".utf8), file: "/virtual/cycle.js").get()
        for _ in 0..<50 {
            weak var scope: Scope?
            do {
                let evaluator = JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
                let exports = try evaluator.evaluateModule(JSParser.parseProgram(source))
                guard case .function(let function) = exports.value else { return XCTFail("expected the exported function") }
                scope = function.scope
                XCTAssertNotNil(scope)
            }
            XCTAssertNil(scope, "the module scope leaked through the closure stored in it")
        }
    }

    func testAFunctionCanBeCalledOnlyWhileItsFileIsEvaluated() throws {
        let source = try SourceText.decode(Array("module.exports = () => 1;".utf8), file: "/virtual/callee.js").get()
        var evaluator: JSEvaluator? = JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
        guard case .function(let function) = try evaluator?.evaluateModule(JSParser.parseProgram(source)).value else {
            return XCTFail("expected the exported function")
        }
        let caller = JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
        XCTAssertEqual(JSONOutput.stringify(try caller.call(function, arguments: [], at: JSRange(start: 0, end: 0)).value), "1")
        evaluator = nil
        XCTAssertThrowsError(try caller.call(function, arguments: [], at: JSRange(start: 0, end: 0))) { error in
            XCTAssertEqual((error as? ReadError)?.message, "call to a function whose file is no longer being evaluated")
        }
    }

    func testManyScopesAreReleasedWithoutDeepRecursion() throws {
        // Every call makes a scope; the evaluator unlinks them one by one as it goes.
        let text = "module.exports = 'x'.repeat(200000).split('').map((c) => c).length;"
        let source = try SourceText.decode(Array(text.utf8), file: "/virtual/scopes.js").get()
        let value = try JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
            .evaluateModule(JSParser.parseProgram(source))
        XCTAssertEqual(JSONOutput.stringify(value.value), "200000")
    }

    func testTakingReadsForgetsTheirPlacesWhetherTheRoomIsKeptOrNot() {
        // A worker's context keeps the room of a small set of noted places from file to file, not of a large one.
        let context = EvaluationContext(environment: [:])
        let span = SourceSpan(file: "/virtual/env.js", start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 5))
        for count in [1, 3, 200, 2, 200, 1, 7, 8, 9, 8] {
            for _ in 0..<2 {
                for index in 0..<count { context.noteEnvironmentRead("V\(index)", at: span, isSet: false) }
            }
            XCTAssertEqual(context.takeEnvironmentReads().map(\.name), (0..<count).map { "V\($0)" })
            XCTAssertEqual(context.takeEnvironmentReads(), [])
        }
    }

    func testReadsAreNotedOncePerPlaceWhetherSearchedInOrderOrHashed() {
        // Up to `placesSearchedInOrder` reads the list is searched, then a set: both must keep the same reads.
        let context = EvaluationContext(environment: [:])
        let spans = (1...3).map { line in
            SourceSpan(file: "/virtual/env.js", start: TextPosition(line: line, column: 1), end: TextPosition(line: line, column: 5))
        }
        for count in 1...(2 * EvaluationContext.placesSearchedInOrder) {
            var expected: [String] = []
            for index in 0..<count {
                let (name, span) = ("V\(index % 5)", spans[index % 3])
                if !expected.contains("\(name)@\(span.start.line)") { expected.append("\(name)@\(span.start.line)") }
                context.noteEnvironmentRead(name, at: span, isSet: false)
                context.noteEnvironmentRead(name, at: span, isSet: true)  // the same place: not noted again
            }
            XCTAssertEqual(context.takeEnvironmentReads().map { "\($0.name)@\($0.span.start.line)" }, expected, "\(count) reads")
        }
    }
}
