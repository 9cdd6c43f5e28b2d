import Foundation

/// One object of a file, for an editor's outline.
public struct EditorSymbol: Sendable, Equatable {
    public let name: String
    /// The object's class as written (`app`, `source`, …), or `object` when it has none.
    public let kind: String
    public let span: SourceSpan
    /// Where the name is: the `id` value, else the whole object.
    public let selection: SourceSpan
}

/// Go to definition, hover and outline over a file's latest read (current even while the rules pass
/// runs) and the config of the last finished pass (`config`, for what references point at).
public struct EditorNavigation: Sendable {
    public let file: FileReadResult
    public let config: ValidationInput?
    /// The file's objects as entries, so references are found exactly as the rules find them.
    let entries: [ConfigEntry]

    public init(file: FileReadResult, config: ValidationInput?) {
        self.file = file
        self.config = config
        entries = file.objects.enumerated().map { ConfigEntry(position: $0.offset, file: file.path, value: $0.element) }
    }

    /// The top-level object written around `position`.
    public func entry(at position: TextPosition) -> ConfigEntry? {
        entries.first { Self.contains($0.span, position) }
    }

    /// The reference written at `position` (an `appId` value, a mapping value, a record property key, …).
    public func reference(at position: TextPosition) -> ConfigReference? {
        guard let entry = entry(at: position) else { return nil }
        return ReferenceCollector.references(of: entry, bootstrappedPropertyID: nil).first { Self.contains($0.span, position) }
    }

    /// The object a reference names, found as Grouparoo's dependency graph finds it.
    public func target(of reference: ConfigReference) -> ConfigEntry? {
        guard let config else { return nil }
        if let found = config.entry(nodeID: reference.nodeID.lowercasedClass) { return found }
        // Record property keys name a property by key as well as by id.
        return reference.kind == .recordProperty ? config.propertyEntry(key: reference.targetID) : nil
    }

    /// Where the thing at `position` is defined: a reference's target object, or the file a
    /// `require("./x")` names (`requireSpecifier` is the string under the cursor, found in the text).
    public func definition(at position: TextPosition, requireSpecifier: String? = nil,
                           overlay: [String: [UInt8]] = [:]) -> SourceSpan? {
        if let specifier = requireSpecifier {
            let base = URL(fileURLWithPath: file.path).deletingLastPathComponent().appendingPathComponent(specifier)
            return ModuleLoader.resolve(base.standardizedFileURL.path, overlay: overlay).map(SourceSpan.wholeFile)
        }
        guard let reference = reference(at: position), let target = target(of: reference) else { return nil }
        return target.anchor
    }

    /// Markdown describing the object at `position`, or the one a reference there names.
    public func hover(at position: TextPosition) -> String? {
        if let reference = reference(at: position) {
            guard let target = target(of: reference) else {
                return "`\(reference.path)` names \(reference.targetClass) `\(reference.targetID)`, which is not in this config"
            }
            return Self.describe(target, pluginTypes: config?.plugins)
        }
        guard let entry = entry(at: position), let idSpan = entry.idProperty?.value.span, Self.contains(idSpan, position) else {
            return nil
        }
        return Self.describe(entry, pluginTypes: config?.plugins ?? PluginCatalog.bundled)
    }

    public var symbols: [EditorSymbol] {
        entries.map { entry in
            EditorSymbol(name: entry.id ?? entry.keyOrName, kind: entry.rawClass ?? "object", span: entry.span,
                         selection: entry.anchor)
        }
    }

    /// Class, id, name, file and the facts that identify the object (type, model, app, source, key).
    static func describe(_ entry: ConfigEntry, pluginTypes: PluginCatalog?) -> String {
        var lines = ["**\(entry.displayClass ?? "object")** `\(entry.id ?? "(no id)")`"]
        for key in ["name", "key", "type", "modelId", "appId", "sourceId", "groupId", "teamId", "syncMode", "email"] {
            guard let value = entry.properties[key]?.value, case .string(let text) = value else { continue }
            var fact = "- \(key): `\(text)`"
            if key == "type", let plugin = pluginTypes?.apps[text]?.plugin ?? pluginTypes?.connections[text]?.plugin {
                fact += " (\(plugin))"
            }
            lines.append(fact)
        }
        lines.append("- defined in \(entry.file):\(entry.span.start.line)")
        return lines.joined(separator: "\n")
    }

    /// Spans end after their last character; a cursor just after a value still counts as on it.
    static func contains(_ span: SourceSpan, _ position: TextPosition) -> Bool {
        span.start <= position && position <= span.end
    }
}

extension EditorNavigation {
    /// The `require("…")` specifier whose string holds `column` (0-based UTF-16) in `line`, if any.
    public static func requireSpecifier(inLine line: String, atCharacter character: Int) -> String? {
        let pattern = #"require\(\s*(["'])([^"']+)\1\s*\)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let text = line as NSString
        for match in regex.matches(in: line, range: NSRange(location: 0, length: text.length)) {
            let whole = match.range
            if character >= whole.location, character <= whole.location + whole.length {
                return text.substring(with: match.range(at: 2))
            }
        }
        return nil
    }
}

private extension String {
    /// `app:x` for `App:x`: node ids use the lower-cased class (Grouparoo's `cleanClass`).
    var lowercasedClass: String {
        guard let colon = firstIndex(of: ":") else { return self }
        return self[..<colon].lowercased() + self[colon...]
    }
}
