import ConfigModel
import Foundation

/// `--format sarif`: a SARIF 2.1.0 log for code-scanning tools. Every rule the tool knows is
/// described in `tool.driver.rules`; each result points at its rule by id and index.
enum SARIFReport {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The base the relative artifact URIs are resolved against (the working directory).
    static let sourceRootID = "%SRCROOT%"

    static func log(_ outcome: ValidationOutcome, paths: ReportPaths) -> OrderedJSON {
        let diagnostics = outcome.diagnostics
        let rules = ruleList(for: diagnostics)
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.identifier] = index }
        let results = OrderedJSON.elements(count: diagnostics.count) { [ruleIndex] in
            result(diagnostics[$0], ruleIndex: ruleIndex[diagnostics[$0].ruleID]!, paths: paths)
        }
        let driver = OrderedJSON.object([
            ("name", .string("grouparoo-gen")),
            ("version", .string(CommandRouter.version)),
            ("semanticVersion", .string(CommandRouter.version)),
            ("rules", .array(rules.map(descriptor))),
        ])
        let run = OrderedJSON.object([
            ("tool", .object([("driver", driver)])),
            ("originalUriBaseIds", .object([
                (sourceRootID, .object([("uri", .string(directoryURI(paths.workingDirectory)))])),
            ])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", results),
        ])
        return .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    /// What `tool.driver.rules` says about one rule.
    struct RuleEntry {
        let identifier: String
        let summary: String
        let severity: Severity
        let enabledByDefault: Bool
        let grouparooRules: [String]
    }

    /// All known rules, plus any id a diagnostic carries that no rule describes (so every
    /// result's `ruleId` is in the list).
    static func ruleList(for diagnostics: [Diagnostic]) -> [RuleEntry] {
        var rules = KnownRules.all.map {
            RuleEntry(identifier: $0.identifier, summary: $0.summary, severity: $0.severity,
                      enabledByDefault: $0.enabledByDefault, grouparooRules: $0.grouparooRules)
        }
        var seen = Set(rules.map(\.identifier))
        for diagnostic in diagnostics where !seen.contains(diagnostic.ruleID) {
            seen.insert(diagnostic.ruleID)
            rules.append(RuleEntry(identifier: diagnostic.ruleID, summary: "Reported by grouparoo-gen as \(diagnostic.ruleID).",
                                   severity: diagnostic.severity, enabledByDefault: true, grouparooRules: []))
        }
        return rules
    }

    private static func descriptor(_ rule: RuleEntry) -> OrderedJSON {
        .object([
            ("id", .string(rule.identifier)),
            ("name", .string(pascalCase(rule.identifier))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("defaultConfiguration", .object([
                ("enabled", .bool(rule.enabledByDefault)),
                ("level", .string(level(rule.severity))),
            ])),
            ("properties", .object([("grouparooRules", .array(rule.grouparooRules.map { .string($0) }))])),
        ])
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int, paths: ReportPaths) -> OrderedJSON {
        var members: [(key: String, value: OrderedJSON)] = [
            ("ruleId", .string(diagnostic.ruleID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array(diagnostic.span.map { [.object([("physicalLocation", physicalLocation($0, paths: paths))])] } ?? [])),
        ]
        let related = diagnostic.notes.enumerated().compactMap { index, note -> OrderedJSON? in
            guard let span = note.span else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physicalLocation(span, paths: paths)),
                ("message", .object([("text", .string(note.message))])),
            ])
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        var properties: [(key: String, value: OrderedJSON)] = []
        if let message = diagnostic.grouparooMessage { properties.append(("grouparooMessage", .string(message))) }
        if let objectClass = diagnostic.objectClass { properties.append(("objectClass", .string(objectClass))) }
        if let objectID = diagnostic.objectID { properties.append(("objectId", .string(objectID))) }
        let unlocatedNotes = diagnostic.notes.filter { $0.span == nil }.map { OrderedJSON.string($0.message) }
        if !unlocatedNotes.isEmpty { properties.append(("notes", .array(unlocatedNotes))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    private static func physicalLocation(_ span: SourceSpan, paths: ReportPaths) -> OrderedJSON {
        var region: [(key: String, value: OrderedJSON)] = [
            ("startLine", .int(max(1, span.start.line))),
            ("startColumn", .int(max(1, span.start.column))),
        ]
        // SARIF's end column points just past the last character, as our spans do.
        if span.end > span.start {
            region.append(("endLine", .int(span.end.line)))
            region.append(("endColumn", .int(max(1, span.end.column))))
        }
        let artifact: OrderedJSON
        if paths.isInsideWorkingDirectory(span.file) {
            artifact = .object([("uri", .string(percentEncoded(paths.display(span.file)))), ("uriBaseId", .string(sourceRootID))])
        } else {
            artifact = .object([("uri", .string(URL(fileURLWithPath: span.file).absoluteString))])
        }
        return .object([("artifactLocation", artifact), ("region", .object(region))])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// `duplicate-id` → `DuplicateId`, the conventional SARIF rule name.
    static func pascalCase(_ identifier: String) -> String {
        identifier.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Most paths hold only unreserved ASCII and slashes, which need no encoding, told from their bytes
    /// (Foundation's encoder cost more than all the rest of a result).
    private static func percentEncoded(_ relativePath: String) -> String {
        if relativePath.utf8.allSatisfy(isUnreservedOrSlash) { return relativePath }
        return relativePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relativePath
    }

    private static func isUnreservedOrSlash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func directoryURI(_ directory: String) -> String {
        let absolute = URL(fileURLWithPath: directory, isDirectory: true).absoluteString
        return absolute.hasSuffix("/") ? absolute : absolute + "/"
    }
}
