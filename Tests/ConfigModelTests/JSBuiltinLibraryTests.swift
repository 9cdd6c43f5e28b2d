import ConfigModel
import Foundation
import XCTest

/// The standard-library subset, checked two ways: fixed expectations, and (when Node is
/// installed) the same expressions evaluated by Node, which must print the same JSON.
final class JSBuiltinLibraryTests: XCTestCase {
    private static let expressions: [String] = [
        "['id', 'email'].map((column) => ({ id: column, key: column.toUpperCase() }))",
        "[1, 2, 3, 4].filter((n) => n % 2 === 0)",
        "[3, 1, 2].find((n) => n < 3)",
        "[[1, 2], [3, [4]]].flat()",
        "[1, 2].flatMap((n) => [n, n * 10])",
        "[1, 2, 3].reduce((sum, n) => sum + n, 0)",
        "[1, 2, 3].reduce((sum, n) => sum + n)",
        "[1, NaN, 'a'].includes(NaN)",
        "[1, 2, 3].indexOf(2)",
        "['a', null, undefined, 1].join('-')",
        "[1, 2].join()",
        "[1].concat([2, 3], 4, [[5]])",
        "[1, 2, 3, 4].slice(1, -1)",
        "[1, 2].some((n) => n > 1) && [1, 2].every((n) => n > 0)",
        "'  Mixed Case  '.trim().toLowerCase()",
        "'a,b,,c'.split(',')",
        "'abc'.split('')",
        "'a-b-c'.replace('-', '+') + ' ' + 'a-b-c'.replaceAll('-', '+')",
        "'users_table'.startsWith('users') && 'users_table'.endsWith('table') && 'x'.includes('')",
        "'hello'.slice(-3) + 'hello'.charAt(1) + 'ab'.repeat(3) + 'a'.concat('b', 1)",
        "'find me'.indexOf('me')",
        "Object.keys({ b: 1, a: 2, 1: 3 })",
        "Object.values({ a: [1], b: 'x' })",
        "Object.entries({ a: 1 })",
        "Object.assign({}, { a: 1 }, { b: 2, a: 3 })",
        "[Math.max(1, 5, 3), Math.min(), Math.round(2.5), Math.round(-2.5), Math.floor(-1.5), Math.ceil(1.2), Math.abs(-3)]",
        "[String(12), String(null), Number('42'), Number(''), Boolean(''), parseInt('08'), parseInt('0x1f'), parseInt('12px'), parseFloat('3.5e2x'), isNaN('x')]",
        "[parseInt('ff', 16), parseInt('-12'), parseFloat('.5'), parseFloat('Infinityx')]",
        "typeof [].map + ' ' + typeof String",
        "[[1, [2, [3]]].flat(Infinity), [1, 2, 1].indexOf(1, 1), [1, 2].includes(1, 1), [1, 2, 3].indexOf(3, -1)]",
        "['abcabc'.indexOf('b', 2), 'abc'.replaceAll('', '-'), 'abc'.replace('', '-'), 'a'.charAt(2 ** 32), 'ab'.charAt(1)]",
        "[parseFloat('1\\u0663'), 'ab'.repeat(NaN), ''.repeat(1e300), 'ab'.repeat(2.9)]",
        "JSON.stringify({ a: [1] }, null, 1e300)",
        "[(null ?? 0) || 5, null ?? (0 || 5), (function f(n) { return n > 0 ? f(n - 1) + n : 0; })(4)]",
    ]

    func testFixedExpectations() {
        XCTAssertEqual(valueOf(Self.expressions[0]), #"[{"id":"id","key":"ID"},{"id":"email","key":"EMAIL"}]"#)
        XCTAssertEqual(valueOf("[1, 2, 3].reduce((sum, n) => sum + n, 0)"), "6")
        XCTAssertEqual(valueOf("'a,b,,c'.split(',')"), #"["a","b","","c"]"#)
        XCTAssertEqual(valueOf("Object.keys({ b: 1, a: 2, 1: 3 })"), #"["1","b","a"]"#)
        XCTAssertEqual(valueOf("[Math.round(2.5), Math.round(-2.5)]"), "[3,-2]")
        XCTAssertEqual(valueOf("console.log('building config')"), "undefined")
    }

    func testSideEffectsStayUnsupported() {
        XCTAssertTrue(valueOf("list.push(2)", prelude: "const list = [1];").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("target", prelude: "const target = {}; Object.assign(target, { a: 1 });").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("'a'.replace('a', '$&$&')").hasPrefix("needs-node"))
        // Swift has no final-sigma rule, so this is left to Node rather than answered wrongly.
        XCTAssertTrue(valueOf("'ΑΣ'.toLowerCase()").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("'a' + { toString() { return 'X'; } }").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("JSON.stringify({ a: 1, toJSON() { return 'J'; } })").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("'😀'[0]").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("'\\ud83d'").hasPrefix("needs-node"))
        XCTAssertTrue(valueOf("'ab'.repeat(-1)").hasPrefix("evaluation-error: evaluating this file fails: RangeError"))
    }

    func testAgreesWithNode() throws {
        guard let node = nodeExecutable() else { throw XCTSkip("node is not installed") }
        let script = "const expressions = " + String(decoding: try JSONSerialization.data(withJSONObject: Self.expressions), as: UTF8.self)
            + ";\nfor (const e of expressions) console.log(JSON.stringify(eval('(' + e + ')')));\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let nodeLines = printed.split(separator: "\n").map(String.init)
        XCTAssertEqual(nodeLines.count, Self.expressions.count)
        for (expression, expected) in zip(Self.expressions, nodeLines) {
            XCTAssertEqual(valueOf(expression), expected, expression)
        }
    }
}
