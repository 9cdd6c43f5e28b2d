import Foundation

/// The source text of the files the static reader could not evaluate (`needs-node`). Objects defined
/// there are missing from the config, so a rule that finds something absent asks whether one of these
/// files could plausibly define it: whether it mentions the name as a whole word. Only then is the
/// finding softened; one unrelated unevaluable file must not turn every typo into a warning.
struct UnevaluatedFiles: Sendable {
    struct File: Sendable {
        let path: String
        let scalars: [Unicode.Scalar]
    }

    let files: [File]
    /// Where each word (a maximal run of id characters) first occurs, so most look-ups are one hash probe
    /// however many references are missing.
    private let firstWords: [String: SourceSpan]

    init(_ read: ConfigReadResult) {
        files = read.files.filter(\.needsNode).map { result in
            let text = (try? String(contentsOfFile: result.path, encoding: .utf8)) ?? ""
            return File(path: result.path, scalars: Array(text.unicodeScalars))
        }
        var words: [String: SourceSpan] = [:]
        for file in files {
            Self.forEachWord(in: file) { word, start, length in
                guard words[word] == nil else { return }
                words[word] = SourceSpan(file: file.path, start: start,
                                         end: TextPosition(line: start.line, column: start.column + length))
            }
        }
        firstWords = words
    }

    /// Where the first unevaluated file mentioning `name` mentions it, or `nil` when none does.
    /// A mention is the whole name, not part of a longer identifier (`users` is not in `users_source`).
    func firstMention(of name: String) -> SourceSpan? {
        let needle = Array(name.unicodeScalars)
        guard !needle.isEmpty, !files.isEmpty else { return nil }
        if needle.allSatisfy(Self.isWordScalar) { return firstWords[name] }
        for file in files {
            if let span = Self.firstMention(of: needle, in: file) { return span }
        }
        return nil
    }

    /// A note for a softened diagnostic: the unevaluated file that mentions `name`.
    func note(mentioning name: String) -> DiagnosticNote? {
        firstMention(of: name).map { span in
            DiagnosticNote("this file could not be evaluated statically (see `needs-node`) and mentions \"\(name)\"; "
                           + "it may define it, so this is only a warning (run with --evaluator node to be sure)",
                           span: span)
        }
    }

    private static func firstMention(of needle: [Unicode.Scalar], in file: File) -> SourceSpan? {
        let haystack = file.scalars
        guard haystack.count >= needle.count else { return nil }
        var line = 1, lineStart = 0
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == "\n" {
                line += 1
                lineStart = index + 1
            } else if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle),
                      index == 0 || !isWordScalar(haystack[index - 1]),
                      index + needle.count == haystack.count || !isWordScalar(haystack[index + needle.count]) {
                let column = index - lineStart + 1
                return SourceSpan(file: file.path, start: TextPosition(line: line, column: column),
                                  end: TextPosition(line: line, column: column + needle.count))
            }
            index += 1
        }
        return nil
    }

    /// Calls `body` with each word, where it starts and its length in scalars.
    private static func forEachWord(in file: File, _ body: (String, TextPosition, Int) -> Void) {
        var line = 1, lineStart = 0
        var index = 0
        let scalars = file.scalars
        while index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
            } else if isWordScalar(scalars[index]) {
                let start = index
                while index < scalars.count, isWordScalar(scalars[index]) { index += 1 }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: scalars[start..<index])
                body(String(word), TextPosition(line: line, column: start - lineStart + 1), index - start)
            } else {
                index += 1
            }
        }
    }

    /// Characters that continue an id or identifier, so a match next to one is part of a longer name.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                          || scalar == "$")
            : scalar.properties.isAlphabetic
    }
}
