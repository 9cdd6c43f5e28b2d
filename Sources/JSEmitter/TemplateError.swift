/// A problem with a template's text (found when parsing) or with the values given to render it.
/// Always points at the tag concerned, so a template author can fix it directly.
public struct TemplateError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `{{` without a matching `}}`.
        case unclosedTag
        /// A tag whose name is empty or holds characters other than letters, digits, `_`, `-`.
        case invalidTagName(String)
        /// `{{{name}}` or `{{{name}}}}`: a tag opened with three braces must close with exactly three.
        case tripleBraces
        /// `{{#name}}` or `{{^name}}` never closed.
        case unclosedSection(String)
        /// `{{/name}}` with no open section.
        case unexpectedSectionEnd(String)
        /// `{{/closing}}` while section `open` (opened at line:column) is the innermost one.
        case mismatchedSectionEnd(open: String, openLine: Int, openColumn: Int, closing: String)
        /// A tag names a value the render context does not define.
        case missingValue(String)
        /// A list was used where text is needed (`{{name}}`).
        case listInterpolated(String)
    }

    public var kind: Kind
    /// Name of the template, as given when it was parsed.
    public var template: String
    /// 1-based line and column (in Unicode scalars) of the offending tag.
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, template: String, line: Int, column: Int) {
        self.kind = kind
        self.template = template
        self.line = line
        self.column = column
    }

    public var message: String {
        switch kind {
        case .unclosedTag:
            return "tag opened with \"{{\" is never closed with \"}}\""
        case .invalidTagName(let name):
            return "invalid tag name \(JSLiteralSyntax.quoted(name)) (use letters, digits, \"_\" and \"-\")"
        case .tripleBraces:
            return "a tag opened with \"{{{\" must be closed with \"}}}\" (write {{{name}}} or {{name}})"
        case .unclosedSection(let name):
            return "section \"\(name)\" is never closed with {{/\(name)}}"
        case .unexpectedSectionEnd(let name):
            return "{{/\(name)}} closes a section that was never opened"
        case let .mismatchedSectionEnd(open, openLine, openColumn, closing):
            return "{{/\(closing)}} found while section \"\(open)\" (opened at \(openLine):\(openColumn)) is still open"
        case .missingValue(let name):
            return "missing value for \"\(name)\""
        case .listInterpolated(let name):
            return "\"\(name)\" is a list; use it as a section ({{#\(name)}}…{{/\(name)}}), not as {{\(name)}}"
        }
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}
