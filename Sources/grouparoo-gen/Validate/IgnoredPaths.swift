import ConfigModel
import Foundation

/// The `"ignore"` globs of `.grouparoo-gen.json`: diagnostics located in a matching file are dropped
/// (the file is still read, so references to its objects resolve). Patterns are relative to the
/// settings file's directory; `*` and `?` stay within one path segment, `**` spans segments, and a
/// pattern naming a directory covers everything below it. A pattern that matches no config file
/// is reported (`unused-suppression`). A file that could not be read is reported all the same
/// (`RuleSelection.neverDisabledRules`): Grouparoo loads ignored files too.
struct IgnoredPaths {
    struct Pattern: Equatable {
        let text: String
        /// Where the pattern is written in the settings file.
        let span: SourceSpan
    }

    private let base: String
    private let patterns: [(pattern: Pattern, regex: NSRegularExpression)]

    init(_ patterns: [Pattern], settingsDirectory: String) {
        base = settingsDirectory.hasSuffix("/") ? settingsDirectory : settingsDirectory + "/"
        self.patterns = patterns.compactMap { pattern in
            (try? NSRegularExpression(pattern: Self.regex(forGlob: pattern.text))).map { (pattern, $0) }
        }
    }

    /// Drops diagnostics in ignored files; reports the patterns that matched no file read.
    func apply(to diagnostics: [Diagnostic], read: ConfigReadResult, reportUnused: Bool) -> [Diagnostic] {
        guard !patterns.isEmpty else { return diagnostics }
        var matchedAny = Array(repeating: false, count: patterns.count)
        for file in read.files {
            for index in patterns.indices where matches(file.path, index) { matchedAny[index] = true }
        }
        let kept = diagnostics.filter { diagnostic in
            guard let file = diagnostic.span?.file, !RuleSelection.neverDisabledRules.contains(diagnostic.ruleID) else { return true }
            return !patterns.indices.contains { matches(file, $0) }
        }
        guard reportUnused else { return kept }
        let unused = patterns.indices.filter { !matchedAny[$0] }.map { index in
            Diagnostic(severity: .warning, ruleID: "unused-suppression",
                       message: "the \"ignore\" pattern \"\(patterns[index].pattern.text)\" matches no config file; remove it",
                       span: patterns[index].pattern.span)
        }
        return kept + unused
    }

    private func matches(_ path: String, _ index: Int) -> Bool {
        guard path.hasPrefix(base) else { return false }
        let relative = String(path.dropFirst(base.count))
        let range = NSRange(location: 0, length: (relative as NSString).length)
        return patterns[index].regex.firstMatch(in: relative, range: range) != nil
    }

    static func regex(forGlob glob: String) -> String {
        var regex = "^"
        var characters = Array(glob.hasPrefix("./") ? String(glob.dropFirst(2)) : glob)
        if characters.last == "/" { characters.removeLast() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                let followedBySlash = index + 2 < characters.count && characters[index + 2] == "/"
                regex += followedBySlash ? "(?:.*/)?" : ".*"
                index += followedBySlash ? 3 : 2
                continue
            }
            switch character {
            case "*": regex += "[^/]*"
            case "?": regex += "[^/]"
            default: regex += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        return regex + "(?:/.*)?$"
    }
}
