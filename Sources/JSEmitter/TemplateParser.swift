/// Parsed form of a template: text, value tags and (inverted) sections.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `indent` is the leading whitespace of the line the tag sits on; later lines of a
    /// multi-line value are prefixed with it so nested JS keeps its shape.
    /// `unquoted` for `{{{name}}}`.
    case value(name: String, unquoted: Bool, indent: String, line: Int, column: Int)
    case section(name: String, inverted: Bool, children: [TemplateNode], line: Int, column: Int)
}

/// Turns template text into `TemplateNode`s (see `Template` for the syntax).
struct TemplateParser {
    private let templateName: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var column = 1

    init(templateName: String, source: String) {
        self.templateName = templateName
        self.scalars = Array(source.unicodeScalars)
    }

    private struct OpenSection {
        var name: String
        var inverted: Bool
        var line: Int
        var column: Int
        var children: [TemplateNode] = []
    }

    mutating func parse() throws -> [TemplateNode] {
        var stack = [OpenSection(name: "", inverted: false, line: 0, column: 0)]
        var text = String.UnicodeScalarView()

        func flushText() {
            if !text.isEmpty {
                stack[stack.count - 1].children.append(.text(String(text)))
                text = String.UnicodeScalarView()
            }
        }

        while position < scalars.count {
            guard startsTag(at: position) else {
                text.append(scalars[position])
                advance(1)
                continue
            }
            let tagLine = line, tagColumn = column, tagStart = position
            guard var close = findTagEnd(from: position + 2) else {
                throw error(.unclosedTag, tagLine, tagColumn)
            }
            var body = String(String.UnicodeScalarView(scalars[(position + 2)..<close]))
            let unquoted = body.unicodeScalars.first == "{"
            if unquoted {
                // `{{{name}}}`: the tag ends at `}}}`.
                guard close + 2 < scalars.count, scalars[close + 2] == "}" else { throw error(.tripleBraces, tagLine, tagColumn) }
                body.removeFirst()
                close += 1
            }
            let sigil = unquoted ? nil : body.unicodeScalars.first

            let isControl = sigil == "#" || sigil == "^" || sigil == "/" || sigil == "!"
            let standalone = isControl && isStandalone(tagStart: tagStart, tagEnd: close + 2)
            if standalone {
                // The tag owns its line: drop the indentation already collected as text.
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
            flushText()
            advance(close + 2 - position)
            if standalone { skipRestOfLine() }

            switch sigil {
            case "!":
                continue
            case "#", "^":
                let name = try tagName(String(body.dropFirst()), tagLine, tagColumn)
                stack.append(OpenSection(name: name, inverted: sigil == "^", line: tagLine, column: tagColumn))
            case "/":
                let name = try tagName(String(body.dropFirst()), tagLine, tagColumn)
                guard stack.count > 1 else { throw error(.unexpectedSectionEnd(name), tagLine, tagColumn) }
                let open = stack.removeLast()
                guard open.name == name else {
                    throw error(
                        .mismatchedSectionEnd(open: open.name, openLine: open.line, openColumn: open.column, closing: name),
                        tagLine, tagColumn)
                }
                stack[stack.count - 1].children.append(
                    .section(name: name, inverted: open.inverted, children: open.children, line: open.line, column: open.column))
            default:
                let name = try tagName(body, tagLine, tagColumn)
                stack[stack.count - 1].children.append(
                    .value(name: name, unquoted: unquoted, indent: lineIndent(before: tagStart), line: tagLine, column: tagColumn))
            }
        }
        flushText()
        if stack.count > 1, let open = stack.last {
            throw error(.unclosedSection(open.name), open.line, open.column)
        }
        return stack[0].children
    }

    private func startsTag(at index: Int) -> Bool {
        index + 1 < scalars.count && scalars[index] == "{" && scalars[index + 1] == "{"
    }

    private func findTagEnd(from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "}" && scalars[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }

    private func tagName(_ raw: String, _ line: Int, _ column: Int) throws -> String {
        let name = raw.trimmingSpaces()
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": return true
            default: return false
            }
        }
        guard valid else { throw error(.invalidTagName(name), line, column) }
        return name
    }

    /// True when only spaces/tabs share the line with the tag.
    private func isStandalone(tagStart: Int, tagEnd: Int) -> Bool {
        var before = tagStart - 1
        while before >= 0 && scalars[before] != "\n" {
            guard scalars[before] == " " || scalars[before] == "\t" else { return false }
            before -= 1
        }
        var after = tagEnd
        while after < scalars.count && scalars[after] != "\n" {
            guard scalars[after] == " " || scalars[after] == "\t" || scalars[after] == "\r" else { return false }
            after += 1
        }
        return true
    }

    private func lineIndent(before index: Int) -> String {
        var start = index
        while start > 0 && scalars[start - 1] != "\n" { start -= 1 }
        var indent = String.UnicodeScalarView()
        var cursor = start
        while cursor < index && (scalars[cursor] == " " || scalars[cursor] == "\t") {
            indent.append(scalars[cursor])
            cursor += 1
        }
        return String(indent)
    }

    private mutating func skipRestOfLine() {
        while position < scalars.count && scalars[position] != "\n" { advance(1) }
        if position < scalars.count { advance(1) }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count {
            if scalars[position] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            position += 1
        }
    }

    private func error(_ kind: TemplateError.Kind, _ line: Int, _ column: Int) -> TemplateError {
        TemplateError(kind, template: templateName, line: line, column: column)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
