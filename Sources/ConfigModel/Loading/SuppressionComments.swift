/// A `// grouparoo-gen-disable-next-line <rule>…` or `// grouparoo-gen-disable-file <rule>…` comment
/// in a JavaScript config file. No rule listed means every rule.
public struct SuppressionComment: Sendable, Equatable {
    public enum Scope: String, Sendable, CaseIterable {
        case nextLine = "grouparoo-gen-disable-next-line"
        case file = "grouparoo-gen-disable-file"
    }

    public let scope: Scope
    public let rules: [String]
    /// Where the directive is written.
    public let span: SourceSpan
}

extension SourceText {
    /// The suppression comments in this text: a `//` comment whose text starts with a directive.
    /// Rule ids are separated by commas or spaces; text after ` -- ` is a reason and ignored.
    func suppressionComments() -> [SuppressionComment] {
        guard Self.contains(Self.directivePrefix, in: scalars) else { return [] }
        var found: [SuppressionComment] = []
        for number in 1...lineCount {
            let line = self.line(number)
            var searchFrom = line.startIndex
            while let slashes = line.range(of: "//", range: searchFrom..<line.endIndex) {
                searchFrom = slashes.upperBound
                if let comment = Self.suppression(in: line, after: slashes.upperBound, lineNumber: number, file: file) {
                    found.append(comment)
                    break
                }
            }
        }
        return found
    }

    private static let directivePrefix = Array("grouparoo-gen-disable".unicodeScalars)

    /// A plain scan: `firstRange(of:)` runs unspecialized generic code here, a third of a 10k-file validate.
    private static func contains(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var matched = 1
            while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }

    private static func suppression(in line: String, after index: String.Index, lineNumber: Int, file: String) -> SuppressionComment? {
        var comment = line[index...].drop { $0 == " " || $0 == "\t" }
        guard let scope = SuppressionComment.Scope.allCases.first(where: { scope in
            comment.hasPrefix(scope.rawValue) && comment.dropFirst(scope.rawValue.count).first.map { $0 == " " || $0 == "\t" } ?? true
        }) else { return nil }
        let column = line.unicodeScalars.distance(from: line.startIndex, to: comment.startIndex) + 1
        comment = comment.dropFirst(scope.rawValue.count)
        if let reason = comment.range(of: " -- ") { comment = comment[..<reason.lowerBound] }
        let rules = comment.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let start = TextPosition(line: lineNumber, column: column)
        let end = TextPosition(line: lineNumber, column: column + scope.rawValue.count)
        return SuppressionComment(scope: scope, rules: rules, span: SourceSpan(file: file, start: start, end: end))
    }
}
