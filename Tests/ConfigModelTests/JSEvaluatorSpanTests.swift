@testable import ConfigModel
import XCTest

/// `JSEvaluator.span` finds positions with a line cursor; it must give what `SourceText.span` gives for any range,
/// asked in any order (forwards, backwards, across lines), in ASCII and non-ASCII files, with any line breaks.
final class JSEvaluatorSpanTests: XCTestCase {
    func testCursorSpansMatchPlainSpans() {
        let sources = [
            "module.exports = {\n  a: 1,\n  b: \"two\",\n};\n",
            "const x = 'é';\r\nmodule.exports = { x, y: `ü\n${x}` };\r\n\r\n",
            "\n\n  // comment\n  module.exports = [1, 2, 3]",
            "",
        ]
        var generator = SystemRandomNumberGenerator()
        for text in sources {
            let source = SourceText(file: "/virtual/span.js", validUTF8: Array(text.utf8))
            let evaluator = JSEvaluator(source: source, context: EvaluationContext(environment: [:]))
            let count = source.bytes.count
            var ranges: [JSRange] = []
            for start in 0...count {
                for end in start...count { ranges.append(JSRange(start: start, end: end)) }
            }
            // In source order, then shuffled; the cursor keeps its line from one to the next.
            for range in ranges + ranges.shuffled(using: &generator) {
                XCTAssertEqual(evaluator.span(range), evaluator.spanWithoutCursor(range), "\(range) in \(text.debugDescription)")
            }
        }
    }
}
