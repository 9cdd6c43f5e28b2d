/// Writes `JSLiteral` values as JavaScript source, in the layout prettier 2 gives Grouparoo's
/// config files: two-space indentation, double quotes, a trailing comma after every entry of a
/// multi-line object or array, and bare keys where the key is an identifier.
///
/// Layout decisions: a non-empty object always spans several lines (like a hand-written config
/// object, which prettier keeps expanded); an array of scalars stays on one line while it is
/// short, otherwise each element gets its own line. Empty containers print as `{}` and `[]`.
///
/// The result starts at the column where it is inserted and indents nested lines from `indent`
/// (column 0 by default); `Template` prints literal values with the indent of their line.
public struct JSPrinter: Sendable {
    /// An array of scalars whose one-line form is longer than this is split onto several lines.
    public var maxInlineArrayWidth: Int

    public init(maxInlineArrayWidth: Int = 60) {
        self.maxInlineArrayWidth = maxInlineArrayWidth
    }

    /// JavaScript source for `value`. Throws `JSPrintError` for NaN or infinite numbers.
    /// With `indent`, nested lines start with it, as if the value were inserted on a line so indented.
    public func print(_ value: JSLiteral, indent: String = "") throws -> String {
        var out = ""
        try write(value, indent: indent, into: &out)
        return out
    }

    private func write(_ value: JSLiteral, indent: String, into out: inout String) throws {
        switch value {
        case .string(let text): out += JSLiteralSyntax.quoted(text)
        case .utf16String(let units): out += JSLiteralSyntax.quoted(utf16: units)
        case .number(let number): out += try JSLiteralSyntax.number(number)
        case .boolean(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .undefined: out += "undefined"
        case .environmentVariable(let name): out += JSLiteralSyntax.environmentReference(name)
        case .array(let elements): try writeArray(elements, indent: indent, into: &out)
        case .object(let members): try writeObject(members, indent: indent, into: &out)
        }
    }

    private func writeArray(_ elements: [JSLiteral], indent: String, into out: inout String) throws {
        if elements.isEmpty {
            out += "[]"
            return
        }
        if elements.allSatisfy(\.isScalar) {
            let inline = "[" + (try elements.map { try print($0) }).joined(separator: ", ") + "]"
            if inline.count <= maxInlineArrayWidth {
                out += inline
                return
            }
        }
        let inner = indent + "  "
        out += "[\n"
        for element in elements {
            out += inner
            try write(element, indent: inner, into: &out)
            out += ",\n"
        }
        out += indent + "]"
    }

    private func writeObject(_ members: [JSObjectMember], indent: String, into out: inout String) throws {
        if members.isEmpty {
            out += "{}"
            return
        }
        let inner = indent + "  "
        out += "{\n"
        for member in members {
            // A commented-out entry is laid out from column 0, then every line gets `inner // `.
            var entry = JSLiteralSyntax.propertyKey(member.key) + ": "
            try write(member.value, indent: member.isCommentedOut ? "" : inner, into: &entry)
            entry += ","
            if let comment = member.comment, !comment.isEmpty {
                entry += " // " + JSLiteralSyntax.lineCommentText(comment)
            }
            if member.isCommentedOut {
                // Strings are escaped, so the only line breaks are the layout's own.
                out += entry.split(separator: "\n", omittingEmptySubsequences: false).map { inner + "// " + $0 }.joined(separator: "\n") + "\n"
            } else {
                out += inner + entry + "\n"
            }
        }
        out += indent + "}"
    }
}

extension JSLiteral {
    /// True for values printed as a single token (not arrays or objects).
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }
}
