import ConfigModel
import Foundation

/// JSON-RPC error codes the server sends (JSON-RPC 2.0 and LSP 3.17).
enum RPCErrorCode: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
}

/// A request that cannot be answered; becomes the response's `error`.
struct RPCError: Error, CustomStringConvertible {
    let code: RPCErrorCode
    let message: String
    var description: String { message }

    init(_ code: RPCErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// Conversions between LSP's JSON shapes and the editor values of ConfigModel.
enum LSPConversions {
    static func path(fromURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(forPath path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    static func position(_ json: RPCValue?) throws(RPCError) -> EditorPosition {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else {
            throw RPCError(.invalidParams, "expected a position {line, character}")
        }
        return EditorPosition(line: line, character: character)
    }

    static func range(_ json: RPCValue?) throws(RPCError) -> EditorRange {
        EditorRange(start: try position(json?["start"]), end: try position(json?["end"]))
    }

    static func json(_ position: EditorPosition) -> RPCValue {
        .object(["line": .number(Double(position.line)), "character": .number(Double(position.character))])
    }

    static func json(_ range: EditorRange) -> RPCValue {
        .object(["start": json(range.start), "end": json(range.end)])
    }

    static func location(path: String, range: EditorRange) -> RPCValue {
        .object(["uri": .string(uri(forPath: path)), "range": json(range)])
    }

    /// An LSP diagnostic; `document` is the file's text, for UTF-16 columns.
    static func json(_ diagnostic: Diagnostic, in document: EditorDocument) -> RPCValue {
        let range = diagnostic.span.map(document.editorRange) ?? EditorRange(start: .init(line: 0, character: 0),
                                                                             end: .init(line: 0, character: 0))
        var object: [String: RPCValue] = [
            "range": json(range),
            "severity": .number(Double(severity(diagnostic.severity))),
            "code": .string(diagnostic.ruleID),
            "source": .string("grouparoo-gen"),
            "message": .string(diagnostic.message),
        ]
        let related = diagnostic.notes.compactMap { note -> RPCValue? in
            guard let span = note.span else { return nil }
            // Notes in other files point at their start; columns there need that file's text.
            let position = EditorPosition(line: max(0, span.start.line - 1), character: max(0, span.start.column - 1))
            let noteRange = span.file == diagnostic.span?.file ? document.editorRange(of: span) : EditorRange(start: position, end: position)
            return .object(["location": location(path: span.file, range: noteRange), "message": .string(note.message)])
        }
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        return .object(object)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    /// LSP `CompletionItemKind`: Class 7, Property 10, Value 12, Reference 18.
    static func completionKind(_ kind: EditorCompletionItem.Kind) -> Int {
        switch kind {
        case .configClass: return 7
        case .key: return 10
        case .value: return 12
        case .reference: return 18
        }
    }
}
