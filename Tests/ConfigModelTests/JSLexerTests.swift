@testable import ConfigModel
import XCTest

/// The lexer's shortcuts against the plain behaviour they replace: the keyword table (hashed words) against
/// `JSKeyword(rawValue:)`, the punctuator table (by first byte) against the longest spelling in `JSPunctuator.all`,
/// the name scan (eight letters at a time) against the byte loop,
/// look-aheads (which remember the trivia they skipped) against lexing without them, on trivia of every kind, and
/// the trivia shortcuts (none, one space) against the full loop.
final class JSLexerTests: XCTestCase {
    func testKeywordTableAgreesWithTheKeywordsSpelling() {
        var names = JSKeyword.allCases.map(\.rawValue)
        for keyword in JSKeyword.allCases {
            let text = keyword.rawValue
            names += [String(text.dropLast()), String(text.dropFirst()), text + "s", "_" + text, text.uppercased(),
                      text + text, String(text.reversed())]
            names += (1..<text.count).map { String(text.prefix($0)) }
        }
        names += ["a", "$", "_", "x1", "instanceofx", "instanceOf", "instanceog", "instancez", "abcdefghijklmnop",
                  "abcdefghijklmnopq", "functions", "functiom", "class1", "c1ass", "constant", "id", "options"]
        for name in names where !name.isEmpty {
            let bytes = Array(("(" + name + ")").utf8)
            XCTAssertEqual(JSKeyword(bytes, 1, bytes.count - 1), JSKeyword(rawValue: name), name)
        }
    }

    /// The name scan, letters eight at a time, against the byte loop: every byte value after runs of name
    /// characters of every length up to 20, at every start.
    func testNameScanAgreesWithTheByteLoop() {
        let nameBytes = Array("aZ$_09mQzA".utf8)
        for length in 0...20 {
            for stop in 0...255 {
                let bytes = (0..<length).map { nameBytes[($0 * 7 + stop) % nameBytes.count] } + [UInt8(stop), 0x61]
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0..<buffer.count {
                        var plain = start
                        while plain < buffer.count, JSLexer.isASCIINamePart(buffer[plain]) { plain += 1 }
                        XCTAssertEqual(JSLexer.asciiNameEnd(buffer, from: start), plain, "\(bytes) from \(start)")
                    }
                }
            }
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

    /// Names and plain strings come from the string table a worker lends its lexers: texts of one length sharing their
    /// first and last eight bytes, met again in the file and in the next one, still read as written.
    func testNamesAndStringsFromTheStringTableReadAsWritten() throws {
        let words = ["abcdefgh_middle1_ijklmnop", "abcdefgh_middle2_ijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr",
                     "sixteenLetters16", "sixteenLetters17", "short"]
        let written = words + words.reversed()
        var strings = PlainStringTable()
        for file in 0..<2 {
            let text = written.map { "\($0) '\($0)' " }.joined() + "end"
            var lexer = JSLexer(source: SourceText(file: "/virtual/table\(file).js", validUTF8: Array(text.utf8)))
            swap(&lexer.strings, &strings)
            var read: [String] = []
            reading: while true {
                switch try lexer.next().kind {
                case .name(let name): read.append(name)
                case .string(let string): read.append(string)
                case .endOfFile: break reading
                default: XCTFail("another token in \(text)")
                }
            }
            swap(&lexer.strings, &strings)
            XCTAssertEqual(read, written.flatMap { [$0, $0] } + ["end"])
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

    /// A single space before a token takes a shortcut, and so does a line feed with spaces after it; a tab and a
    /// vertical tab take the full trivia loop: with every space made a tab and every line feed a CR (one byte each),
    /// the tokens (positions included), the line breaks before them and any error must stay the same. The sources
    /// also put a token right after another (the other shortcut) next to every kind of trivia.
    func testTriviaShortcutsAgreeWithTheFullLoop() {
        let sources = [
            "exports.default = async function f() { return [{ class: \"team\", id: 'a', n: 5 % 3 === 0 }]; };",
            "a ?.5:b ? .5 : c?.d", "x / 2 / y /* c */ / z // e\n w", "a //c\n b /*\n*/ c", "\u{FEFF}a b",
            "\u{00E9}t\u{00E9} \u{00FC} x", "a \u{2028} b \u{00A0} c \u{3000} d", "a\r\n b \r c", "`t${a}u` v",
            "a\\u0062 c", "x = 'open", "a /* open", "a / ", "f ( ) [ ] { } ; , : . ... => ?? ?. #x @y ~ !",
            "  \n  lead", "trail  ", "one ", "a\n    b\n\n  c\n  /* d */ e\n  // f\n  g\n \t h\n    \u{00A0}i\n", "a\n   ",
            "{\n  x: 1,\n  y: [\n    'z',\n  ],\n}\n",
        ]
        for text in sources {
            let tabbed = text.replacingOccurrences(of: " ", with: "\t")
            XCTAssertEqual(tokensOrError(text), tokensOrError(tabbed), text)
            let carriageReturns = text.replacingOccurrences(of: "\n", with: "\r")
            XCTAssertEqual(tokensOrError(text), tokensOrError(carriageReturns), text)
        }
    }

    private func tokensOrError(_ text: String) -> [String] {
        do { return try tokens(text, lookingAhead: false) } catch { return ["\(error)"] }
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
