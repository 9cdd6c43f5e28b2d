import ConfigModel
import Foundation
import XCTest

/// Grouparoo's loader rules for which files are read and how (R-LOAD-01..09).
final class ConfigReaderTests: XCTestCase {
    func testFileSelectionAndOrder() throws {
        let root = try makeTemporaryDirectory(self)
        let object = "module.exports = { id: 'ID', class: 'app' };"
        for name in ["b.js", "a.js", "B2.js", "sub/c.json", "node_modules/pkg/d.js", "_under.js"] {
            try write(object.replacingOccurrences(of: "ID", with: name), to: root.appendingPathComponent(name))
        }
        try write("{ id: 'c.json' }", to: root.appendingPathComponent("sub/c.json"))
        for skipped in [".hidden.js", ".dir/e.js", "f.mjs", "g.cjs", "h.ts", "i.json5", "j.jsx", "README.md"] {
            try write(object, to: root.appendingPathComponent(skipped))
        }
        let result = ConfigReader().readDirectory(at: root.path)
        let names = result.files.map { String($0.path.dropFirst(root.standardizedFileURL.path.count + 1)) }
        XCTAssertEqual(names, ["_under.js", "a.js", "b.js", "B2.js", "node_modules/pkg/d.js", "sub/c.json"])
        XCTAssertEqual(result.objects.count, 6)
    }

    /// glob sorts with `localeCompare`: punctuation, then digits, then letters without case, then lower
    /// case first. All-ASCII trees use one-byte keys, others three-byte keys: both give this order.
    func testGlobOrderForASCIIAndOtherNames() throws {
        let ascii = ["_x.js", "-y.js", "#b.js", "~.js", "$a.js", "1.js", "10.js", "2.js", "a b.js", "a_b.js", "a-b.js",
                     "a.b.js", "a.js", "A.js", "ab.js", "aB.js", "Ab.js", "b.js", "B.js", "sub_a.js", "sub-a.js", "sub/a.js",
                     "Z.js", "Z1.js"]
        let other = ["a.js", "e.js", "E.js", "f.js", "Kx.js", "ß.js", "ä.js", "é.js", "É.js", "ｋ.js"]
        for expected in [ascii, other] {
            let root = try makeTemporaryDirectory(self)
            for name in expected.reversed() { try write("module.exports = {};", to: root.appendingPathComponent(name)) }
            let base = root.standardizedFileURL.path + "/"
            let names = ConfigReader().readDirectory(at: root.path).files.map { String($0.path.dropFirst(base.count)) }
            XCTAssertEqual(names, expected)
        }
    }

    /// Files are read in the order the walk finds them while glob's order is worked out, then put in glob's
    /// order: the result equals reading each file on its own in glob's order, and a problem in a file several
    /// files `require` stays with the first of them in that order.
    func testDirectoryReadEqualsReadingFileByFileInGlobOrder() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = { region: process.env.UNSET_REGION };", to: root.appendingPathComponent("lib/shared.js"))
        var names: [String] = []
        for number in (0..<60).reversed() {
            let name = "\(["c", "a", "b"][number % 3])/f\(number / 10)\(number % 10).js"
            names.append(name)
            let body = number % 4 == 0 ? "const { region } = require('../lib/shared');\nmodule.exports = { id: '\(number)', class: 'app', region };"
                : number % 7 == 0 ? "module.exports = { id: '\(number)', class: " : "module.exports = [{ id: '\(number)', class: 'team' }, null];"
            try write(body, to: root.appendingPathComponent(name))
        }
        let base = root.standardizedFileURL.path + "/"
        let expected = (names + ["lib/shared.js"]).sorted().map { base + $0 }
        let read = ConfigReader().readDirectory(at: root.path)
        XCTAssertEqual(read.files.map(\.path), expected)
        var reported: Set<String> = []
        for file in read.files {
            let alone = ConfigReader().readFile(at: file.path)
            XCTAssertEqual(file.objects.map { JSONOutput.stringify($0.value) }, alone.objects.map { JSONOutput.stringify($0.value) })
            // The shared file's unset variable, found through every file requiring it, is reported once: first in glob's order.
            XCTAssertEqual(file.diagnostics, alone.diagnostics.filter { reported.insert("\($0.message) \($0.span.map(\.file) ?? "")").inserted })
        }
        let reporting = read.files.filter { file in file.diagnostics.contains { $0.message.contains("UNSET_REGION") } }
        XCTAssertEqual(reporting.map(\.path), [base + "a/f04.js"])
    }

    /// A module from the require cache gives the requiring file its environment reads as evaluating it there
    /// would, a fallback written around the `require` (`process.env.B || require(…)`) covering them: every file's
    /// reads are the ones it has read alone, whichever file (one worker reads these few) evaluated the module first.
    func testRequiredModulesGiveTheirEnvironmentReadsToEveryFileRequiringThem() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = { region: process.env.UNSET_REGION, zone: process.env.UNSET_ZONE || 'z' };",
                  to: root.appendingPathComponent("lib/shared.js"))
        try write("module.exports = require('./shared');", to: root.appendingPathComponent("lib/again.js"))
        let bodies = [
            "const s = require('../lib/shared');\nmodule.exports = { id: 'a', class: 'app', region: s.region };",
            "const s = process.env.UNSET_B || require('../lib/shared');\nmodule.exports = { id: 'b', class: 'app', region: s.region };",
            "const s = require('../lib/again');\nmodule.exports = { id: 'c', class: 'app', region: process.env.UNSET_C };",
        ]
        for (index, body) in bodies.enumerated() {
            for folder in ["x", "y"] { try write(body, to: root.appendingPathComponent("\(folder)/f\(index).js")) }
        }
        let read = ConfigReader().readDirectory(at: root.path)
        XCTAssertEqual(read.files.count, 8)
        for file in read.files {
            XCTAssertEqual(file.environmentReads, ConfigReader().readFile(at: file.path).environmentReads, file.path)
        }
        let muted = try XCTUnwrap(read.files.first { $0.path.hasSuffix("x/f1.js") })
        XCTAssertEqual(muted.environmentReads.map(\.hasFallback), [true, true, true])
        let plain = try XCTUnwrap(read.files.first { $0.path.hasSuffix("y/f0.js") })
        XCTAssertEqual(plain.environmentReads.map(\.hasFallback), [false, true])
    }

    /// glob v7's `**` reads a symlinked directory's own files but does not descend below it
    /// (`_processGlobStar2`: "If it's a symlink, and we're in a globstar, then stop").
    func testSymlinkedDirectoriesMatchTheirOwnFilesOnly() throws {
        let root = try makeTemporaryDirectory(self)
        let outside = try makeTemporaryDirectory(self)
        try write("module.exports = { id: 'outside' };", to: outside.appendingPathComponent("x.js"))
        try write("module.exports = { id: 'deeper' };", to: outside.appendingPathComponent("deeper/y.js"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("file.js"),
                                                   withDestinationURL: outside.appendingPathComponent("x.js"))
        let result = ConfigReader().readDirectory(at: root.path)
        let base = root.standardizedFileURL.path + "/"
        XCTAssertEqual(result.files.map { String($0.path.dropFirst(base.count)) }, ["file.js", "linked/x.js"])
    }

    /// `config/sub/loop -> ..`: glob reads the files directly inside the link (the config dir's own
    /// files) a second time under `sub/loop/`, and Grouparoo then sees their ids twice.
    func testSymlinkLoopLoadsTheFilesOneLevelInsideTwice() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = { id: 'top', class: 'team', name: 'Top' };", to: root.appendingPathComponent("top.js"))
        try write("module.exports = { id: 'inner', class: 'team', name: 'Inner' };", to: root.appendingPathComponent("sub/inner.js"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        let result = ConfigReader().readDirectory(at: root.path)
        let base = root.standardizedFileURL.path + "/"
        XCTAssertEqual(result.files.map { String($0.path.dropFirst(base.count)) }, ["sub/inner.js", "sub/loop/top.js", "top.js"])
        let duplicates = Validator().validate(result).diagnostics.filter { $0.ruleID == "duplicate-id" }
        XCTAssertFalse(duplicates.isEmpty, "the team `top` is loaded twice")
    }

    func testPathsGrouparooWouldMatchButCannotLoadAreReported() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = { id: 'ok' };", to: root.appendingPathComponent("ok.js"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("dangling.js").path, withDestinationPath: "/nonexistent/x.js")
        let locked = root.appendingPathComponent("locked")
        try write("module.exports = { id: 'hidden' };", to: locked.appendingPathComponent("a.js"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        // A FIFO (Grouparoo's loader waits on it forever), a link to it, and a link to itself.
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo.js").path, 0o600), 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("to-fifo.json").path, withDestinationPath: "fifo.js")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("self.js").path, withDestinationPath: "self.js")
        let result = ConfigReader().readDirectory(at: root.path)
        let unreadable = result.diagnostics.filter { $0.ruleID == "unreadable-file" }
        let problems = unreadable.map { URL(fileURLWithPath: $0.span?.file ?? "").lastPathComponent }
        // Root can read anything, so the locked folder only counts when the tests run unprivileged.
        let lockedIsUnreadable = opendir(locked.path).map { closedir($0); return false } ?? true
        XCTAssertEqual(problems.sorted(), (["dangling.js", "fifo.js", "folder.json", "self.js", "to-fifo.json"]
                                           + (lockedIsUnreadable ? ["locked"] : [])).sorted())
        func message(_ name: String) -> String? {
            unreadable.first { $0.span?.file.hasSuffix("/" + name) == true }?.message
        }
        XCTAssertEqual(message("dangling.js"), "this symbolic link points at nothing; Grouparoo's loader fails to read it")
        XCTAssertEqual(message("self.js"), "cannot read this file (Too many levels of symbolic links)")
        XCTAssertEqual(message("fifo.js")?.hasPrefix("cannot read this file (not a regular file)"), true)
        XCTAssertEqual(message("to-fifo.json")?.hasPrefix("cannot read this file (not a regular file)"), true)
        XCTAssertEqual(result.objects.count, lockedIsUnreadable ? 1 : 2)
        XCTAssertEqual(ConfigReader().readDirectory(at: root.appendingPathComponent("missing").path).files.count, 0,
                       "a config directory that does not exist has no files (R-LOAD-03)")
    }

    func testJSONIsParsedOnlyWhenItHasABrace() {
        XCTAssertEqual(dumpJS("[1, 2]", path: "/v/a.json"), "[{}]")
        XCTAssertEqual(dumpJS("null", path: "/v/a.json"), "[{}]")
        XCTAssertEqual(dumpJS("not json at all", path: "/v/a.json"), "[{}]")
        XCTAssertEqual(dumpJS("[{ id: 'a', /* c */ n: +1, }]", path: "/v/a.json"), #"[{"id":"a","n":1}]"#)
        XCTAssertEqual(dumpJS("{ default: { id: 'x' } }", path: "/v/a.json"), #"[{"id":"x"}]"#)
        XCTAssertEqual(evaluateJS("[1, 2]", path: "/v/a.json").objects.count, 0)
    }

    func testRequireOfRelativeConstantsFiles() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = { appId: 'warehouse', minutes: 15 };", to: root.appendingPathComponent("lib/constants.js"))
        try write("{ \"schema\": \"public\" }", to: root.appendingPathComponent("lib/db.json"))
        try write("""
            const { appId, minutes } = require("../lib/constants");
            const db = require("../lib/db.json");
            exports.default = async function buildConfig() {
              return [{ class: "schedule", id: "s", sourceId: appId, recurringFrequency: 1000 * 60 * minutes, options: { schema: db.schema } }];
            };
            """, to: root.appendingPathComponent("config/schedule.js"))
        let result = ConfigReader().readFile(at: root.appendingPathComponent("config/schedule.js").path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(JSONOutput.stringify(.array(result.objects)),
                       #"[{"class":"schedule","id":"s","sourceId":"warehouse","recurringFrequency":900000,"options":{"schema":"public"}}]"#)
    }

    func testRequireProblemsAreClear() throws {
        let root = try makeTemporaryDirectory(self)
        try write("module.exports = require('./b');", to: root.appendingPathComponent("a.js"))
        try write("module.exports = require('./a');", to: root.appendingPathComponent("b.js"))
        try write("module.exports = require('./missing');", to: root.appendingPathComponent("c.js"))
        try write("module.exports = require('./broken');", to: root.appendingPathComponent("d.js"))
        try write("module.exports = {", to: root.appendingPathComponent("broken.js"))
        let reader = ConfigReader()
        XCTAssertTrue(reader.readFile(at: root.appendingPathComponent("a.js").path).needsNode)
        XCTAssertEqual(reader.readFile(at: root.appendingPathComponent("c.js").path).diagnostics.first?.message,
                       "evaluating this file fails: Error: Cannot find module './missing'")
        let broken = reader.readFile(at: root.appendingPathComponent("d.js").path).diagnostics.first
        XCTAssertEqual(broken?.ruleID, "syntax-error")
        XCTAssertEqual(broken?.span?.file, root.appendingPathComponent("broken.js").standardizedFileURL.path)
    }

    func testEnvFileParsing() {
        let text = "# comment\nexport HOST=db.local\nPORT = 5432 # trailing\nQUOTED=\"a\\nb\"\nSINGLE='x y'\n\nEMPTY=\n"
        XCTAssertEqual(EnvFile.parse(text).values,
                       ["HOST": "db.local", "PORT": "5432", "QUOTED": "a\nb", "SINGLE": "x y", "EMPTY": ""])
        XCTAssertEqual(EnvFile.parse("A=crlf\r\nB=x\r\n").values, ["A": "crlf", "B": "x"])
        let skipped = EnvFile.parse("OK=1\nnot a pair\n")
        XCTAssertEqual(skipped.values, ["OK": "1"], "dotenv skips what it cannot read")
        XCTAssertEqual(skipped.ignoredLines, [2])
    }

    func testNumberFormattingMatchesJavaScript() {
        let cases: [(Double, String)] = [
            (900000, "900000"), (0.1, "0.1"), (1e21, "1e+21"), (1e-7, "1e-7"), (123e-20, "1.23e-18"),
            (-1.5, "-1.5"), (100, "100"), (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.leastNonzeroMagnitude, "5e-324"),
            (0.000001, "0.000001"), (123456789.125, "123456789.125"),
        ]
        for (number, text) in cases {
            XCTAssertEqual(JSONOutput.stringify(.number(number)), text)
        }
    }
}
