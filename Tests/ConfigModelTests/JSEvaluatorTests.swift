import ConfigModel
import XCTest

/// The JavaScript subset: literals, operators with JavaScript semantics, variables,
/// functions, module shapes. Expected values are what Node prints for the same code.
final class JSEvaluatorTests: XCTestCase {
    func testModuleShapes() {
        let object = #"{ class: "app", id: "a" }"#
        let expected = #"[{"class":"app","id":"a"}]"#
        XCTAssertEqual(dumpJS("exports.default = \(object);"), expected)
        XCTAssertEqual(dumpJS("module.exports = \(object);"), expected)
        XCTAssertEqual(dumpJS("module.exports.default = \(object);"), expected)
        XCTAssertEqual(dumpJS("exports.default = async function buildConfig(config) { return [\(object)]; };"), expected)
        XCTAssertEqual(dumpJS("module.exports = async (config) => [\(object)];"), expected)
        XCTAssertEqual(dumpJS("module.exports = () => { return \(object); };"), expected)
        XCTAssertEqual(dumpJS("async function build() { return \(object) }\nexports.default = build"), expected)
        XCTAssertEqual(dumpJS("\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\nexports.default = \(object);"), expected)
    }

    func testDefaultIsUnwrappedOnlyWhenAlone() {
        XCTAssertEqual(dumpJS("module.exports = { default: { id: 'a' }, other: 1 };"), #"[{"default":{"id":"a"},"other":1}]"#)
        // Unwrapping happens once, before the call: a returned {default} stays.
        XCTAssertEqual(dumpJS("exports.default = () => ({ default: { id: 'a' } });"), #"[{"default":{"id":"a"}}]"#)
    }

    func testTopLevelListKeepsNullsForDumpButNotForProcessing() {
        let result = evaluateJS("module.exports = [{ id: 'a' }, null, undefined, {}, 0, 'ab', [1]];")
        XCTAssertEqual(JSONOutput.stringify(.array(result.evaluated)), #"[{"id":"a"},null,null,{},0,"ab",[1]]"#)
        XCTAssertEqual(JSONOutput.stringify(.array(result.objects)), #"[{"id":"a"},"ab",[1]]"#)
        XCTAssertEqual(result.diagnostics.map(\.ruleID), ["null-config-object"])
        XCTAssertEqual(result.diagnostics.first?.grouparooMessage,
                       "The file `/virtual/config.js` has 2 null or undefined top-level config objects")
    }

    func testExportingNullIsAnError() {
        XCTAssertTrue(dumpJS("module.exports = null;").hasPrefix("evaluation-error: "))
    }

    func testLiterals() {
        XCTAssertEqual(valueOf(#"{ a: 1, "b c": 2, 3: 'x', 'd': [1, 2,], e: { f: null }, }"#),
                       #"{"3":"x","a":1,"b c":2,"d":[1,2],"e":{"f":null}}"#)
        XCTAssertEqual(valueOf("[1, , 3]"), "[1,null,3]")
        XCTAssertEqual(valueOf("{ b: 1, 2: 'two', a: 2, 1: 'one' }"), #"{"1":"one","2":"two","b":1,"a":2}"#)
        XCTAssertEqual(valueOf("[true, false, null, undefined]"), "[true,false,null,null]")
        XCTAssertEqual(valueOf("{ u: undefined, n: null }"), #"{"n":null}"#)
    }

    func testNumbers() {
        XCTAssertEqual(valueOf("[0x1F, 0o17, 0b101, 017, 089, .5, 5., 1e3, 1_000, 2E-3]"), "[31,15,5,15,89,0.5,5,1000,1000,0.002]")
        XCTAssertEqual(valueOf("[1e21, 1e-7, 123456789012345680000, 0.000001, -0, 1/0, 0/0]"),
                       "[1e+21,1e-7,123456789012345680000,0.000001,0,null,null]")
        XCTAssertEqual(valueOf("String(1)".isEmpty ? "" : "'' + 1e21 + ' ' + 1.5e-10 + ' ' + 0.1 * 3"), #""1e+21 1.5e-10 0.30000000000000004""#)
    }

    /// Integers of up to 15 digits are read without building their text; longer ones round as in Node.
    func testIntegersAroundTheExactLimit() {
        XCTAssertEqual(valueOf("[0, 7, 10, 123456789012345, 999999999999999, 1234567890123456, 9007199254740993, 12345678901234567890]"),
                       "[0,7,10,123456789012345,999999999999999,1234567890123456,9007199254740992,12345678901234567000]")
        XCTAssertEqual(valueOf("[12.5, 12e2, 1_2, 3.]"), "[12.5,1200,12,3]")
    }

    /// Keywords are found from their bytes; names spelled like a keyword plus or minus a letter stay names.
    func testNamesCloseToKeywords() {
        let prelude = "const functions = 1, instanceofs = 2, continued = 3, iff = 4, nul = 5, typeofs = 6, debuggers = 7, Null = 8;"
        XCTAssertEqual(valueOf("[functions, instanceofs, continued, iff, nul, typeofs, debuggers, Null]", prelude: prelude),
                       "[1,2,3,4,5,6,7,8]")
        XCTAssertEqual(valueOf("[typeof null, void 0, true && !false, 'a' in { a: 1 }]"), #"["object",null,true,true]"#)
        // A 10-letter keyword: read as the operator (unsupported here), not as a name (a syntax error).
        XCTAssertTrue(valueOf("x instanceof y", prelude: "const x = {}, y = {};").hasPrefix("needs-node: cannot evaluate `instanceof` operator"))
    }

    func testStringsAndEscapes() {
        XCTAssertEqual(valueOf(#"'a\'b' + "c\"d" + '\n\t\\' + '\x41\u0042\u{1F600}' + '\0'"#), #""a'bc\"d\n\t\\AB😀\u0000""#)
        XCTAssertEqual(valueOf("'line \\\ncontinued'"), #""line continued""#)
        XCTAssertEqual(valueOf(#"'\uD83D\uDE00'"#), #""😀""#)
        XCTAssertEqual(valueOf(#"'\101'"#), #""A""#)
        XCTAssertEqual(valueOf(#"'\q'"#), #""q""#)
    }

    func testTemplateLiterals() {
        XCTAssertEqual(valueOf("`a${1 + 1}b${'c'}${undefined}${null}${[1, 2]}${{}}`"), #""a2bcundefinednull1,2[object Object]""#)
        XCTAssertEqual(valueOf("`multi\nline`"), #""multi\nline""#)
        XCTAssertEqual(valueOf("`nested ${`inner ${1}`}`"), #""nested inner 1""#)
        XCTAssertEqual(valueOf(#"`\${not} \u0041`"#), #""${not} A""#)
        // The text before the first substitution, and after the last, may be empty; so may the whole template.
        XCTAssertEqual(valueOf("``"), #""""#)
        XCTAssertEqual(valueOf("`${1}`"), #""1""#)
        XCTAssertEqual(valueOf("`${'a'}${'b'} c`"), #""ab c""#)
    }

    func testArithmeticFollowsJavaScript() {
        XCTAssertEqual(valueOf("1000 * 60 * 15"), "900000")
        XCTAssertEqual(valueOf("[2 ** 3 ** 2, (-2) ** 2, 7 % 3, -7 % 3, 5.5 % 2, 1 ** NaN]"), "[512,4,1,-1,1.5,null]")
        XCTAssertEqual(valueOf("[1 + 2 * 3, (1 + 2) * 3, 10 / 4, 1 - - 1, +'3', -'x']"), "[7,9,2.5,2,3,null]")
        XCTAssertEqual(valueOf("['1' + 2, 1 + '2', '3' * '4', true + 1, null + 1, [] + [], [1] + 1]"), #"["12","12",12,2,1,"","11"]"#)
        XCTAssertEqual(valueOf("[5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 3, -16 >> 2, -16 >>> 28]"), "[1,7,6,-6,8,-4,15]")
    }

    func testComparisonsAndLogic() {
        XCTAssertEqual(valueOf("[1 < 2, 'a' < 'b', 'B' < 'a', '10' < '9', 10 < 9, 1 == '1', 1 === '1', null == undefined, null === undefined, NaN == NaN]"),
                       "[true,true,true,true,false,true,false,true,false,false]")
        XCTAssertEqual(valueOf("[0 || 'd', '' ?? 'd', null ?? 'd', 1 && 2, 0 && 2, !0, !'x', true ? 'y' : 'n', typeof 1, typeof undefinedName]"),
                       #"["d","","d",2,0,true,false,"y","number","undefined"]"#)
    }

    func testVariablesDestructuringAndSpreads() {
        let prelude = """
            const base = { type: "postgres", options: { port: 5432 }, id: "w" };
            let [first, , third = 3, ...others] = [1, 2, undefined, 4, 5];
            var { type, options: { port }, missing = "m", ...rest } = base;
            """
        XCTAssertEqual(valueOf("{ ...base, first, third, others, type, port, missing, rest, extra: [...others, ...'ab'] }", prelude: prelude),
                       #"{"type":"postgres","options":{"port":5432},"id":"w","first":1,"third":3,"others":[4,5],"port":5432,"missing":"m","rest":{"id":"w"},"extra":[4,5,"a","b"]}"#)
        XCTAssertEqual(valueOf("x", prelude: "let x = 1; x = x + 1; x += 3;"), "5")
        XCTAssertEqual(valueOf("{ [key + 1]: true }", prelude: "const key = 'k';"), #"{"k1":true}"#)
    }

    func testFunctionsAndConditionals() {
        let prelude = """
            function column(name, type = "string") { return { name, type }; }
            const twice = (x) => x * 2;
            const pick = function (flag) { if (flag) { return "yes"; } else return "no"; };
            """
        XCTAssertEqual(valueOf("[column('id', 'integer'), column('email'), twice(21), pick(1), pick(0)]", prelude: prelude),
                       #"[{"name":"id","type":"integer"},{"name":"email","type":"string"},42,"yes","no"]"#)
        XCTAssertEqual(valueOf("hoisted()", prelude: "function hoisted() { return 'ok' }"), #""ok""#)
    }

    /// A named function expression's own name is bound only when first looked up (`Scope.bindOwnName`): it must read
    /// as the immutable binding declared first that it was before (expected values are main's, before the change).
    func testNamedFunctionExpressionsSeeTheirOwnName() {
        let prelude = """
            const fact = function f(n) { return n < 2 ? 1 : n * f(n - 1); };
            const shadow = function f(f) { return f; };
            const inner = function f() { var f; return typeof f; };
            const nested = function f(n) { const g = () => f; return n > 0 ? g()(n - 1) : "done"; };
            """
        XCTAssertEqual(valueOf("[fact(5), shadow(7), inner(), nested(3)]", prelude: prelude), #"[120,7,"function","done"]"#)
        XCTAssertEqual(valueOf("[(function f(n) { return n ? f(n - 1) + 1 : 0; })(4), [1].map(function m(x) { return typeof m + x; })]"),
                       #"[4,["function1"]]"#)
        XCTAssertEqual(dumpJS("const set = function f() { f = 1; return f; };\nmodule.exports = { v: set() };"),
                       "evaluation-error: evaluating this file fails: TypeError: Assignment to constant variable.")
    }

    /// The step budget runs out at the same node as before the range of each node was found only then (positions are
    /// main's, before the change).
    func testStepLimitPointsAtTheNodeThatExceedsIt() {
        for (length, column) in [(1_999_970, 54), (1_999_985, 24)] {
            let source = "const a = \"x\".repeat(\(length)).split(\"\");\nconst f = (x) => x;\n"
                + "module.exports = { v: [a.length, f(1), f(2), f(3), f(4), f(5), f(6), f(7)] };\n"
            let result = evaluateJS(source)
            XCTAssertEqual(result.diagnostics.first?.message.hasPrefix("cannot evaluate evaluation that takes more than 2000000 steps"), true)
            XCTAssertEqual(result.diagnostics.first?.span?.start, TextPosition(line: 3, column: column))
        }
    }

    func testJSONStringify() {
        XCTAssertEqual(valueOf("JSON.stringify({ a: [1, 'x', null, undefined], b: undefined, c: true })"), #""{\"a\":[1,\"x\",null,null],\"c\":true}""#)
        XCTAssertEqual(valueOf("JSON.stringify([1], null, 2)"), #""[\n  1\n]""#)
    }

    func testProcessEnv() {
        let env = ["HOST": "db.local", "PORT": "6543"]
        XCTAssertEqual(valueOf("[process.env.HOST, process.env['PORT'], process.env.MISSING || 'fallback', process.env.MISSING ?? 'n']", environment: env),
                       #"["db.local","6543","fallback","n"]"#)
        XCTAssertEqual(valueOf("`postgres://${process.env.USER_NAME}@host`"), #""postgres://undefined@host""#)
        XCTAssertEqual(valueOf("{ password: process.env.SECRET }"), "{}")
        XCTAssertEqual(evaluateJS("module.exports = { h: process.env.HOST || 'localhost', p: process.env.PORT ?? 5432 };").diagnostics, [],
                       "a fallback makes an unset variable intentional")
        let result = evaluateJS("module.exports = { id: 'a', apiKey: process.env.MAILCHIMP_API_KEY };")
        XCTAssertEqual(result.diagnostics.map(\.ruleID), ["unset-env-var"])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertTrue(result.diagnostics.first?.message.contains("MAILCHIMP_API_KEY") ?? false)
        XCTAssertEqual(result.diagnostics.first?.span?.start, TextPosition(line: 1, column: 37))
    }

    func testSpansPointAtSource() throws {
        let result = evaluateJS("module.exports = {\n  id: \"a\",\n  options: { port: 5432 },\n};")
        guard case .object(let object)? = result.objects.first?.value else { return XCTFail("no object") }
        XCTAssertEqual(object["id"]?.span.start, TextPosition(line: 2, column: 7))
        XCTAssertEqual(object.property("options")?.keySpan.start, TextPosition(line: 3, column: 3))
        XCTAssertEqual(result.objects.first?.span.start, TextPosition(line: 1, column: 18))
    }

    /// The evaluator's spans remember the line of the one before (`SourceText.span(_:_:after:)`): a call jumps back to
    /// a function written earlier and on again, and objects end lines later; every span must point where it was written.
    func testSpansAcrossCallsAndLinesPointAtSource() throws {
        let result = evaluateJS("""
        function make(name) {
          return { name: name, tag: "t" };
        }
        exports.default = async function config() {
          return [
            make("a"), { id: "b",
              nested: { deep: 1 } },
          ];
        };
        """)
        guard result.objects.count == 2, case .object(let made) = result.objects[0].value,
              case .object(let written) = result.objects[1].value else { return XCTFail("not two objects") }
        XCTAssertEqual(result.objects[0].span.start, TextPosition(line: 2, column: 10))
        XCTAssertEqual(result.objects[0].span.end, TextPosition(line: 2, column: 34))
        XCTAssertEqual(made.property("tag")?.keySpan.start, TextPosition(line: 2, column: 24))
        XCTAssertEqual(made["tag"]?.span.start, TextPosition(line: 2, column: 29))
        XCTAssertEqual(made["name"]?.span.start, TextPosition(line: 6, column: 10))
        XCTAssertEqual(result.objects[1].span.start, TextPosition(line: 6, column: 16))
        XCTAssertEqual(result.objects[1].span.end, TextPosition(line: 7, column: 28))
        XCTAssertEqual(written["nested"]?.span.start, TextPosition(line: 7, column: 15))
        XCTAssertEqual(written["nested"]?.span.end, TextPosition(line: 7, column: 26))
    }

    func testUnsupportedConstructsAskForNode() {
        let cases = [
            "const x = require('@grouparoo/dbt'); module.exports = x;": "require(\"@grouparoo/dbt\") of a package",
            "module.exports = new URL('x');": "`new` expression",
            "for (const a of []) {}": "`for` loop",
            "module.exports = unknownHelper();": "ReferenceError",
            "module.exports = Date.now();": "use of `Date`",
            "[1].forEach((x) => x);": "array method or property `forEach`",
            "module.exports = async (config) => ({ id: config.sequelize.dialect });": "reading `config`, the argument the loader passes in at run time",
            "module.exports = /re/;": "regular expression literal",
            "class A {}": "class declaration",
        ]
        for (source, expected) in cases {
            XCTAssertTrue(dumpJS(source).contains(expected), "\(source) → \(dumpJS(source))")
        }
        let result = evaluateJS("module.exports = fetchSecrets();\nfunction fetchSecrets() { return new Map(); }")
        XCTAssertTrue(result.needsNode)
        XCTAssertEqual(result.diagnostics.first?.message,
                       "cannot evaluate `new` expression statically, so nothing in this file was checked; check it with "
                       + "`--evaluator node`, or accept it unchecked with `--allow-unevaluated` or a "
                       + "`// grouparoo-gen-disable-file needs-node` comment in the file")
        XCTAssertEqual(result.diagnostics.first?.span?.start, TextPosition(line: 2, column: 34))
    }

    func testRuntimeErrorsAreReportedLikeNode() {
        XCTAssertEqual(dumpJS("module.exports = undefined.x;"),
                       "evaluation-error: evaluating this file fails: TypeError: Cannot read properties of undefined (reading 'x')")
        XCTAssertEqual(dumpJS("const a = 1; a = 2;"), "evaluation-error: evaluating this file fails: TypeError: Assignment to constant variable.")
        XCTAssertEqual(valueOf("a?.b.c", prelude: "const a = undefined;"), "undefined")
    }

    /// Names and keys are compared by their code units, as Node does: `\u{212B}` (ANGSTROM SIGN) and `A` + U+030A
    /// are canonically equivalent, which `String ==` takes as equal, but are two names and two keys. Above 16 names a
    /// scope switches to an index; one built over both spellings trapped on a duplicate key.
    func testCanonicallyEquivalentNamesAndKeysStayApart() {
        let angstrom = "\u{212B}", decomposed = "A\u{030A}"
        let many = (0..<20).map { "v\($0)" }.joined(separator: ", ")
        let body = """
            var \(angstrom) = "angstrom sign"; var \(decomposed) = "decomposed";
            function small() { let \(angstrom) = 1; let \(decomposed) = 2; return \(angstrom) + \(decomposed) * 10; }
            const keys = { "\(angstrom)": 1, "\(decomposed)": 2 };
            const { "\(angstrom)": taken, ...rest } = keys;
            module.exports = { name: [\(angstrom), \(decomposed), small(), Object.keys(keys).length, Object.keys(rest).length].join("/") };
            """
        let expected = #"[{"name":"angstrom sign/decomposed/21/2/1"}]"#
        XCTAssertEqual(dumpJS("var \(many);\n" + body), expected, "index built before the names")
        XCTAssertEqual(dumpJS(body + "\nvar \(many);"), expected, "index built over both names")
    }
}
