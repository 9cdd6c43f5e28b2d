/// Finds the variables of a Mustache template the way Grouparoo reads property options for
/// dependencies (R-DEP-05): only top-level `{{x}}`, `{{{x}}}` and `{{& x}}` tags count; tags inside
/// sections do not. Mirrors the parts of `Mustache.parse` that decide which names are found and
/// which templates fail to parse.
enum MustacheScanner {
    enum Outcome: Equatable {
        case variables([String])
        case syntaxError(String)
    }

    /// Grouparoo only parses string options that contain `{{` and are longer than 4 characters.
    /// Byte-wise: Foundation's `contains` is slow, and this runs for every string option of every property.
    static func isTemplate(_ text: String) -> Bool {
        text.utf16.count > 4 && text.containsDoubled(UInt8(ascii: "{"))
    }

    static func scan(_ template: String) -> Outcome {
        let scalars = Array(template.unicodeScalars)
        var names: [String] = []
        var openSections: [String] = []
        var index = 0
        while let open = find("{{", in: scalars, from: index) {
            var cursor = open + 2
            var tagType: Unicode.Scalar?
            if cursor < scalars.count, "#^/>{&=!".unicodeScalars.contains(scalars[cursor]) {
                tagType = scalars[cursor]
                cursor += 1
            }
            if tagType == "=" {
                // Custom delimiters are rare in option values; stop rather than guess.
                return .variables(names)
            }
            let closing = tagType == "{" ? "}}}" : "}}"
            guard let close = find(closing, in: scalars, from: cursor) else {
                return .syntaxError("Unclosed tag at \(scalars.count)")
            }
            let name = trimmed(scalars[cursor..<close])
            index = close + closing.unicodeScalars.count
            switch tagType {
            case "#", "^":
                openSections.append(name)
            case "/":
                guard let last = openSections.popLast() else { return .syntaxError("Unopened section \"\(name)\" at \(open)") }
                if last != name { return .syntaxError("Unclosed section \"\(last)\" at \(open)") }
            case "!", ">":
                break
            default:
                if openSections.isEmpty { names.append(name) }
            }
        }
        if let unclosed = openSections.last {
            return .syntaxError("Unclosed section \"\(unclosed)\" at \(scalars.count)")
        }
        return .variables(names)
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard start <= scalars.count - pattern.count else { return nil }
        var index = start
        while index <= scalars.count - pattern.count {
            if scalars[index] == pattern[0], Array(scalars[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return JavaScriptText.trim(String(view))
    }
}
