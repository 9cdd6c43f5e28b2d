/// The property a source maps to and owns (its auto-bootstrapped, primary-key property) must be
/// `unique: true`, must not be an array, and needs `options` to be created from.
struct BootstrapPropertyRule: ValidationRule {
    enum Requirement { case unique, notArray, hasOptions }

    let description: RuleDescription
    let requirement: Requirement

    func check(_ config: ValidationInput) -> [Diagnostic] {
        config.bootstrappedProperties.sorted { $0.key < $1.key }.compactMap { sourcePosition, propertyPosition in
            let source = config.entries[sourcePosition], property = config.entries[propertyPosition]
            let sourceID = source.id ?? "undefined", propertyID = property.id ?? "undefined"
            let unique = property.properties["unique"].map { JavaScriptValues.isTruthy($0.value) } ?? false
            let isArray = property.properties["isArray"].map { JavaScriptValues.isTruthy($0.value) } ?? false
            let hasOptions = property.properties["options"].map { JavaScriptValues.isTruthy($0.value) } ?? false
            let notes = [DiagnosticNote("source `\(sourceID)` maps to it here", span: mappingSpan(source, propertyID))]
            switch requirement {
            case .unique where !unique:
                return diagnostic("property `\(propertyID)` is the mapping of its own source `\(sourceID)`, so it must "
                                  + "be `unique: true`", on: property, at: property.properties["unique"]?.span,
                                  grouparoo: "The property \"\(propertyID)\" needs to be set as \"unique: true\" to be "
                                      + "used as the mapping for the source \"\(sourceID)\"", notes: notes)
            case .notArray where unique && isArray:
                return diagnostic("property `\(propertyID)` is the mapping of its own source `\(sourceID)`, so it cannot "
                                  + "be an array", on: property, at: property.properties["isArray"]?.span,
                                  grouparoo: "The property \"\(propertyID)\" cannot be an array to be used as the "
                                      + "mapping for the source \"\(sourceID)\"", notes: notes)
            case .hasOptions where !hasOptions || propertyID == sourceID:
                let why = propertyID == sourceID ? "has the same id as its source, so Grouparoo cannot find it"
                    : "has no `options`, which Grouparoo needs to create it from the source's mapping"
                return diagnostic("bootstrapped property `\(propertyID)` \(why)", on: property,
                                  grouparoo: "cannot find Property with id \"\(propertyID)\"", notes: notes)
            default:
                return nil
            }
        }
    }

    private func mappingSpan(_ source: ConfigEntry, _ propertyID: String) -> SourceSpan? {
        guard case .object(let mapping)? = source.properties["mapping"]?.value else { return nil }
        return mapping.properties.first { JavaScriptValues.string($0.value.value) == propertyID }?.value.span
    }

    private static let base = """
        { id: "a", class: "app", name: "A", type: "sqlite" },
        { id: "m", class: "model", name: "M", type: "profile" },
        { id: "users", class: "source", name: "Users", type: "sqlite-import-table", appId: "a", modelId: "m",
          options: { table: "users" }, mapping: { id: "user_id" } },
        """

    static let all: [BootstrapPropertyRule] = [
        BootstrapPropertyRule(description: RuleDescription(
            identifier: "bootstrap-not-unique",
            summary: "The property a source maps to (and owns) is not `unique: true`.",
            grouparooRules: ["R-SRC-05", "R-EDGE-06", "R-PROP-08"], severity: .error,
            triggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", options: { column: "id" } }
                """)],
            nonTriggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
                  options: { column: "id" } }
                """)]), requirement: .unique),
        BootstrapPropertyRule(description: RuleDescription(
            identifier: "bootstrap-is-array", summary: "The property a source maps to (and owns) is an array.",
            grouparooRules: ["R-SRC-06", "R-EDGE-06"], severity: .error,
            triggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
                  isArray: true, options: { column: "id" } }
                """)],
            nonTriggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
                  isArray: false, options: { column: "id" } }
                """)]), requirement: .notArray),
        BootstrapPropertyRule(description: RuleDescription(
            identifier: "bootstrap-without-options",
            summary: "The property a source maps to (and owns) has no `options`, or has the source's id.",
            grouparooRules: ["R-SRC-06b", "R-SRC-12", "R-EDGE-06"], severity: .error,
            triggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true }
                """)],
            nonTriggeringExamples: [RuleExample(objects: base + """
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "users", unique: true,
                  options: {} }
                """)]), requirement: .hasOptions),
    ]
}
