import Foundation

public struct EditorTextEdit: Sendable, Equatable {
    public let range: EditorRange
    public let newText: String

    public init(range: EditorRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A safe fix for one diagnostic: edits inside the diagnostic's file that leave everything else as written.
public struct EditorQuickFix: Sendable, Equatable {
    public let title: String
    public let ruleID: String
    public let edits: [EditorTextEdit]

    public init(title: String, ruleID: String, edits: [EditorTextEdit]) {
        self.title = title
        self.ruleID = ruleID
        self.edits = edits
    }
}

/// Quick fixes for the rules whose fix is unambiguous: a renamed filter op, `operation: { op }` written
/// as `op`, an unknown key that is a near miss of an allowed one, an id with characters Grouparoo refuses,
/// and a required plugin option inserted as a placeholder.
public enum EditorQuickFixes {
    public static func fixes(for diagnostics: [Diagnostic], in document: EditorDocument, config: ValidationInput?) -> [EditorQuickFix] {
        diagnostics.compactMap { diagnostic in
            guard let span = diagnostic.span else { return nil }
            let text = self.text(of: span, in: document)
            let range = document.editorRange(of: span)
            switch diagnostic.ruleID {
            case "deprecated-filter-op":
                guard let (quote, old) = unquoted(text), let new = FilterOp.replacement(forDeprecated: old) else { return nil }
                return fix("Replace \"\(old)\" with \"\(new.rawValue)\"", diagnostic, range, quote + new.rawValue + quote)
            case "unknown-key":
                let (quote, key) = unquoted(text) ?? ("", text)
                guard let configClass = enclosingClass(of: span, config: config),
                      let close = closestKey(to: key, in: configClass.allowedKeys) else { return nil }
                return fix("Rename `\(key)` to `\(close)`", diagnostic, range, quote + close + quote)
            case "invalid-id":
                guard let (quote, id) = unquoted(text), !id.contains(":"), id.utf16.count <= 191 else { return nil }
                let formatted = formattedID(id)
                guard !formatted.isEmpty, formatted != id else { return nil }
                return fix("Change the id to `\(formatted)` (update references to it too)", diagnostic, range, quote + formatted + quote)
            case "invalid-group-rule-op":
                return nestedOperationFix(diagnostic, text: text, range: range, document: document, span: span)
            case "missing-required-option":
                return missingOptionFix(diagnostic, text: text, span: span, document: document, config: config)
            default:
                return nil
            }
        }
    }

    /// `operation: { op: "eq" }` → `op: "eq"`, only when the rule holds exactly that shape.
    private static func nestedOperationFix(_ diagnostic: Diagnostic, text: String, range: EditorRange,
                                           document: EditorDocument, span: SourceSpan) -> EditorQuickFix? {
        let pattern = #"["']?operation["']?\s*:\s*\{\s*(["']?op["']?\s*:\s*(?:"[^"]*"|'[^']*'))\s*,?\s*\}"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)),
              let whole = Range(match.range, in: text), let inner = Range(match.range(at: 1), in: text) else { return nil }
        let base = document.offset(of: span.start)
        let start = base + text[..<whole.lowerBound].utf8.count
        let end = base + text[..<whole.upperBound].utf8.count
        let editRange = EditorRange(start: document.position(ofOffset: start), end: document.position(ofOffset: end))
        return EditorQuickFix(title: "Write `op` directly instead of `operation: { op }`", ruleID: diagnostic.ruleID,
                              edits: [EditorTextEdit(range: editRange, newText: String(text[inner]))])
    }

    /// Inserts every missing required option as an empty-string placeholder at the start of `options`.
    private static func missingOptionFix(_ diagnostic: Diagnostic, text: String, span: SourceSpan,
                                         document: EditorDocument, config: ValidationInput?) -> EditorQuickFix? {
        guard text.hasPrefix("{"), let target = config?.pluginOptionTargets.first(where: { $0.options?.span == span }) else {
            return nil
        }
        let provided = Set(target.providedOptions.map(\.key))
        let missing = target.applicableDefinitions.filter { $0.isRequired && !provided.contains($0.key) }.map(\.key)
        guard !missing.isEmpty, missing.allSatisfy({ target.options?.value[$0] == nil }) else { return nil }
        let json = span.file.hasSuffix(".json")
        let pairs = missing.map { key in (json || !isIdentifier(key) ? "\"\(key)\"" : key) + ": \"\"" }
        let isEmpty = text.dropFirst().allSatisfy { $0.isWhitespace || $0 == "}" }
        let insertion = " " + pairs.joined(separator: ", ") + (isEmpty ? " " : ",")
        let position = document.position(ofOffset: document.offset(of: span.start) + 1)
        return EditorQuickFix(title: "Add required option\(missing.count == 1 ? "" : "s") " + missing.map { "`\($0)`" }.joined(separator: ", "),
                              ruleID: diagnostic.ruleID,
                              edits: [EditorTextEdit(range: EditorRange(start: position, end: position), newText: insertion)])
    }

    private static func fix(_ title: String, _ diagnostic: Diagnostic, _ range: EditorRange, _ newText: String) -> EditorQuickFix {
        EditorQuickFix(title: title, ruleID: diagnostic.ruleID, edits: [EditorTextEdit(range: range, newText: newText)])
    }

    static func text(of span: SourceSpan, in document: EditorDocument) -> String {
        let start = document.offset(of: span.start)
        let end = max(start, document.offset(of: span.end))
        return String(decoding: document.bytes[start..<end], as: UTF8.self)
    }

    /// A string literal's quote and contents, when `text` is one without escapes.
    static func unquoted(_ text: String) -> (quote: String, contents: String)? {
        guard let first = text.first, ["\"", "'"].contains(first), text.count >= 2, text.last == first else { return nil }
        let contents = String(text.dropFirst().dropLast())
        guard !contents.contains("\\"), !contents.contains(first) else { return nil }
        return (String(first), contents)
    }

    private static func enclosingClass(of span: SourceSpan, config: ValidationInput?) -> ConfigClass? {
        config?.entries.first { $0.file == span.file && $0.span.start <= span.start && span.end <= $0.span.end }?.dispatchClass
    }

    /// The allowed key equal ignoring case, else the one nearest by edit distance (at most 2, and only one).
    static func closestKey(to key: String, in allowed: [String]) -> String? {
        if let same = allowed.first(where: { $0.lowercased() == key.lowercased() }) { return same }
        let scored = allowed.map { ($0, editDistance(Array(key.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.map(\.1).min(), best <= 2, scored.filter({ $0.1 == best }).count == 1 else { return nil }
        return scored.first { $0.1 == best }?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Runs of characters other than ASCII letters, digits, `-` and `_` become one `_`.
    static func formattedID(_ id: String) -> String {
        var result = ""
        for scalar in id.unicodeScalars {
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            if allowed { result.unicodeScalars.append(scalar) } else if !result.hasSuffix("_") { result += "_" }
        }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }

    private static func isIdentifier(_ key: String) -> Bool {
        key.range(of: #"^[A-Za-z_$][A-Za-z0-9_$]*$"#, options: .regularExpression) != nil
    }
}
