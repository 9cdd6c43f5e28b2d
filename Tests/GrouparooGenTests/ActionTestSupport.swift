import Foundation
import XCTest

/// The composite GitHub Action (`action.yml`), run like the GitHub runner runs it, for local tests:
/// each step's `env:` gets `${{ inputs.NAME }}` filled from the inputs given or their defaults, its
/// `run:` script runs with bash -e -o pipefail, GITHUB_ACTION_PATH is this package's root, and the
/// folders a step appends to $GITHUB_PATH come first on PATH for the steps after it.
struct CompositeAction {
    struct Step {
        let name: String
        let environment: [String: String]
        let script: String
    }

    let defaults: [String: String]
    let steps: [Step]

    static func load() throws -> CompositeAction {
        let text = try String(contentsOf: BuiltTool.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var defaults: [String: String] = [:]
        var section = "", input = ""
        var stepTexts: [[String]] = []
        for line in lines where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let indent = line.prefix { $0 == " " }.count
            let body = line.trimmingCharacters(in: .whitespaces)
            if indent == 0, !body.isEmpty { section = body }
            if section == "inputs:", indent == 2 { input = String(body.dropLast()) }
            if section == "inputs:", indent == 4, body.hasPrefix("default:") {
                defaults[input] = unquoted(String(body.dropFirst("default:".count)))
            }
            if section == "runs:", body.hasPrefix("- name:") { stepTexts.append([]) }
            if section == "runs:", !stepTexts.isEmpty { stepTexts[stepTexts.count - 1].append(line) }
        }
        let steps = try stepTexts.map { stepLines -> Step in
            let name = unquoted(String(stepLines[0].trimmingCharacters(in: .whitespaces).dropFirst("- name:".count)))
            var environment: [String: String] = [:]
            var inEnv = false
            for line in stepLines.dropFirst() {
                let indent = line.prefix { $0 == " " }.count
                let body = line.trimmingCharacters(in: .whitespaces)
                if body == "env:" { inEnv = true; continue }
                if inEnv, indent == 8, let colon = body.firstIndex(of: ":") {
                    environment[String(body[..<colon])] = unquoted(String(body[body.index(after: colon)...]))
                } else if !body.isEmpty, indent <= 6 {
                    inEnv = false
                }
            }
            let script = try XCTUnwrap(TinyYAML.runScripts(in: stepLines.joined(separator: "\n")).first, "step \(name) has a run script")
            XCTAssertFalse(script.contains("${{"), "step \(name): inputs reach scripts through env:, never pasted into the script")
            return Step(name: name, environment: environment, script: script)
        }
        return CompositeAction(defaults: defaults, steps: steps)
    }

    private static func unquoted(_ text: String) -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    /// A step's environment with its `${{ inputs.NAME }}` expressions evaluated.
    func environment(of step: Step, inputs: [String: String]) -> [String: String] {
        step.environment.mapValues { value in
            guard value.hasPrefix("${{"), value.hasSuffix("}}") else { return value }
            let expression = value.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(expression.hasPrefix("inputs."), "only inputs are used: \(value)")
            let name = String(expression.dropFirst("inputs.".count))
            XCTAssertNotNil(defaults[name], "input \(name) is declared")
            return inputs[name] ?? defaults[name] ?? ""
        }
    }

    func step(named name: String) throws -> Step {
        try XCTUnwrap(steps.first { $0.name == name }, "action.yml has a step \(name)")
    }

    /// Runs the steps in order until one fails; `path` is the PATH the job starts with.
    func run(_ selected: [Step]? = nil, inputs: [String: String], in directory: URL, path: String) throws -> [BuiltTool.Run] {
        let runnerTemp = directory.appendingPathComponent(".runner-temp")
        try FileManager.default.createDirectory(at: runnerTemp, withIntermediateDirectories: true)
        let pathFile = runnerTemp.appendingPathComponent("github-path")
        try Data().write(to: pathFile)
        var runs: [BuiltTool.Run] = []
        for step in selected ?? steps {
            let added = try String(contentsOf: pathFile, encoding: .utf8).split(separator: "\n").reversed().joined(separator: ":")
            var environment = ["PATH": added.isEmpty ? path : added + ":" + path, "HOME": runnerTemp.path, "LC_ALL": "C",
                               "RUNNER_TEMP": runnerTemp.path, "GITHUB_PATH": pathFile.path,
                               "GITHUB_ACTION_PATH": BuiltTool.packageRoot.path]
            environment.merge(self.environment(of: step, inputs: inputs)) { _, new in new }
            let run = try BuiltTool.run(["/bin/bash", "-e", "-o", "pipefail", "-c", step.script], in: directory, environment: environment)
            runs.append(run)
            if run.status != 0 { break }
        }
        return runs
    }
}

/// Where a workflow uses this repository's action: its ref and `with:` inputs.
struct ActionUse: Equatable {
    let ref: String
    let inputs: [String: String]

    static func find(in workflow: String) throws -> [ActionUse] {
        let prefix = "uses: " + (try ReleaseFiles.info(["repository"])) + "@"
        let lines = workflow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var uses: [ActionUse] = []
        for (index, line) in lines.enumerated() {
            let body = line.trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix(prefix) || body.hasPrefix("- " + prefix) else { continue }
            let ref = String(body[body.range(of: prefix)!.upperBound...])
            let indent = line.prefix { $0 == " " }.count
            var inputs: [String: String] = [:]
            var inWith = false
            for next in lines[(index + 1)...] {
                let nextIndent = next.prefix { $0 == " " }.count
                let nextBody = next.trimmingCharacters(in: .whitespaces)
                if nextBody.isEmpty || nextBody.hasPrefix("#") { continue }
                if nextIndent < indent || nextBody.hasPrefix("- ") { break }
                if nextIndent == indent { inWith = nextBody == "with:"; continue }
                if inWith, let colon = nextBody.firstIndex(of: ":") {
                    inputs[String(nextBody[..<colon])] = nextBody[nextBody.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            uses.append(ActionUse(ref: ref, inputs: inputs))
        }
        return uses
    }
}
