/// A value a template can use.
public enum TemplateValue: Sendable, Equatable {
    /// Inserted verbatim (plain text such as a display name in a comment).
    /// As a section it is true when non-empty.
    case text(String)
    /// A JavaScript value: `{{name}}` prints it with `JSPrinter` (a string comes out quoted and
    /// escaped); `{{{name}}}` inserts a string's characters unquoted, for templates that write the
    /// quotes themselves (`id: "{{{id}}}"`, as Grouparoo's did). As a section it is true unless it
    /// is `false`, `null`, `undefined` or the empty string.
    case literal(JSLiteral)
    /// Inserted as `true`/`false`; as a section, rendered once when true.
    case flag(Bool)
    /// A section over a list renders its body once per element; each element's values hide
    /// outer values of the same name. An empty list is false.
    case list([TemplateContext])

    var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .literal(let value): return ![.boolean(false), .null, .undefined, .string("")].contains(value)
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        }
    }
}

/// Values available to a template while it renders, by tag name.
public typealias TemplateContext = [String: TemplateValue]

/// A small, logic-less template in a Mustache-like syntax, made for writing JavaScript files.
///
/// Syntax:
/// - `{{name}}` inserts the value of `name`: text as-is, a `.literal` as JavaScript source. There
///   is no HTML escaping. `{{{name}}}` inserts a `.literal` string's characters without quotes
///   (the unescaped form Grouparoo's own templates use inside quotes). When the value spans several
///   lines, every line after the first gets the indentation of the line the tag is on.
/// - `{{#name}}…{{/name}}` renders its body when `name` is true, non-empty text or a non-empty
///   list (once per element for a list).
/// - `{{^name}}…{{/name}}` renders its body when `name` is false, empty text or an empty list.
/// - `{{! any text }}` is a comment and may span lines.
/// - A line holding nothing but a section, closing or comment tag (plus spaces) disappears
///   entirely, line break included, so control tags do not leave blank lines behind.
/// - Tag names use letters, digits, `_` and `-`; spaces inside the braces are ignored.
///
/// Strictness: every name a rendered tag uses — in sections too — must be present in the
/// context; a missing one is an error naming it and its line, never silently empty output.
public struct Template: Sendable {
    public let name: String
    let nodes: [TemplateNode]

    /// Parses `source`. Malformed text throws `TemplateError` with the line and column.
    public init(name: String, source: String) throws {
        var parser = TemplateParser(templateName: name, source: source)
        self.name = name
        self.nodes = try parser.parse()
    }

    /// Renders with `context`. Throws `TemplateError.Kind.missingValue` for an undefined name.
    public func render(_ context: TemplateContext, printer: JSPrinter = JSPrinter()) throws -> String {
        var out = ""
        try render(nodes, scopes: [context], printer: printer, into: &out)
        return out
    }

    private func render(_ nodes: [TemplateNode], scopes: [TemplateContext], printer: JSPrinter, into out: inout String) throws {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case let .value(name, unquoted, indent, line, column):
                switch try lookup(name, scopes, line, column) {
                case .text(let text): out += indent.isEmpty ? text : reindent(text, with: indent)
                case .literal(.string(let text)) where unquoted: out += text
                case .literal(let value):
                    out += try printer.print(value, indent: indent)
                case .flag(let flag): out += flag ? "true" : "false"
                case .list: throw TemplateError(.listInterpolated(name), template: self.name, line: line, column: column)
                }
            case let .section(name, inverted, children, line, column):
                let value = try lookup(name, scopes, line, column)
                if inverted {
                    if !value.isTruthy { try render(children, scopes: scopes, printer: printer, into: &out) }
                } else if case .list(let items) = value {
                    for item in items { try render(children, scopes: scopes + [item], printer: printer, into: &out) }
                } else if value.isTruthy {
                    try render(children, scopes: scopes, printer: printer, into: &out)
                }
            }
        }
    }

    private func lookup(_ name: String, _ scopes: [TemplateContext], _ line: Int, _ column: Int) throws -> TemplateValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        throw TemplateError(.missingValue(name), template: self.name, line: line, column: column)
    }

    private func reindent(_ text: String, with indent: String) -> String {
        guard text.contains("\n") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 || line.isEmpty ? String(line) : indent + line
        }.joined(separator: "\n")
    }
}
