import Foundation
import XCTest

/// Under a low open-file limit (`ulimit -n`, common in CI containers) `validate` must read every file and print
/// what it prints without a limit, on every run: each worker holds one directory open, and the walk one directory
/// stream at a time however wide or deep the tree; a soft limit under `OpenFileLimit.needed` is raised to it.
final class ValidateOpenFileLimitTests: XCTestCase {
    var repository: ScratchRepository!

    override func setUpWithError() throws {
        repository = try ScratchRepository.empty("open-file-limit")
        // Wide (more directories than the limit) and deep (more levels than the limit).
        for number in 0..<300 {
            try repository.write("config/wide/d\(number)/team.js",
                                 "module.exports = { class: 'team', id: 'w\(number)', name: 'W\(number)', options: {} };")
        }
        var deep = "config/deep"
        for level in 0..<150 {
            deep += "/d"
            try repository.write(deep + "/team.json", "{ \"class\": \"team\", \"id\": \"d\(level)\", \"name\": \"D\(level)\" }")
        }
        try repository.write("config/wide/d7/broken.js", "module.exports = { class: 'team', id: 'w1' };")
    }

    override func tearDownWithError() throws {
        repository.remove()
    }

    func testLowOpenFileLimitsReadEveryFileTheSame() throws {
        let unlimited = try BuiltTool.runScript("grouparoo-gen validate config --format json || echo \"exit $?\"",
                                                in: repository.root)
        XCTAssertTrue(unlimited.output.contains("\"w1\""), unlimited.output)
        XCTAssertFalse(unlimited.output.contains("cannot read"), unlimited.output)
        // `-S`: a soft limit under what a run needs is raised to it, as far as the hard limit allows.
        for limit in ["-S -n 4", "-S -n 12", "-n 32", "-n 64", "-n 100", "-n 200"] {
            for _ in 0..<3 {
                let limited = try BuiltTool.runScript(
                    "ulimit \(limit); grouparoo-gen validate config --format json || echo \"exit $?\"", in: repository.root)
                XCTAssertEqual(limited.output, unlimited.output, "ulimit \(limit)")
                XCTAssertEqual(limited.errors, unlimited.errors, "ulimit \(limit)")
            }
        }
    }

    /// A hard limit under what a run needs is said at once, and nothing runs.
    func testAHardLimitTooLowToRunIsAClearError() throws {
        let run = try BuiltTool.runScript("ulimit -n 20; grouparoo-gen validate config || echo \"exit $?\"", in: repository.root)
        XCTAssertEqual(run.output, "exit 2\n")
        XCTAssertEqual(run.errors, "error: grouparoo-gen needs to hold 32 files open at once, and `ulimit -n` is 20\n")
    }
}
