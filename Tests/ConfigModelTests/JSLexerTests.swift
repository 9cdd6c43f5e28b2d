@testable import ConfigModel
import XCTest

/// The lexer's shortcuts against the plain behaviour they replace: the keyword table (by first byte) against
/// `JSKeyword(rawValue:)`, the punctuator table (by first byte) against the longest spelling in `JSPunctuator.all`, and look-aheads (which remember the trivia they skipped) against lexing
/// without them, on trivia of every kind.
final class JSLexerTests: XCTestCase {
    func testKeywordTableAgreesWithTheKeywordsSpelling() {
        var names = JSKeyword.allCases.map(\.rawValue)
        for keyword in JSKeyword.allCases {
            let text = keyword.rawValue
            names += [String(text.dropLast()), String(text.dropFirst()), text + "s", "_" + text, text.uppercased(),
                      text + text, String(text.reversed())]
        }
        names += ["a", "$", "_", "x1", "instanceofx", "instanceOf", "abcdefghijklmnop", "abcdefghijklmnopq", "functions"]
        for name in names where !name.isEmpty {
            let bytes = Array(("(" + name + ")").utf8)
            XCTAssertEqual(JSKeyword(bytes, 1, bytes.count - 1), JSKeyword(rawValue: name), name)
        }
    }

    /// Every punctuator alone and before every other (and before a digit), lexed, against the plain longest match
    /// up to a number (comments and a hash-bang are not punctuators).
    func testPunctuatorTableFindsTheLongestSpelling() throws {
        let texts = JSPunctuator.all.map(\.text)
        for first in texts {
            for second in texts + ["5", ""] {
                let text = first + second
                if text.contains("//") || text.contains("/*") || text.hasPrefix("#!") { continue }
                var expected: [JSPunctuator] = []
                var rest = Substring(text)
                while rest.first?.isNumber != true, !rest.hasPrefix(".5"),
                      let match = JSPunctuator.all.filter({ rest.hasPrefix($0.text) }).max(by: { $0.text.count < $1.text.count }) {
                    // `?.` before a digit is `?` and a number.
                    let punctuator = match == .optionalChain && rest.dropFirst(2).first?.isNumber == true ? .question : match
                    expected.append(punctuator)
                    rest = rest.dropFirst(punctuator.text.count)
                }
                var lexer = JSLexer(source: SourceText(file: "/virtual/punctuators.js", validUTF8: Array(text.utf8)))
                var found: [JSPunctuator] = []
                while case .punctuator(let punctuator) = try lexer.next().kind { found.append(punctuator) }
                XCTAssertEqual(found, expected, text)
            }
        }
    }

    func testLookAheadsLeaveTheTokensAsTheyWere() throws {
        let sources = [
            "a\n  ,b /* c */ )\r\n  ] } ;",
            "x /* a\nb */ => y // z\r => w",
            "f(a)\u{2028}\u{00A0}=> 1, \u{FEFF} g\t\u{0B}\u{0C} ; h",
            "        deep   \n\n        , more          => end",
            "a => b\n=> c /* */ , `t` , 'q' /**/\n/**/",
        ]
        for text in sources {
            XCTAssertEqual(try tokens(text, lookingAhead: true), try tokens(text, lookingAhead: false), text)
        }
        var lexer = JSLexer(source: SourceText(file: "/virtual/lex.js", validUTF8: Array("a /* open".utf8)))
        _ = try lexer.next()
        XCTAssertFalse(lexer.nextEndsExpression())
        XCTAssertThrowsError(try lexer.next(), "an unterminated comment is still reported after a look-ahead")
    }

    private func tokens(_ text: String, lookingAhead: Bool) throws -> [String] {
        var lexer = JSLexer(source: SourceText(file: "/virtual/lex.js", validUTF8: Array(text.utf8)))
        var tokens: [String] = []
        while true {
            if lookingAhead {
                _ = lexer.nextEndsExpression()
                _ = lexer.nextIsArrowOnSameLine()
                _ = lexer.nextEndsExpression()
            }
            let token = try lexer.next()
            tokens.append("\(token.kind) \(token.start)..<\(token.end) \(token.newlineBefore)")
            if case .endOfFile = token.kind { return tokens }
        }
    }
}
