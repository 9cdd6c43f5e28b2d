import ConfigModel
import Foundation
import XCTest

/// `--env-file` and `.env.example` are read as dotenv 16 reads them (Grouparoo loads `.env` with
/// dotenv 16.0.0); each case also agrees with Node 20's own dotenv reader, `util.parseEnv`, except
/// `KEY: value`, which dotenv 16 reads and Node's reader skips (Grouparoo uses dotenv, so we follow it).
final class EnvFileTests: XCTestCase {
    /// File contents → what dotenv 16 sets.
    static let cases: [(String, [String: String])] = [
        ("KEY=\"a b\" # c\n", ["KEY": "a b"]),
        ("KEY=\"line one\nline two\"\nNEXT=1\n", ["KEY": "line one\nline two", "NEXT": "1"]),
        ("KEY: value\n", ["KEY": "value"]),
        ("export KEY=exported\n", ["KEY": "exported"]),
        ("S='single # not a comment'\nB=`back 'quoted'`\n", ["S": "single # not a comment", "B": "back 'quoted'"]),
        ("N=\"a\\nb\"\nRAW='a\\nb'\n", ["N": "a\nb", "RAW": "a\\nb"]),
        ("PLAIN = spaced value   # comment\n", ["PLAIN": "spaced value"]),
        ("EMPTY=\nHASH=#only\n", ["EMPTY": "", "HASH": ""]),
        ("URL=postgres://u:p@h:5432/db?ssl=true\n", ["URL": "postgres://u:p@h:5432/db?ssl=true"]),
        ("# comment\n\nA=1\r\nB=2\r\n", ["A": "1", "B": "2"]),
        ("DUP=first\nDUP=second\n", ["DUP": "second"]),
        ("dotted.key-name=x\n", ["dotted.key-name": "x"]),
    ]

    /// Cases dotenv 16 reads but Node's `util.parseEnv` does not (it has no `KEY: value` form).
    static let nodeDiffers: Set<String> = ["KEY: value\n"]

    func testDotenvCases() {
        for (text, expected) in Self.cases {
            XCTAssertEqual(EnvFile.parse(text).values, expected, text.debugDescription)
        }
    }

    func testAgreesWithNodeParseEnv() throws {
        guard let node = nodeExecutable() else { throw XCTSkip("node is not installed, so util.parseEnv cannot be asked") }
        let texts = Self.cases.map(\.0).filter { !Self.nodeDiffers.contains($0) }
        let script = """
            const util = require("util");
            if (typeof util.parseEnv !== "function") { console.log("no parseEnv"); process.exit(0); }
            const texts = \(String(decoding: try JSONSerialization.data(withJSONObject: texts), as: UTF8.self));
            for (const text of texts) console.log(JSON.stringify(util.parseEnv(text)));
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if printed.hasPrefix("no parseEnv") { throw XCTSkip("this node has no util.parseEnv (it needs Node 20.12 or later)") }
        let lines = printed.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, texts.count)
        for (text, line) in zip(texts, lines) {
            let nodeValues = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            XCTAssertEqual(EnvFile.parse(text).values, nodeValues, text.debugDescription)
        }
    }

    func testLinesDotenvCannotReadAreListed() {
        let parsed = EnvFile.parse("A=1\nthis is not an assignment\n  # indented comment\nB=\"two\nlines\"\n")
        XCTAssertEqual(parsed.values, ["A": "1", "B": "two\nlines"])
        XCTAssertEqual(parsed.ignoredLines, [2])
    }
}
