/// A `// grouparoo-gen-disable-next-line <rule>…` or `// grouparoo-gen-disable-file <rule>…` comment
/// (or the same in a one-line `/* … */`, as ESLint allows) in a config file; JSON5 `.json` files
/// have comments too. No rule listed means every rule.
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
    /// The suppression comments in this text: a `//` or `/*` comment whose text starts with a directive.
    /// Rule ids are separated by commas or spaces; text after ` -- ` is a reason and ignored.
    func suppressionComments() -> [SuppressionComment] {
        guard ByteScan.contains(Self.directivePrefix, in: bytes, anchor: Self.directiveHyphen) else { return [] }
        var found: [SuppressionComment] = []
        for number in 1...lineCount {
            let line = self.line(number)
            var searchFrom = line.startIndex
            while let opener = Self.commentOpener(in: line, from: searchFrom) {
                searchFrom = opener.range.upperBound
                if let comment = Self.suppression(in: line, after: opener.range.upperBound, block: opener.block, lineNumber: number,
                                                  file: file) {
                    found.append(comment)
                    break
                }
            }
        }
        return found
    }

    private static let directivePrefix = Array("grouparoo-gen-disable".utf8)
    /// Where the prefix's first `-` is: files hold far fewer hyphens than `g`s (in long comments, a twentieth).
    private static let directiveHyphen = directivePrefix.firstIndex(of: UInt8(ascii: "-"))!

    /// The first `//` or `/*` at or after `start`; `block` for `/*`.
    private static func commentOpener(in line: String, from start: String.Index) -> (range: Range<String.Index>, block: Bool)? {
        let lineComment = line.range(of: "//", range: start..<line.endIndex)
        guard let blockComment = line.range(of: "/*", range: start..<line.endIndex) else { return lineComment.map { ($0, false) } }
        guard let lineComment, lineComment.lowerBound < blockComment.lowerBound else { return (blockComment, true) }
        return (lineComment, false)
    }

    private static func suppression(in line: String, after index: String.Index, block: Bool, lineNumber: Int,
                                    file: String) -> SuppressionComment? {
        var comment = line[index...].drop { $0 == " " || $0 == "\t" }
        guard let scope = SuppressionComment.Scope.allCases.first(where: { scope in
            let next = comment.dropFirst(scope.rawValue.count).first
            return comment.hasPrefix(scope.rawValue) && next.map { $0 == " " || $0 == "\t" || (block && $0 == "*") } ?? true
        }) else { return nil }
        let column = line.unicodeScalars.distance(from: line.startIndex, to: comment.startIndex) + 1
        comment = comment.dropFirst(scope.rawValue.count)
        if block, let close = comment.range(of: "*/") { comment = comment[..<close.lowerBound] }
        if let reason = comment.range(of: " -- ") { comment = comment[..<reason.lowerBound] }
        let rules = comment.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let start = TextPosition(line: lineNumber, column: column)
        let end = TextPosition(line: lineNumber, column: column + scope.rawValue.count)
        return SuppressionComment(scope: scope, rules: rules, span: SourceSpan(file: file, start: start, end: end))
    }
}
