import ConfigModel
import Foundation

/// The text `DiagnosticPrinter` prints for diagnostics, made without the terminal, so runs of
/// diagnostics can be rendered on several threads at once.
struct DiagnosticText: Sendable {
    /// Paths are shown relative to this directory when they are inside it.
    let relativeTo: String
    let useColor: Bool

    /// The text of every diagnostic, in order, handed to `write` as a few long pieces. Rendering reads
    /// source files and builds excerpts, the costly part of printing, so runs of diagnostics render on
    /// every core (`ParallelWork.renderInOrder`).
    func renderInParallel(_ diagnostics: [Diagnostic], to write: (String) -> Void) {
        let secrets = SecretMasking(diagnostics)
        let runs = Self.runs(of: diagnostics, size: ParallelWork.itemsPerRun)
        ParallelWork.renderInOrder(runs, { render(diagnostics[$0], secrets: secrets) }, to: write)
    }

    /// Consecutive ranges of about `size` diagnostics, each ending where a file's diagnostics end when
    /// one ends soon after (diagnostics come sorted by file, so a file's source is read by one run).
    static func runs(of diagnostics: [Diagnostic], size: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < diagnostics.count {
            var end = min(start + size, diagnostics.count)
            let file = diagnostics[end - 1].span?.file
            let limit = min(end + size, diagnostics.count)
            while end < limit, file != nil, diagnostics[end].span?.file == file { end += 1 }
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// The text of consecutive diagnostics, made as UTF-8 bytes and turned into one `String` at the end.
    func render(_ diagnostics: ArraySlice<Diagnostic>, secrets: SecretMasking) -> String {
        var output = RenderedRun(text: self, secrets: secrets)
        for diagnostic in diagnostics { output.append(diagnostic) }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The path relative to `relativeTo` when inside it; control characters (newlines too) escaped.
    func displayPath(_ path: String) -> String {
        ControlCharacters.escaped(relativePath(path))
    }

    /// `path` without `relativeTo/` in front when it starts so, by Characters as a String compares. When
    /// both are ASCII where they meet, bytes give the same answer for far less work (this runs per file shown).
    private func relativePath(_ path: String) -> String {
        let prefix = relativeTo.utf8
        let utf8 = path.utf8
        if utf8.count > prefix.count + 1, prefix.allSatisfy({ $0 < 0x80 }), utf8.starts(with: prefix) {
            let slash = utf8.index(utf8.startIndex, offsetBy: prefix.count)
            let next = utf8.index(after: slash)
            if utf8[slash] == UInt8(ascii: "/") {
                if utf8[next] < 0x80 { return String(path[next...]) }
            } else if utf8[slash] < 0x80 {
                return path
            }
        }
        return path.hasPrefix(relativeTo + "/") ? String(path.dropFirst(relativeTo.count + 1)) : path
    }

    /// Appends message text with control characters escaped; a message may span lines (Grouparoo's own
    /// wording does), but continuation lines are indented, so none can pass for a diagnostic. Done on bytes:
    /// Foundation's replacingOccurrences skips a line feed that a combining mark follows.
    func appendMultiline(_ text: String, to bytes: inout [UInt8]) {
        if ControlCharacters.isPlain(text) { return bytes.append(contentsOf: text.utf8) }
        for byte in ControlCharacters.escaped(text, keepNewlines: true).utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes.append(contentsOf: Self.continuationIndent) }
        }
    }

    private static let continuationIndent = [UInt8](repeating: UInt8(ascii: " "), count: 6)
}

/// One run's text, made as UTF-8 bytes. Every string from the config (ids, values, file names, source
/// lines) can hold control characters; they are shown as visible escapes so no file can drive the terminal.
private struct RenderedRun {
    let text: DiagnosticText
    let secrets: SecretMasking
    private(set) var bytes: [UInt8] = []
    /// The file the last diagnostic with a span points into; only its lines are kept, so memory stays flat.
    private var file: ShownFile?
    private let reader = ShownFileReader()
    private var excerpt = SourceExcerpt()

    init(text: DiagnosticText, secrets: SecretMasking) {
        self.text = text
        self.secrets = secrets
        bytes.reserveCapacity(64 * 1024)
    }

    mutating func append(_ diagnostic: Diagnostic) {
        if let span = diagnostic.span {
            if file?.fileID != span.fileID { file = ShownFile(span, text: text, secrets: secrets, reader: reader) }
            append(location: span, shown: file!.shownPath)
        }
        appendPainted(diagnostic.severity.rawValue, color: diagnostic.severity.colorCode)
        bytes.append(UInt8(ascii: " "))
        text.appendMultiline(diagnostic.message, to: &bytes)
        bytes.append(ascii: " [")
        bytes.append(contentsOf: ControlCharacters.escaped(diagnostic.ruleID).utf8)
        bytes.append(ascii: "]\n")
        if let span = diagnostic.span, let line = file!.lines?.lineBytes(span.start.line) {
            excerpt.append(line, span: span, secrets: file!.secrets, useColor: text.useColor, to: &bytes)
        }
        if let grouparooMessage = diagnostic.grouparooMessage {
            bytes.append(ascii: "    = Grouparoo reports: ")
            text.appendMultiline(grouparooMessage, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        for note in diagnostic.notes {
            if let span = note.span { append(location: span, shown: Array(text.displayPath(span.file).utf8)) }
            appendPainted("note", color: "36")
            bytes.append(UInt8(ascii: " "))
            text.appendMultiline(note.message, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// `path:line:column: `
    private mutating func append(location span: SourceSpan, shown path: [UInt8]) {
        bytes.append(contentsOf: path)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(decimal: span.start.line)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(decimal: span.start.column)
        bytes.append(ascii: ": ")
    }

    /// `word:`, in bold `color` when colours are used.
    private mutating func appendPainted(_ word: String, color: StaticString) {
        if text.useColor { bytes.append(colorStart: color) }
        bytes.append(contentsOf: word.utf8)
        bytes.append(UInt8(ascii: ":"))
        if text.useColor { bytes.append(ascii: [UInt8].colorEnd) }
    }
}

/// What a run keeps of the file its diagnostics point into, found once per file, not per diagnostic.
private struct ShownFile {
    let fileID: Int32
    let shownPath: [UInt8]
    /// Nil when the file cannot be read or is too large to be worth showing lines of.
    var lines: SourceLineCursor?
    let secrets: SecretMasking.FileSecrets

    init(_ span: SourceSpan, text: DiagnosticText, secrets: SecretMasking, reader: ShownFileReader) {
        fileID = span.fileID
        let path = span.file
        shownPath = Array(text.displayPath(path).utf8)
        lines = reader.contents(of: path).flatMap { $0.count < 16 << 20 ? SourceLineCursor($0) : nil }
        self.secrets = secrets.inFile(of: span)
    }
}

/// Report text appended as UTF-8 bytes.
extension Array where Element == UInt8 {
    /// Appends `value` in decimal, as `String(value)` would write it.
    mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var power: UInt = 1
        while power <= magnitude / 10 { power *= 10 }
        while power > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / power % 10))
            power /= 10
        }
    }

    /// Appends a literal: a copy of its bytes, no `String` made.
    mutating func append(ascii text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Starts bold text in the terminal colour `code` (`[UInt8].colorEnd` ends it).
    mutating func append(colorStart code: StaticString) {
        append(ascii: "\u{1B}[1;")
        append(ascii: code)
        append(UInt8(ascii: "m"))
    }

    static let colorEnd: StaticString = "\u{1B}[0m"
}

private extension Severity {
    var colorCode: StaticString {
        switch self {
        case .error: return "31"
        case .warning: return "33"
        case .note: return "36"
        }
    }
}
