import ConfigModel
import Foundation
import XCTest

/// Writes config files into a fresh temporary directory and validates it like the CLI would.
enum ValidationHarness {
    /// Every rule switched on, including those off by default.
    static let everyRule = RuleSelection(enabled: Set(RuleCatalog.all.map(\.description.identifier)))

    static func validate(_ files: [String: String], in test: XCTestCase, plugins: PluginCatalog? = .bundled,
                         dialect: SQLDialect = .sqlite, selection: RuleSelection = everyRule,
                         runMode: RunMode = .default) throws -> ValidationReport {
        let root = try makeTemporaryDirectory(test)
        for (path, contents) in files { try write(contents, to: root.appendingPathComponent(path)) }
        return validate(directory: root.path, plugins: plugins, dialect: dialect, selection: selection, runMode: runMode)
    }

    static func validate(directory: String, plugins: PluginCatalog? = .bundled, dialect: SQLDialect = .sqlite,
                         selection: RuleSelection = everyRule, runMode: RunMode = .default) -> ValidationReport {
        let read = ConfigReader().readDirectory(at: directory)
        return Validator(selection: selection, dialect: dialect, plugins: plugins, runMode: runMode).validate(read)
    }

    /// A one-file config holding these objects.
    static func validate(objects: String, in test: XCTestCase, plugins: PluginCatalog? = .bundled,
                         dialect: SQLDialect = .sqlite, runMode: RunMode = .default) throws -> ValidationReport {
        try validate(RuleExample(objects: objects).files, in: test, plugins: plugins, dialect: dialect, runMode: runMode)
    }
}

extension ValidationReport {
    func diagnostics(_ ruleID: String) -> [Diagnostic] { diagnostics.filter { $0.ruleID == ruleID } }

    /// `rule-id: message` lines, for assertion failure output.
    var summary: String { diagnostics.map { "\($0.ruleID): \($0.message)" }.joined(separator: "\n") }
}
