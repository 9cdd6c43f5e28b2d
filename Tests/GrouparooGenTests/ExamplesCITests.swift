import Foundation
import XCTest

/// Runs the commands of `examples/ci/` against the example repositories with the built binary.
final class ExamplesCITests: XCTestCase {
    static let ciFolder = BuiltTool.packageRoot.appendingPathComponent("examples/ci")

    /// The example workflow's checks, each with the environment it runs in: the action's validate
    /// step with the workflow's inputs, then the workflow's own `run:` steps that call grouparoo-gen.
    func workflowValidateScripts() throws -> [(script: String, environment: [String: String])] {
        let text = try String(contentsOf: Self.ciFolder.appendingPathComponent("github-actions.yml"), encoding: .utf8)
        let uses = try ActionUse.find(in: text)
        XCTAssertEqual(uses.count, 1, "the workflow installs and runs grouparoo-gen with the action")
        let action = try CompositeAction.load()
        let validate = try action.step(named: "Validate config")
        let own = TinyYAML.runScripts(in: text).filter { script in script.split(separator: "\n").contains { $0.hasPrefix("grouparoo-gen ") } }
        return [(validate.script, action.environment(of: validate, inputs: try XCTUnwrap(uses.first).inputs))] + own.map { ($0, [:]) }
    }

    func testWorkflowStepsPassOnACleanExample() throws {
        let repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        defer { repository.remove() }
        let scripts = try workflowValidateScripts()
        XCTAssertEqual(scripts.count, 2, "annotation and SARIF steps")
        for (script, environment) in scripts {
            let run = try BuiltTool.runScript(script, in: repository.root, extraEnvironment: environment)
            XCTAssertEqual(run.status, 0, "\(script)\n\(run.errors)")
            XCTAssertFalse(run.output.contains("::error"), run.output)
        }
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: repository.root.appendingPathComponent("grouparoo-gen.sarif")))
        XCTAssertEqual((sarif as? [String: Any])?["version"] as? String, "2.1.0")
    }

    func testWorkflowStepsReportTheBrokenExample() throws {
        let repository = try ScratchRepository.copyOfExample("broken")
        defer { repository.remove() }
        let scripts = try workflowValidateScripts()
        let annotate = try XCTUnwrap(scripts.first { $0.script.contains("--format github") })
        let annotated = try BuiltTool.runScript(annotate.script, in: repository.root, extraEnvironment: annotate.environment)
        XCTAssertEqual(annotated.status, 1, "errors fail the job")
        XCTAssertTrue(annotated.output.contains("::error file=config/sources/users.js"), annotated.output)

        let report = try XCTUnwrap(scripts.first { $0.script.contains("--format sarif") })
        let reported = try BuiltTool.runScript(report.script, in: repository.root)
        XCTAssertEqual(reported.status, 0, "an invalid config still yields a report: \(reported.errors)")
        let sarif = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: repository.root.appendingPathComponent("grouparoo-gen.sarif"))) as? [String: Any])
        let results = (sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
        XCTAssertEqual(results?.isEmpty, false)
    }

    func runValidateScript(_ arguments: [String], in repository: ScratchRepository, environment: [String: String]) throws -> BuiltTool.Run {
        let script = Self.ciFolder.appendingPathComponent("validate.sh").path
        return try BuiltTool.run(["/bin/sh", script] + arguments, in: repository.root,
                                 environment: ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new })
    }

    func testValidateScriptWithTheBinaryFromAnEnvironmentVariable() throws {
        let repository = try ScratchRepository.copyOfExample("csv-team")
        defer { repository.remove() }
        let run = try runValidateScript(["config", "--env-file", "example.env"], in: repository,
                                        environment: ["GROUPAROO_GEN": try BuiltTool.binary().path])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.errors.contains("0 errors, 0 warnings"), run.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: repository.root.appendingPathComponent("grouparoo-gen-report.json"))) as? [String: Any])
        XCTAssertEqual(report["valid"] as? Bool, true)
    }

    func testValidateScriptFailsOnErrorsWithTheBinaryOnPath() throws {
        let repository = try ScratchRepository.copyOfExample("broken")
        defer { repository.remove() }
        let run = try runValidateScript([], in: repository, environment: ["PATH": try BuiltTool.pathWithBinary(),
                                                                          "GROUPAROO_REPORT": "report.json"])
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertTrue(run.errors.contains("7 errors"), run.errors)
        XCTAssertTrue(run.errors.contains("has problems"), run.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: repository.root.appendingPathComponent("report.json"))) as? [String: Any])
        XCTAssertEqual(report["error_count"] as? Int, 7)
    }

    func testValidateScriptOptionsWithoutADirectoryAndAMissingBinary() throws {
        let repository = try ScratchRepository.copyOfExample("postgres-mailchimp")
        defer { repository.remove() }
        // Warnings (here an unset variable) fail with --strict; ./config is used when no directory is given.
        try repository.write("config/teams/readers.js", """
            module.exports = { class: "team", id: "readers", name: "Readers",
                               options: { permissionAllRead: process.env.GROUPAROO_GEN_SURELY_UNSET } };
            """)
        let strict = try runValidateScript(["--strict"], in: repository, environment: ["GROUPAROO_GEN": try BuiltTool.binary().path])
        XCTAssertEqual(strict.status, 1, strict.errors)
        XCTAssertTrue(strict.errors.contains("--strict makes warnings fail"), strict.errors)

        let missing = try runValidateScript([], in: repository, environment: [:])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.errors.contains("grouparoo-gen not found"), missing.errors)
    }
}
