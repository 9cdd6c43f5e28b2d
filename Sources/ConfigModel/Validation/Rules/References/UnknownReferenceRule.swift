/// Every reference must name an object of the right class in the config: `…Id` keys, `propertyId` in
/// options, group rules, mappings, group memberships, record properties, and `{{{key}}}` templates in
/// property options (looked up by property key). A database-only object does not count. When a file only
/// Node can evaluate mentions the missing name, the object may be defined there, so that finding alone is
/// a warning; files that do not mention it change nothing. A reference that is still the template
/// placeholder `"..."` is left to `template-placeholder`, which already reports it.
struct UnknownReferenceRule: ValidationRule {
    let description = RuleDescription(
        identifier: "unknown-reference",
        summary: "A reference (appId, sourceId, mapping, rule propertyId, {{{key}}}, …) names no object of that class.",
        grouparooRules: ["R-DEP-02", "R-DEP-03", "R-DEP-04", "R-DEP-05", "R-DEP-06", "R-DEP-07", "R-DEP-08", "R-DEP-10",
                         "R-DEP-11", "R-PIPE-04", "R-PROP-10", "R-RULE-02", "R-RULE-06", "R-REC-06", "R-EDGE-04",
                         "R-EDGE-05", "R-EDGE-06", "R-EDGE-07"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: \"string\", sourceId: ↓\"missing_source\" }"),
            RuleExample(objects: """
                { id: "x", class: "property", key: "x", type: "string", sourceId: "s" },
                { id: "g", class: "group", name: "G", modelId: "m", rules: [{ propertyId: ↓"missing", op: "exists" }] },
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "s", class: "source", name: "S", type: "t", appId: ↓"x", modelId: "m" }
                """),
            RuleExample(objects: """
                { id: "ltv", class: "property", key: "ltv", type: "float", sourceId: ↓"s",
                  options: { query: ↓"SELECT SUM(price) FROM purchases WHERE user_id = {{{userId}}}" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "model", name: "M", type: "profile" },
                { id: "a", class: "app", name: "A", type: "sqlite" },
                { id: "s", class: "source", name: "S", type: "sqlite-import-query", appId: "a", modelId: "m" },
                { id: "user_id", class: "property", key: "userId", type: "integer", sourceId: "s", unique: true,
                  options: { query: "SELECT id" } },
                { id: "ltv", class: "property", key: "ltv", type: "float", sourceId: "s",
                  options: { query: "SELECT SUM(price) FROM purchases WHERE user_id = {{{userId}}}" } },
                { id: "g", class: "group", name: "G", modelId: "m",
                  rules: [{ propertyId: "grouparooCreatedAt", op: "relative_gt", relativeMatchNumber: 3, relativeMatchUnit: "days" },
                          { key: "ltv", op: "gt", match: 10 }] }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        references(config).map { diagnostic, target in
            // Only a file Node alone can evaluate that mentions the missing name could define it.
            guard let target, let note = config.unevaluatedFiles.note(mentioning: target) else { return diagnostic }
            var softened = diagnostic
            softened.severity = .warning
            softened.notes.append(note)
            return softened
        }
    }

    /// Each finding with the name an unevaluated file would have to define to fix it (`nil`: nothing could).
    private func references(_ config: ValidationInput) -> [(Diagnostic, target: String?)] {
        var found: [(Diagnostic, target: String?)] = []
        // Entries unretained: `for … in` retained and released each, and the other core reads them too.
        config.entries.withUnsafeBufferPointer { entries in
            for position in entries.indices {
                entries.withUnretained(at: position) { entry in
                    for reference in config.references[position]
                    where reference.provider == nil && !TemplatePlaceholderRule.isPlaceholder(reference.targetID) {
                        let resolvable = !reference.isNullish && ConfigClass(rawValue: reference.targetClass) != nil
                        found.append((missing(reference, from: entry, config), resolvable ? reference.targetID : nil))
                    }
                    // Only entries with template variables are looked at (most have none: a list per entry was made).
                    for variable in config.templateVariables[position] ?? [] where config.propertyEntry(key: variable.name) == nil {
                        found.append((diagnostic(
                            "`options.\(variable.optionKey)` uses `{{{\(variable.name)}}}`, but no property has the key "
                                + "\"\(variable.name)\" (templates name property keys, not ids)",
                            on: entry, at: variable.span, grouparoo: "no property with key \(variable.name)"), variable.name))
                    }
                }
            }
        }
        config.groups.forEachUnretained { group in
            for (index, rule) in (group.config.rules?.value ?? []).enumerated() where rule.propertyId == nil {
                guard case .object = rule.raw.value else { continue }
                let key = rule.key?.value
                if let key, TopLevelGroupRule.named(key) != nil || config.propertyEntry(key: key) != nil { continue }
                let message = key.map { "`rules[\(index)].key` names property key \"\($0)\", which no property has" }
                    ?? "`rules[\(index)]` has neither `propertyId` nor `key`"
                found.append((diagnostic(message, on: group.entry, at: rule.key?.span ?? rule.raw.span,
                                         grouparoo: "cannot find property \(key ?? "undefined")"), key))
            }
        }
        return found
    }

    private func missing(_ reference: ConfigReference, from entry: ConfigEntry, _ config: ValidationInput) -> Diagnostic {
        let targetClass = reference.targetClass
        var notes: [DiagnosticNote] = []
        let message: String
        if reference.isNullish {
            message = "`\(reference.path)` is \(reference.targetID); it must be the id of a \(targetClass)"
        } else if ConfigClass(rawValue: targetClass) == nil {
            message = "`\(reference.path)` can never resolve: Grouparoo treats every key ending in `Id` as a reference "
                + "to class `\(targetClass)`, which does not exist"
        } else {
            let others = config.entries(withID: reference.targetID)
            notes = others.prefix(3).map { .definedHere($0, "an object with this id exists, but it is a \($0.displayClass ?? "object")") }
            let kind = reference.kind == .recordProperty ? "property id (record properties are keyed by property id)" : targetClass
            message = "`\(reference.path)` refers to \(kind) `\(reference.targetID)`, which is not defined in the config"
        }
        // Grouparoo prints the text between the node id's first and second `:` (R-PIPE-04).
        let shownID = reference.targetID.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return diagnostic(message, on: entry, at: reference.span, grouparoo: "Could not find object with ID: \(shownID)",
                          notes: notes)
    }
}
