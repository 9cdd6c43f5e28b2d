import Foundation

/// Reads dotenv files (`--env-file`, `.env.example`) exactly as dotenv 16 does, since Grouparoo loads
/// `.env` with dotenv 16.0.0: `KEY=value` and `KEY: value`, optional `export `, `#` comments after
/// unquoted values, single, double and back quotes, values in double quotes spanning lines, and `\n`/`\r`
/// expanded inside double quotes only. Lines dotenv cannot read are skipped, as dotenv skips them;
/// they are listed so a caller can say so.
public enum EnvFile {
    public struct Parsed: Equatable, Sendable {
        public var values: [String: String] = [:]
        /// 1-based numbers of the lines that are not blank, not a comment and not part of any assignment.
        public var ignoredLines: [Int] = []
    }

    /// dotenv 16's line pattern (JavaScript's ASCII `\w` spelled out for ICU): a key, `=` or `:`, then a quoted value (which may span lines) or the
    /// rest of the line up to a `#`, then an optional comment.
    private static let line = try! NSRegularExpression(
        pattern: #"(?:^|^)\s*(?:export\s+)?([A-Za-z0-9_.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)"#,
        options: [.anchorsMatchLines])
    private static let surroundingQuotes = try! NSRegularExpression(pattern: #"^(['"`])([\s\S]*)\1$"#, options: [.anchorsMatchLines])

    public static func parse(_ text: String) -> Parsed {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let source = normalized as NSString
        var parsed = Parsed()
        var covered = IndexSet()
        for match in line.matches(in: normalized, range: NSRange(location: 0, length: source.length)) {
            covered.insert(integersIn: match.range.location..<match.range.location + match.range.length)
            let key = source.substring(with: match.range(at: 1))
            let raw = match.range(at: 2).location == NSNotFound ? "" : source.substring(with: match.range(at: 2))
            parsed.values[key] = value(raw)
        }
        var offset = 0
        for (index, text) in normalized.components(separatedBy: "\n").enumerated() {
            let length = (text as NSString).length
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, !trimmed.hasPrefix("#"), !covered.intersects(integersIn: offset..<offset + length) {
                parsed.ignoredLines.append(index + 1)
            }
            offset += length + 1
        }
        return parsed
    }

    /// dotenv's value steps: trim, remove one pair of surrounding quotes, expand `\n` and `\r` in double quotes.
    private static func value(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let range = NSRange(location: 0, length: (trimmed as NSString).length)
        var value = surroundingQuotes.stringByReplacingMatches(in: trimmed, range: range, withTemplate: "$2")
        if trimmed.hasPrefix("\"") {
            value = value.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\r", with: "\r")
        }
        return value
    }
}
