import ConfigModel
import Foundation

/// Requests about one open file: definition, hover, completion, outline and quick fixes.
extension LanguageServer {
    /// The document at `params.textDocument`: the open buffer, else the file on disk.
    func document(_ path: String) throws(RPCError) -> EditorDocument {
        if let open = documents[path] { return open }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RPCError(.invalidParams, "cannot read \(path)")
        }
        return EditorDocument(bytes: Array(data))
    }

    /// Navigation over the file's latest read and the last finished rules pass.
    private func navigation(_ path: String) throws(RPCError) -> EditorNavigation {
        if let file = workspace?.file(path) { return EditorNavigation(file: file, config: lastCheck?.input) }
        let bytes = try document(path).bytes
        return EditorNavigation(file: ConfigReader(options: readerOptions).read(contents: bytes, path: path), config: lastCheck?.input)
    }

    func definition(_ params: RPCValue) throws(RPCError) -> RPCValue {
        let path = try documentPath(params)
        let document = try document(path)
        let position = try LSPConversions.position(params["position"])
        let line = document.linePrefix(at: EditorPosition(line: position.line, character: Int.max))
        let specifier = EditorNavigation.requireSpecifier(inLine: line, atCharacter: position.character)
        let navigation = try navigation(path)
        guard let target = navigation.definition(at: document.textPosition(of: position), requireSpecifier: specifier,
                                                 overlay: documents.mapValues(\.bytes)) else { return .null }
        let targetDocument = (try? self.document(target.file)) ?? EditorDocument(text: "")
        return LSPConversions.location(path: target.file, range: targetDocument.editorRange(of: target))
    }

    func hover(_ params: RPCValue) throws(RPCError) -> RPCValue {
        let path = try documentPath(params)
        let document = try document(path)
        let position = try LSPConversions.position(params["position"])
        guard let text = try navigation(path).hover(at: document.textPosition(of: position)) else { return .null }
        return .object(["contents": .object(["kind": .string("markdown"), "value": .string(text)])])
    }

    func completion(_ params: RPCValue) throws(RPCError) -> RPCValue {
        let path = try documentPath(params)
        let document = try document(path)
        let position = try LSPConversions.position(params["position"])
        guard let context = EditorTextContext.at(document.offset(of: position), in: document.bytes,
                                                 linePrefix: document.linePrefix(at: position)) else {
            return .object(["isIncomplete": .bool(false), "items": .array([])])
        }
        let items = EditorCompletion.candidates(context, config: lastCheck?.input, plugins: lastCheck?.input.plugins ?? .bundled)
        return .object([
            "isIncomplete": .bool(false),
            "items": .array(items.map { item in
                .object(["label": .string(item.label), "kind": .number(Double(LSPConversions.completionKind(item.kind))),
                         "detail": .string(item.detail)])
            }),
        ])
    }

    func documentSymbols(_ params: RPCValue) throws(RPCError) -> RPCValue {
        let path = try documentPath(params)
        let document = try document(path)
        return .array(try navigation(path).symbols.map { symbol in
            .object([
                "name": .string(symbol.name),
                "detail": .string(symbol.kind),
                "kind": .number(19),  // SymbolKind.Object
                "range": LSPConversions.json(document.editorRange(of: symbol.span)),
                "selectionRange": LSPConversions.json(document.editorRange(of: symbol.selection)),
            ])
        })
    }

    func codeActions(_ params: RPCValue) throws(RPCError) -> RPCValue {
        let path = try documentPath(params)
        let document = try document(path)
        let range = try LSPConversions.range(params["range"])
        let diagnostics = (lastCheck?.diagnosticsByFile[path] ?? []).filter { diagnostic in
            guard let span = diagnostic.span else { return false }
            let spanRange = document.editorRange(of: span)
            return spanRange.start <= range.end && range.start <= spanRange.end
        }
        let fixes = EditorQuickFixes.fixes(for: diagnostics, in: document, config: lastCheck?.input)
        let uri = LSPConversions.uri(forPath: path)
        return .array(fixes.map { fix in
            let edits: [RPCValue] = fix.edits.map { edit in
                .object(["range": LSPConversions.json(edit.range), "newText": .string(edit.newText)])
            }
            return .object([
                "title": .string(fix.title),
                "kind": .string("quickfix"),
                "isPreferred": .bool(true),
                "edit": .object(["changes": .object([uri: .array(edits)])]),
            ])
        })
    }
}

/// Which config directory a session checks: `initializationOptions.configDir`, else the workspace
/// folder's `config/`, else the nearest `config/` below it, else the folder itself when it holds config.
enum ConfigDirectoryLocator {
    static func locate(_ params: RPCValue, environment: [String: String]) -> String? {
        let folders = (params["workspaceFolders"]?.array ?? []).compactMap { $0["uri"]?.string }
            + [params["rootUri"]?.string].compactMap { $0 }
        let roots = folders.compactMap(LSPConversions.path(fromURI:)) + [params["rootPath"]?.string].compactMap { $0 }
        if let configured = params["initializationOptions"]?["configDir"]?.string {
            let base = roots.first.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            return URL(fileURLWithPath: configured, relativeTo: base).standardizedFileURL.path
        }
        for root in roots {
            if let configured = environment["GROUPAROO_CONFIG_DIR"], !configured.isEmpty, configured != "false" {
                let path = URL(fileURLWithPath: configured, relativeTo: URL(fileURLWithPath: root)).standardizedFileURL.path
                if isDirectory(path) { return path }
            }
            if let found = nearestConfigFolder(below: root) { return found }
        }
        return roots.first
    }

    /// Breadth-first, so `config/` beside the workspace root wins over a deeper one; hidden folders and
    /// `node_modules` are skipped.
    static func nearestConfigFolder(below root: String, maximumDepth: Int = 3) -> String? {
        var level = [URL(fileURLWithPath: root).standardizedFileURL]
        for _ in 0...maximumDepth {
            var next: [URL] = []
            for directory in level {
                let candidate = directory.appendingPathComponent(ReaderSetup.defaultFolder)
                if isDirectory(candidate.path) { return candidate.path }
                let children = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                for child in children.sorted() where !child.hasPrefix(".") && child != "node_modules" {
                    let url = directory.appendingPathComponent(child)
                    if isDirectory(url.path) { next.append(url) }
                }
            }
            level = next
        }
        return nil
    }

    /// `validate`'s rule selection and dialect from `.grouparoo-gen.json`, when there is one that loads.
    static func validator(for directory: String) -> Validator {
        guard let path = ProjectSettings.find(startingAt: directory), let settings = try? ProjectSettings.load(from: path) else {
            return Validator()
        }
        return Validator(selection: RuleSelection(disabled: Set(settings.disable), enabled: Set(settings.enable)),
                         dialect: settings.dialect ?? .sqlite)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
